/// An answer's weight, `%50%` or `%-33.33333%`, read as Moodle reads it.
///
/// Moodle takes a weight only when the answer starts with `%`, optional minus signs, one
/// or two digits, an optional decimal part and `%` (so `%100%` and `%-25%` work, `%100.5%`
/// does not). Anything else that starts with `%` is left in the answer's text.
enum GIFTWeight {
  enum Reading {
    /// No weight; a warning when something looked like one.
    case none(warning: String?)
    case weight(Double, rest: GIFTText)
    /// Moodle's importer cannot read it (PHP stops on the number).
    case unreadable(String)
  }

  static func read(_ answer: GIFTText) -> Reading {
    guard answer.first?.isSyntax("%") == true else { return .none(warning: nil) }
    var index = answer.startIndex + 1
    var minus = 0
    while index < answer.endIndex && answer[index].scalar == "-" {
      minus += 1
      index += 1
    }
    let digitsStart = index
    while index < answer.endIndex && isDigit(answer[index].scalar) { index += 1 }
    let whole = index - digitsStart
    var valid = whole >= 1
    if valid, index < answer.endIndex, answer[index].scalar == "." {
      valid = whole <= 2
      index += 1
      while index < answer.endIndex && isDigit(answer[index].scalar) { index += 1 }
    }
    let written = answer[answer.startIndex..<min(answer.endIndex, index + 1)].text
    guard valid, index < answer.endIndex, answer[index].scalar == "%" else {
      let rest = answer.dropFirst()
      guard let close = rest.firstSyntax("%") else { return .none(warning: nil) }
      let shown = answer[answer.startIndex...close].text
      return .none(
        warning: "`\(shown)` is not a weight Moodle reads (a percentage such as `%50%` or `%-25%`): "
          + "it would be kept as part of the answer's text")
    }
    guard minus <= 1 else {
      return .unreadable("weight `\(written)` is not a number: Moodle's import would stop with an error here")
    }
    let number = answer[(answer.startIndex + 1)..<index].text
    guard let value = Double(number.hasSuffix(".") ? number + "0" : number) else {
      return .unreadable("weight `\(written)` is not a number: Moodle's import would stop with an error here")
    }
    return .weight(value, rest: answer[(index + 1)...])
  }

  /// The grades Moodle accepts for an answer, in percent; an import with any other is
  /// refused unless it is set to round to the nearest grade.
  static let moodleGrades: [Double] = {
    let positive = [
      100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111,
      10, 5,
    ]
    return positive + [0] + positive.map { -$0 }
  }()

  /// Whether Moodle accepts `percent` as it is (it allows a difference of 0.00001 in the
  /// fraction, 0.001 in percent).
  static func isMoodleGrade(_ percent: Double) -> Bool {
    moodleGrades.contains { abs($0 - percent) < 0.001 }
  }

  /// Problems with a weight Moodle reads: outside -100…100 (an error: no grade that
  /// size exists), or not one of its grades (a warning: Safer Shell can use it).
  static func check(_ percent: Double) -> (severity: Diagnostic.Severity, message: String)? {
    let shown = GIFTWeight.format(percent)
    if !(-100...100).contains(percent) {
      return (.error, "weight \(shown)% is outside -100…100%: Moodle would refuse this question")
    }
    if !isMoodleGrade(percent) {
      return (
        .warning,
        "weight \(shown)% is not one of Moodle's grades (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, "
          + "30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 and their negatives): Moodle would refuse this "
          + "question unless its import rounds to the nearest grade; Safer Shell uses \(shown)%"
      )
    }
    return nil
  }

  /// A percentage as people write it: `50`, `33.33333`.
  static func format(_ percent: Double) -> String {
    percent.rounded() == percent && abs(percent) < 1e15 ? String(Int(percent)) : String(percent)
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
