import Foundation

/// Grades one response to one question, with hint penalty and time limit applied.
public enum Grader {
  /// Each hint revealed before answering costs this share of the question's points…
  public static let hintPenalty = 0.25
  /// …up to this share, so a right answer always earns something.
  public static let maximumHintPenalty = 0.75

  /// `a` for 0, `b` for 1…: the labels of up to 26 options.
  public static func letter(_ index: Int) -> String {
    index < 26 ? String(UnicodeScalar(UInt8(97 + index))) : String(index + 1)
  }

  /// The label a student types for option `index` of `count`: a letter, or the number from
  /// 1 when there are more options than letters (Moodle sets no limit on a question's
  /// answers, and numbers them then, so neither does Safer Shell).
  public static func label(_ index: Int, of count: Int) -> String {
    count <= 26 ? letter(index) : String(index + 1)
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
      choices.indices.filter { choices[$0].isCorrect }.map { labelled(choices, $0) }.joined(separator: " or ")
    case .multiple(let choices):
      choices.indices.filter { choices[$0].isCorrect }.map { labelled(choices, $0) }.joined(separator: "; ")
    case .trueFalse(let answer):
      answer ? "true" : "false"
    case .text(let spec):
      spec.accepted.first ?? spec.options.max { $0.weight < $1.weight }?.text ?? spec.pattern ?? ""
    case .number(let spec):
      (spec.options.filter { $0.weight >= 100 }.first ?? spec.options.max { $0.weight < $1.weight }).map { option in
        formatNumber(option.value) + (option.tolerance > 0 ? " (± \(formatNumber(option.tolerance)))" : "")
      }.map { $0 + (spec.unit.map { " \($0)" } ?? "") } ?? ""
    case .matching(let pairs):
      rightMatchingLetters(pairs.filter { !$0.isDistractor }, shown: matchingRightOrder(of: question)) + ": "
        + pairs.filter { !$0.isDistractor }.map { "\($0.left) → \($0.right)" }.joined(separator: "; ")
    case .essay:
      "(any answer: your teacher reads it)"
    case .order(let items):
      // The letter shown beside each item, taken in the right order of the items.
      rightOrderLetters(displayOrder(of: question), count: items.count) + ": " + items.joined(separator: " → ")
    }
  }

  /// The right-hand items of a matching question as shown, lettered a, b, c…: every
  /// distinct right item once, shuffled the same way for everyone.
  public static func matchingRightOrder(of question: Question) -> [String] {
    guard case .matching(let pairs) = question.kind else { return [] }
    var seen: Set<String> = []
    let distinct = pairs.map(\.right).filter { seen.insert($0).inserted }
    var generator = SeededGenerator(seed: Fingerprint.fnv1a(Array(("match:" + question.id).utf8)))
    return distinct.shuffled(using: &generator)
  }

  /// The letters to type for `display` (shown position → item) to be in the right order.
  static func rightOrderLetters(_ display: [Int], count: Int) -> String {
    (0..<count).compactMap { item in display.firstIndex(of: item).map(letter) }.joined(separator: " ")
  }

  /// `1b 2a …`: the letter of each pair's right side as shown.
  static func rightMatchingLetters(_ pairs: [Question.MatchPair], shown: [String]) -> String {
    pairs.enumerated().map { index, pair in "\(index + 1)\(shown.firstIndex(of: pair.right).map(letter) ?? "?")" }
      .joined(separator: " ")
  }

  /// `c) The text`, without a closing full stop, so several join cleanly with `;`.
  static func labelled(_ choices: [Choice], _ index: Int) -> String {
    var text = choices[index].text.trimmingCharacters(in: .whitespaces)
    if text.hasSuffix(".") && !text.hasSuffix("..") { text.removeLast() }
    return "\(label(index, of: choices.count))) \(text)"
  }

  /// Why the right answer is right: the right choices' feedback, or the question's. Never
  /// the feedback written for a right answer ("Right, …") where it would sit under a wrong one.
  public static func whyRight(of question: Question) -> String? {
    switch question.kind {
    case .single(let choices), .scenario(let choices), .multiple(let choices):
      let reasons = choices.filter(\.isCorrect).compactMap(\.feedback)
      return reasons.isEmpty ? question.explanation : reasons.joined(separator: " ")
    default:
      return question.explanation ?? question.feedbackWrong
    }
  }

  /// A recorded response as a student reads it in a review: the chosen letters with their
  /// choices' text (`c) Reply to the email`), other kinds as typed.
  public static func describe(response: String, to question: Question) -> String {
    switch question.kind {
    case .single(let choices), .scenario(let choices), .multiple(let choices):
      guard let indices = try? letters(in: response, count: choices.count), !indices.isEmpty else { return response }
      return indices.map { labelled(choices, $0) }.joined(separator: "; ")
    default:
      return response
    }
  }

  /// What to read under a wrong answer in a review: why the chosen answer was wrong (its
  /// feedback), else the question's explanation or wrong-answer feedback, else why the
  /// right answer is right.
  public static func whyWrong(response: String, to question: Question) -> String? {
    switch question.kind {
    case .single(let choices), .scenario(let choices), .multiple(let choices):
      let chosen = ((try? letters(in: response, count: choices.count)) ?? []).filter { !choices[$0].isCorrect }
      let reasons = chosen.compactMap { choices[$0].feedback }
      if !reasons.isEmpty { return reasons.joined(separator: " ") }
      return question.explanation ?? whyRight(of: question)
    default:
      return question.explanation ?? question.feedbackWrong
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
      // Late: not marked at all. No praise for its content, only why the answer is right.
      grade.timedOut = true
      grade.isCorrect = false
      grade.credit = 0
      grade.points = 0
      grade.feedback = whyRight(of: question).map { [$0] } ?? []
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
      let choice = choices[index]
      // A weighted choice (GIFT `~%50%`) earns its share; a negative weight earns nothing.
      let credit = choice.weight.map { min(1, max(0, $0 / 100)) }
      return verdict(
        choice.isCorrect, credit: credit, feedback: [choice.feedback], choice: index, as: label(index, of: choices.count))
    case .multiple(let choices):
      let picked = Set(try letters(in: response, count: choices.count))
      let right = Set(choices.indices.filter { choices[$0].isCorrect })
      let credit: Double
      if choices.contains(where: { $0.weight != nil }) {
        // Moodle's rule: the weights of the picked choices add up, never below 0 or above 1.
        credit = min(1, max(0, picked.reduce(0) { $0 + (choices[$1].weight ?? 0) } / 100))
      } else {
        let hits = picked.intersection(right).count
        let misses = picked.subtracting(right).count
        credit = max(0, Double(hits - misses) / Double(max(1, right.count)))
      }
      let feedback = picked.sorted().map { index in
        choices[index].feedback.map { "\(letter(index))) \($0)" }
      }
      return verdict(
        picked == right, credit: credit, feedback: feedback,
        as: picked.sorted().map { label($0, of: choices.count) }.joined(separator: ", "))
    case .trueFalse(let answer):
      let value = try trueOrFalse(response)
      return verdict(value == answer, feedback: [general(value == answer)], as: value ? "true" : "false")
    case .text(let spec):
      let option = TextMatcher.bestOption(for: response, in: spec)
      let credit = min(1, max(0, (option?.weight ?? 0) / 100))
      let correct = credit >= 1
      return verdict(correct, credit: credit, feedback: [option?.feedback ?? general(correct)], as: response)
    case .number(let spec):
      let value = try number(in: response)
      let option = spec.options.filter { value >= $0.minimum - 1e-9 && value <= $0.maximum + 1e-9 }
        .max { $0.weight < $1.weight }
      let credit = min(1, max(0, (option?.weight ?? 0) / 100))
      let correct = credit >= 1
      return verdict(correct, credit: credit, feedback: [option?.feedback ?? general(correct)], as: formatNumber(value))
    case .matching(let allPairs):
      // Distractors are among the letters offered, never among the items to match.
      let pairs = allPairs.filter { !$0.isDistractor }
      let shown = matchingRightOrder(of: question)
      let picked = try matches(in: response, pairs: pairs.count, choices: shown.count)
      let right = pairs.enumerated().filter { index, pair in
        shown.indices.contains(picked[index]) && shown[picked[index]] == pair.right
      }.count
      let credit = Double(right) / Double(max(1, pairs.count))
      return verdict(
        credit >= 1, credit: credit, feedback: [general(credit >= 1)],
        as: picked.enumerated().map { "\($0 + 1)\(letter($1))" }.joined(separator: " "))
    case .essay:
      var grade = verdict(false, credit: 0, feedback: ["Your answer is saved for your teacher to read."], as: response)
      grade.maxPoints = 0
      grade.needsReview = true
      return grade
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

  /// The letter picked for each left item of a matching question, from `b a c` or
  /// `1b 2a 3c` (pairs in any order).
  static func matches(in response: String, pairs: Int, choices: Int) throws(ResponseProblem) -> [Int] {
    let example = (0..<pairs).map { "\($0 + 1)\(letter($0 % max(1, choices)))" }.joined(separator: " ")
    let tokens = response.lowercased().split { $0 == " " || $0 == "," || $0 == ";" }
    var byNumber: [Int: Int] = [:]
    var inOrder: [Int] = []
    for token in tokens {
      let digits = token.prefix { $0.isNumber }
      let rest = token.dropFirst(digits.count).filter { $0 != "=" && $0 != ")" && $0 != "-" && $0 != ">" && $0 != "." }
      guard rest.count == 1, let scalar = rest.unicodeScalars.first, ("a"..."z").contains(scalar),
        Int(scalar.value) - 97 < choices
      else { throw .incompleteMatching(example: example) }
      if let number = Int(digits) {
        guard (1...pairs).contains(number) else { throw .incompleteMatching(example: example) }
        byNumber[number - 1] = Int(scalar.value) - 97
      } else {
        inOrder.append(Int(scalar.value) - 97)
      }
    }
    if byNumber.isEmpty && inOrder.count == pairs { return inOrder }
    guard inOrder.isEmpty, byNumber.count == pairs else { throw .incompleteMatching(example: example) }
    return (0..<pairs).compactMap { byNumber[$0] }
  }

  /// Choice letters in a response such as `b`, `A)`, `a c`, `a,c`, `ac` or `2`; numbers
  /// (`3`, `3, 27`) for more than 26 choices.
  static func letters(in response: String, count: Int) throws(ResponseProblem) -> [Int] {
    let valid = count <= 26 ? (0..<count).map(letter).joined(separator: ", ") : "1 to \(count)"
    let lowered = response.lowercased()
    if let number = Int(lowered), (1...count).contains(number) { return [number - 1] }
    if count > 26 {
      let numbers = lowered.split { " ,);.".contains($0) }.map { Int($0) }
      guard !numbers.isEmpty, numbers.allSatisfy({ $0.map { (1...count).contains($0) } ?? false }) else {
        throw .notAChoice(response, letters: valid)
      }
      return numbers.compactMap { $0.map { $0 - 1 } }
    }
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
