import Foundation

/// Grades one response to one question, with hint penalty and time limit applied.
public enum Grader {
  /// Each hint revealed before answering costs this share of the question's points…
  public static let hintPenalty = 0.25
  /// …up to this share, so a right answer always earns something.
  public static let maximumHintPenalty = 0.75

  public static func letter(_ index: Int) -> String {
    String(UnicodeScalar(UInt8(97 + index)))
  }

  /// The order in which an `order` question shows its items: shuffled the same way for
  /// everyone (seeded by the question id) and never already in the right order.
  public static func displayOrder(of question: Question) -> [Int] {
    guard case .order(let items) = question.kind else { return [] }
    var generator = SeededGenerator(seed: Fingerprint.fnv1a(Array(question.id.utf8)))
    var order = Array(items.indices).shuffled(using: &generator)
    if order == Array(items.indices) { order = Array(order.dropFirst()) + [order[0]] }
    return order
  }

  /// The right answer written out, e.g. `b) purple tractor sings at dawn`.
  public static func rightAnswer(of question: Question) -> String {
    switch question.kind {
    case .single(let choices), .scenario(let choices):
      choices.indices.filter { choices[$0].isCorrect }.map { "\(letter($0))) \(choices[$0].text)" }.joined(separator: " or ")
    case .multiple(let choices):
      choices.indices.filter { choices[$0].isCorrect }.map { "\(letter($0))) \(choices[$0].text)" }.joined(separator: "; ")
    case .trueFalse(let answer):
      answer ? "true" : "false"
    case .text(let spec):
      spec.accepted.first ?? spec.pattern ?? ""
    case .number(let answer, let tolerance, let unit):
      formatNumber(answer) + (tolerance > 0 ? " (± \(formatNumber(tolerance)))" : "") + (unit.map { " \($0)" } ?? "")
    case .order(let items):
      // The letter shown beside each item, taken in the right order of the items.
      items.indices.compactMap { item in displayOrder(of: question).firstIndex(of: item).map(letter) }
        .joined(separator: " ") + ": " + items.joined(separator: " → ")
    }
  }

  /// Why the right answer is right: the right choices' feedback, or the question's.
  public static func whyRight(of question: Question) -> String? {
    switch question.kind {
    case .single(let choices), .scenario(let choices), .multiple(let choices):
      let reasons = choices.filter(\.isCorrect).compactMap(\.feedback)
      return reasons.isEmpty ? question.explanation : reasons.joined(separator: " ")
    default:
      return question.explanation ?? question.feedbackWrong ?? question.feedbackCorrect
    }
  }

  public static func grade(
    _ response: String, to question: Question, hintsUsed: Int = 0, seconds: Double? = nil, timeLimit: Double? = nil
  ) throws(ResponseProblem) -> Grade {
    let trimmed = response.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw .empty }
    var grade = try gradeIgnoringPenalties(trimmed, question)
    let multiplier = 1 - min(maximumHintPenalty, hintPenalty * Double(hintsUsed))
    grade.points = question.points * grade.credit * multiplier
    if let seconds, let timeLimit, seconds > timeLimit {
      grade.timedOut = true
      grade.isCorrect = false
      grade.points = 0
    }
    return grade
  }

  private static func gradeIgnoringPenalties(_ response: String, _ question: Question) throws(ResponseProblem) -> Grade {
    func verdict(_ correct: Bool, credit: Double? = nil, feedback: [String?], choice: Int? = nil, as text: String) -> Grade {
      Grade(
        isCorrect: correct, credit: credit ?? (correct ? 1 : 0), points: 0, maxPoints: question.points,
        feedback: (feedback + [question.explanation]).compactMap { $0 }, rightAnswer: rightAnswer(of: question),
        choiceIndex: choice,
        normalizedResponse: text)
    }
    let general = { (correct: Bool) in correct ? question.feedbackCorrect : question.feedbackWrong }
    switch question.kind {
    case .single(let choices), .scenario(let choices):
      let picked = try letters(in: response, count: choices.count)
      guard picked.count == 1, let index = picked.first else { throw .oneChoiceOnly }
      return verdict(choices[index].isCorrect, feedback: [choices[index].feedback], choice: index, as: letter(index))
    case .multiple(let choices):
      let picked = Set(try letters(in: response, count: choices.count))
      let right = Set(choices.indices.filter { choices[$0].isCorrect })
      let hits = picked.intersection(right).count
      let misses = picked.subtracting(right).count
      let credit = max(0, Double(hits - misses) / Double(max(1, right.count)))
      let feedback = picked.sorted().map { index in
        choices[index].feedback.map { "\(letter(index))) \($0)" }
      }
      return verdict(picked == right, credit: credit, feedback: feedback, as: picked.sorted().map(letter).joined(separator: ", "))
    case .trueFalse(let answer):
      let value = try trueOrFalse(response)
      return verdict(value == answer, feedback: [general(value == answer)], as: value ? "true" : "false")
    case .text(let spec):
      let correct = TextMatcher.matches(response, spec)
      return verdict(correct, feedback: [general(correct)], as: response)
    case .number(let answer, let tolerance, _):
      let value = try number(in: response)
      let correct = abs(value - answer) <= tolerance + 1e-9
      return verdict(correct, feedback: [general(correct)], as: formatNumber(value))
    case .order(let items):
      let display = displayOrder(of: question)
      let hint = ResponseProblem.incompleteOrder(letters: display.indices.map(letter).joined(separator: " "))
      guard let picked = try? letters(in: response, count: items.count) else { throw hint }
      guard picked.count == items.count, Set(picked).count == items.count else {
        throw hint
      }
      let chosen = picked.map { display[$0] }
      let correct = chosen == Array(items.indices)
      return verdict(correct, feedback: [general(correct)], as: picked.map(letter).joined(separator: " "))
    }
  }

  /// Choice letters in a response such as `b`, `A)`, `a c`, `a,c`, `ac` or `2`.
  static func letters(in response: String, count: Int) throws(ResponseProblem) -> [Int] {
    let valid = (0..<count).map(letter).joined(separator: ", ")
    let lowered = response.lowercased()
    if let number = Int(lowered), (1...count).contains(number) { return [number - 1] }
    var result: [Int] = []
    for scalar in lowered.unicodeScalars {
      if scalar == " " || scalar == "," || scalar == ")" || scalar == "." || scalar == ";" { continue }
      guard scalar.isASCII, ("a"..."z").contains(scalar), Int(scalar.value) - 97 < count else {
        throw .notAChoice(response, letters: valid)
      }
      result.append(Int(scalar.value) - 97)
    }
    guard !result.isEmpty else { throw .notAChoice(response, letters: valid) }
    return result
  }

  static func trueOrFalse(_ response: String) throws(ResponseProblem) -> Bool {
    switch TextMatcher.fold(response) {
    case "true", "t", "yes", "y", "a", "1": return true
    case "false", "f", "no", "n", "b", "2": return false
    default: throw .notTrueOrFalse
    }
  }

  static func number(in response: String) throws(ResponseProblem) -> Double {
    var text = response.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "")
    while let last = text.last, !last.isNumber, last != "." { text.removeLast() }
    guard let value = Double(text), value.isFinite else { throw .notANumber(response) }
    return value
  }

  public static func formatNumber(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
