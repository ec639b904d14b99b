import Foundation

/// Numerical questions: `{#3.14:0.01}`, `{#1..5}`, `{#=%100%3:0 =%50%3:1#close ~#wrong}`.
extension GIFTQuestionReader {
  /// `answers` is what follows the `#`. Everything from the first `~` is feedback for any
  /// other number; each `=` starts an answer: `value`, `value:tolerance` or `min..max`.
  mutating func numerical(_ answers: GIFTText, _ context: inout AnswerContext) -> Question.Kind? {
    var numbers = answers
    if let tilde = answers.firstSyntax("~") {
      numbers = answers[..<tilde]
      let parts = answers[(tilde + 1)...].split(onSyntax: "#", limit: 2)
      if parts.count > 1 { context.feedbackWrong = render(parts[1].trimmed(), default: context.format) }
    }
    var pieces = numbers.split(onSyntax: "=").map { $0.trimmed() }
    if pieces.first?.isEmpty == true { pieces.removeFirst() }
    guard !pieces.isEmpty else {
      error(
        "a numerical question needs a number after `{#` (like `{#42}` or `{#3.14:0.01}`): Moodle would reject it",
        at: context.block)
      return nil
    }
    var options: [Question.NumericOption] = []
    for piece in pieces {
      let location = piece.first.map(at) ?? context.block
      guard let (weight, body) = readWeight(piece) else { return nil }
      let parts = body.split(onSyntax: "#", limit: 2)
      let text = GIFTTextFormat.split(parts[0].trimmed().text, default: context.format).body
      let feedback = parts.count > 1 ? render(parts[1].trimmed(), default: context.format) : nil
      guard let range = numericRange(text, at: location) else { return nil }
      options.append(.init(minimum: range.lowerBound, maximum: range.upperBound, weight: weight ?? 100, feedback: feedback))
    }
    guard options.contains(where: { $0.weight >= 100 }) else {
      error("no answer is worth 100%: Moodle would refuse this numerical question", at: context.block)
      return nil
    }
    options = context.withoutFallbackFeedback(options, weight: \.weight, feedback: \.feedback)
    return .number(Question.NumberAnswer(options: options))
  }

  /// `min..max`, `value:tolerance` or `value`, read only where Moodle finds the `..` or
  /// `:` after the first character (so `-5` is a number, not a range).
  private mutating func numericRange(_ text: String, at location: SourceLocation) -> ClosedRange<Double>? {
    if let dots = text.range(of: ".."), dots.lowerBound > text.startIndex {
      let low = text[..<dots.lowerBound]
      let high = text[dots.upperBound...]
      guard let minimum = Self.number(low), let maximum = Self.number(high) else {
        error(
          "range `\(text)` is not two numbers `min..max`: Moodle's import would stop with an error here",
          at: location)
        return nil
      }
      return min(minimum, maximum)...max(minimum, maximum)
    }
    var valueText = Substring(text)
    var tolerance = 0.0
    if let colon = text.firstIndex(of: ":"), colon > text.startIndex {
      valueText = text[..<colon]
      let toleranceText = text[text.index(after: colon)...]
      guard let value = Self.number(toleranceText) else {
        error("tolerance `\(toleranceText.trimmingSpaces())` is not a number: Moodle would reject this question", at: location)
        return nil
      }
      tolerance = abs(value)
    }
    guard let value = Self.number(valueText) else {
      error(
        "`\(valueText.trimmingSpaces())` is not a number: Moodle would accept any answer in its place (write a "
          + "number like `42`, `3.14:0.01` or `1..5`)", at: location)
      return nil
    }
    return (value - tolerance)...(value + tolerance)
  }

  /// A number as PHP's `is_numeric` reads it (signs, decimals, exponents; no hex, no
  /// `inf`), finite.
  static func number(_ text: Substring) -> Double? {
    let trimmed = String(text).trimmingSpaces()
    var scalars = trimmed.unicodeScalars[...]
    if scalars.first == "+" || scalars.first == "-" { scalars = scalars.dropFirst() }
    let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
    let whole = scalars.prefix(while: isDigit).count
    scalars = scalars.dropFirst(whole)
    var fraction = 0
    if scalars.first == "." {
      scalars = scalars.dropFirst()
      fraction = scalars.prefix(while: isDigit).count
      scalars = scalars.dropFirst(fraction)
    }
    guard whole + fraction > 0 else { return nil }
    if scalars.first == "e" || scalars.first == "E" {
      scalars = scalars.dropFirst()
      if scalars.first == "+" || scalars.first == "-" { scalars = scalars.dropFirst() }
      let exponent = scalars.prefix(while: isDigit).count
      guard exponent > 0 else { return nil }
      scalars = scalars.dropFirst(exponent)
    }
    guard scalars.isEmpty, let value = Double(trimmed.hasSuffix(".") ? trimmed + "0" : trimmed), value.isFinite else {
      return nil
    }
    return value
  }
}
