import Yams

/// Turns the YAML of a lesson file into a `Lesson`, reporting every problem with its place.
enum LessonParser {
  static let topics: Set<String> = ["passwords", "fraud", "cyberbullying", "privacy", "safer-internet-day"]
  static let levels: Set<String> = ["10-13", "14-18"]
  static let lessonKeys: Set<String> = [
    "kind", "id", "title", "topic", "level", "language", "minutes", "objectives", "sources", "steps",
  ]
  static let stepKeys: Set<String> = [
    "id", "kind", "prompt", "explain", "choices", "hints", "explanation", "points", "next", "answer",
    "feedback", "accept", "pattern", "typos", "tolerance", "unit", "items", "answers", "pairs", "title", "category",
    "shuffle", "idNumber", "tags",
  ]

  /// `isBank`: a `kind: bank` file, a question bank in the native format (what `safer
  /// convert --to yaml` writes for GIFT and Aiken): topic, level, objectives and sources
  /// are optional there.
  static func parse(_ root: Node, file: String, contentVersion: String, isBank: Bool = false) -> (Lesson?, [Diagnostic]) {
    var problems: [Diagnostic] = []
    guard var map = YAMLMap(root, file: file, what: "a lesson", problems: &problems) else { return (nil, problems) }
    map.rejectUnknownKeys(allowed: lessonKeys, what: isBank ? "a question bank" : "a lesson")
    let id = map.string("id", required: true)
    if let id { IdentifierRules.check(id, field: "id", at: map.valueLocation(of: "id"), into: &problems) }
    let title = map.string("title", required: true)
    let topic = isBank ? map.string("topic") ?? Lesson.bankTopic : map.string("topic", required: true)
    if let topic, !topics.contains(topic), !(isBank && topic == Lesson.bankTopic) {
      map.error(
        "unknown topic `\(topic)`; use one of: \(topics.sorted().joined(separator: ", "))",
        at: map.valueLocation(of: "topic"))
    }
    let level = isBank ? map.string("level") ?? "" : map.string("level", required: true)
    if let level, !levels.contains(level), !(isBank && level.isEmpty) {
      map.error("level must be an age band, \"10-13\" or \"14-18\" (quote it)", at: map.valueLocation(of: "level"))
    }
    let language = map.string("language") ?? "en"
    let minutes = map.int("minutes") ?? 10
    let objectives = map.strings("objectives")
    if !map.has("objectives") && !isBank { map.warning("no `objectives`: say what a student can do after this lesson") }
    var sources: [Lesson.Source] = []
    for node in map.sequence("sources") {
      if case .scalar(let scalar) = node {
        sources.append(Lesson.Source(title: scalar.string))
      } else if var source = YAMLMap(node, file: file, what: "a source", problems: &problems) {
        source.rejectUnknownKeys(allowed: ["title", "url"], what: "a source")
        if let title = source.string("title", required: true) {
          sources.append(Lesson.Source(title: title, url: source.string("url")))
        }
        problems += source.diagnostics
      }
    }
    if sources.isEmpty && !isBank { map.warning("no `sources`: cite where the lesson's facts come from") }
    var steps: [Step] = []
    let stepNodes = map.sequence("steps", required: true)
    for node in stepNodes {
      if let step = parseStep(node, file: file, isBank: isBank, problems: &problems) { steps.append(step) }
    }
    if map.has("steps") && stepNodes.isEmpty { map.error("a lesson needs at least one step") }
    problems += map.diagnostics
    guard let id, let title, let topic, let level else { return (nil, problems) }
    var lesson = Lesson(
      id: id, title: title, topic: topic, level: level, language: language, minutes: minutes,
      objectives: objectives, sources: sources, steps: steps, file: file, contentVersion: contentVersion)
    lesson.isBank = isBank
    problems += LessonValidator.validate(lesson, at: map.location)
    return (lesson, problems)
  }

  static func parseStep(_ node: Node, file: String, isBank: Bool = false, problems: inout [Diagnostic]) -> Step? {
    guard var map = YAMLMap(node, file: file, what: "a step", problems: &problems) else { return nil }
    defer { problems += map.diagnostics }
    map.rejectUnknownKeys(allowed: stepKeys, what: "a step")
    let id = map.string("id")
    if let id { IdentifierRules.check(id, field: "step id", at: map.valueLocation(of: "id"), into: &problems) }
    let next = map.string("next")
    if let text = map.string("explain") {
      if map.has("kind") || map.has("prompt") {
        map.error("a step is either `explain:` text or a question with `kind:` and `prompt:`, not both")
      }
      return Step(id: id, content: .explain(text), next: next, location: map.location)
    }
    guard let question = QuestionParser.parse(&map, id: id, isBank: isBank) else { return nil }
    return Step(id: id, content: .question(question), next: next, location: map.location)
  }
}
