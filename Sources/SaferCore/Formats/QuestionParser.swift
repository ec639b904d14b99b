import Yams

/// Reads the question fields of a step (its `kind` decides which fields apply).
enum QuestionParser {
  static let kinds = ["single", "multiple", "truefalse", "text", "number", "order", "scenario", "matching", "essay"]

  /// `isBank`: Moodle banks may give a single-choice question several right answers
  /// (`{=a =b ~c}`), so banks may too; a lesson keeps to exactly one.
  static func parse(_ map: inout YAMLMap, id: String?, isBank: Bool = false) -> Question? {
    guard let kindName = map.string("kind") else {
      map.error("a step needs `explain:` text, or a question `kind:` (\(kinds.joined(separator: ", ")))")
      return nil
    }
    guard kinds.contains(kindName) else {
      let hint = Suggestion.parenthesised(for: kindName, among: kinds)
      map.error("unknown question kind `\(kindName)`\(hint)", at: map.valueLocation(of: "kind"))
      return nil
    }
    guard let id else {
      map.error("a question needs an `id`, unique in its lesson, so answers can be recorded against it")
      return nil
    }
    let prompt = map.string("prompt", required: true)
    let hints = map.strings("hints")
    let explanation = map.string("explanation")
    let points = map.double("points") ?? 1
    if points <= 0 { map.error("`points` must be more than 0", at: map.valueLocation(of: "points")) }
    let (feedbackCorrect, feedbackWrong) = feedbackPair(&map, kindName: kindName, isBank: isBank)
    guard let kind = parseKind(kindName, &map, isBank: isBank) else { return nil }
    guard let prompt else { return nil }
    var question = Question(
      id: id, kind: kind, prompt: prompt, hints: hints, explanation: explanation, points: points,
      feedbackCorrect: feedbackCorrect, feedbackWrong: feedbackWrong, location: map.location)
    question.title = map.string("title")
    question.category = map.string("category")
    question.shuffleChoices = map.bool("shuffle") ?? true
    // Moodle's ID number and tags, kept for a bank going back to Moodle.
    question.idNumber = map.string("idNumber")
    question.tags = map.strings("tags")
    return question
  }

  private static func parseKind(_ kindName: String, _ map: inout YAMLMap, isBank: Bool) -> Question.Kind? {
    switch kindName {
    case "single", "multiple", "scenario":
      let choices = parseChoices(&map, kindName: kindName, isBank: isBank)
      let correct = choices.filter(\.isCorrect).count
      if choices.count < 2 {
        map.error("a \(kindName) question needs at least two `choices`", at: map.location(of: "choices"))
      } else if kindName == "single" && correct != 1 && !(isBank && correct > 1) {
        map.error("a single-choice question needs exactly one choice with `correct: true` (found \(correct))")
      } else if correct == 0 {
        map.error("mark at least one choice `correct: true`")
      } else if choices.count > Question.maximumChoices {
        map.error("at most \(Question.maximumChoices) choices")
      }
      if kindName != "scenario" && choices.contains(where: { $0.next != nil }) {
        map.error("`next` on a choice only makes sense in a `scenario` question")
      }
      switch kindName {
      case "single": return .single(choices)
      case "multiple": return .multiple(choices)
      default: return .scenario(choices)
      }
    case "truefalse":
      guard let answer = map.bool("answer") else {
        if !map.has("answer") { map.error("a truefalse question needs `answer: true` or `answer: false`") }
        return nil
      }
      return .trueFalse(answer: answer)
    case "text":
      return parseText(&map)
    case "number":
      return parseNumber(&map)
    case "matching":
      return parseMatching(&map)
    case "essay":
      return .essay
    default:  // order
      let items = map.strings("items", required: true)
      if items.count < 2 { map.error("an order question needs at least two `items`") }
      if items.count > 26 { map.error("at most 26 items (they are lettered a to z)") }
      return items.count >= 2 ? .order(items) : nil
    }
  }

  /// Banks imported from Moodle often have no feedback; only lessons are asked for it.
  private static func parseChoices(_ map: inout YAMLMap, kindName: String, isBank: Bool) -> [Choice] {
    var problems: [Diagnostic] = []
    var choices: [Choice] = []
    for node in map.sequence("choices", required: true) {
      guard var choice = YAMLMap(node, file: map.file, what: "a choice", problems: &problems) else { continue }
      choice.rejectUnknownKeys(allowed: ["text", "correct", "feedback", "next", "weight"], what: "a choice")
      let text = choice.string("text", required: true)
      let feedback = choice.string("feedback")
      if feedback == nil && !isBank { choice.warning("this choice has no `feedback`: say why it is right or wrong") }
      let next = choice.string("next")
      if let text {
        let weight = choice.double("weight")
        if let weight, !(-100...100).contains(weight) {
          choice.error("`weight` is a percentage from -100 to 100", at: choice.valueLocation(of: "weight"))
        }
        let correct = choice.bool("correct") ?? (weight.map { $0 >= 100 } ?? false)
        choices.append(Choice(text: text, isCorrect: correct, feedback: feedback, next: next, weight: weight))
      }
      problems += choice.diagnostics
    }
    relay(problems, into: &map)
    return choices
  }

  /// `feedback: {correct: …, wrong: …}` for kinds without per-choice feedback.
  private static func feedbackPair(_ map: inout YAMLMap, kindName: String, isBank: Bool) -> (String?, String?) {
    guard let node = map["feedback"] else {
      if !["single", "multiple", "scenario", "essay"].contains(kindName) && !isBank {
        map.warning("no `feedback:` with `correct:` and `wrong:`: say why the answer is right or wrong")
      }
      return (nil, nil)
    }
    if ["single", "multiple", "scenario"].contains(kindName) {
      map.error("put `feedback` on each choice of a \(kindName) question", at: map.location(of: "feedback"))
      return (nil, nil)
    }
    if case .scalar(let scalar) = node { return (scalar.string, scalar.string) }
    var problems: [Diagnostic] = []
    guard var pair = YAMLMap(node, file: map.file, what: "`feedback`", problems: &problems) else {
      problems.forEach { map.error($0.message, at: $0.location) }
      return (nil, nil)
    }
    pair.rejectUnknownKeys(allowed: ["correct", "wrong"], what: "`feedback`")
    let result = (pair.string("correct"), pair.string("wrong"))
    for problem in pair.diagnostics { map.error(problem.message, at: problem.location) }
    return result
  }
}
