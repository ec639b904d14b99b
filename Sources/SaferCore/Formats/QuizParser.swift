import Yams

/// Turns the YAML of a quiz file into a `Quiz`. References to lessons are checked later,
/// by `LessonLibrary`, once every file is loaded.
enum QuizParser {
  static let quizKeys: Set<String> = [
    "kind", "id", "title", "topic", "select", "count", "shuffle", "seed", "timeLimit", "passMark", "attempts",
    "grading", "shuffleAnswers", "quizTimeLimit", "feedback", "hints", "level",
  ]

  static func parse(_ root: Node, file: String, contentVersion: String) -> (Quiz?, [Diagnostic]) {
    var problems: [Diagnostic] = []
    guard var map = YAMLMap(root, file: file, what: "a quiz", problems: &problems) else { return (nil, problems) }
    map.rejectUnknownKeys(allowed: quizKeys, what: "a quiz")
    let id = map.string("id", required: true)
    if let id { IdentifierRules.check(id, field: "id", at: map.valueLocation(of: "id"), into: &problems) }
    let title = map.string("title", required: true)
    var selections: [Quiz.Selection] = []
    for node in map.sequence("select", required: true) {
      if let selection = parseSelection(node, file: file, problems: &problems) { selections.append(selection) }
    }
    let count = map.int("count")
    if let count, count < 1 { map.error("`count` must be at least 1", at: map.valueLocation(of: "count")) }
    // A number or any text; the default is the quiz id, so every quiz has a fixed order.
    let seedText = map["seed"].flatMap { YAMLMap.int($0) == nil ? $0.string : nil }
    let seed =
      map["seed"].flatMap(YAMLMap.int).map { UInt64(bitPattern: Int64($0)) }
      ?? Fingerprint.fnv1a(Array((seedText ?? id ?? "").utf8))
    let timeLimit = map.double("timeLimit")
    if let timeLimit, timeLimit <= 0 { map.error("`timeLimit` is in seconds and must be more than 0") }
    let passMark = map.double("passMark") ?? 50
    if !(0...100).contains(passMark) {
      map.error("`passMark` is a percentage from 0 to 100", at: map.valueLocation(of: "passMark"))
    }
    let attempts = map.int("attempts")
    if let attempts, attempts < 1 { map.error("`attempts` must be at least 1 (leave it out for no limit)") }
    var grading = Quiz.Grading.highest
    if let name = map.string("grading") {
      if let value = Quiz.Grading(rawValue: name) {
        grading = value
      } else {
        map.error(
          "`grading` must be one of: \(Quiz.Grading.allCases.map(\.rawValue).joined(separator: ", "))",
          at: map.valueLocation(of: "grading"))
      }
    }
    let quizTimeLimit = map.double("quizTimeLimit")
    if let quizTimeLimit, quizTimeLimit <= 0 { map.error("`quizTimeLimit` is in seconds and must be more than 0") }
    var feedback = Quiz.FeedbackMode.immediate
    if let name = map.string("feedback") {
      if let mode = Quiz.FeedbackMode(rawValue: name) {
        feedback = mode
      } else {
        map.error("`feedback` is `immediate` (after each answer) or `end` (exam mode)", at: map.valueLocation(of: "feedback"))
      }
    }
    let shuffleAnswers = map.bool("shuffleAnswers") ?? true
    guard let id, let title else { return (nil, problems + map.diagnostics) }
    var quiz = Quiz(
      id: id, title: title, topic: map.string("topic"), selections: selections, count: count,
      shuffle: map.bool("shuffle") ?? false, seed: seed, timeLimit: timeLimit, passMark: passMark,
      attemptsAllowed: attempts, grading: grading, file: file, contentVersion: contentVersion,
      location: map.location)
    quiz.shuffleAnswers = shuffleAnswers
    quiz.totalTimeLimit = quizTimeLimit
    quiz.feedback = feedback
    quiz.hints = map.bool("hints") ?? true
    if let level = map.string("level") {
      if AgeBand(rawValue: level) == nil {
        map.error("level must be an age band, \"10-13\" or \"14-18\" (quote it)", at: map.valueLocation(of: "level"))
      }
      quiz.level = level
    }
    return (quiz, problems + map.diagnostics)
  }

  private static func parseSelection(_ node: Node, file: String, problems: inout [Diagnostic]) -> Quiz.Selection? {
    guard var map = YAMLMap(node, file: file, what: "a `select` item", problems: &problems) else { return nil }
    defer { problems += map.diagnostics }
    map.rejectUnknownKeys(allowed: ["lesson", "topic", "question", "category", "count"], what: "a `select` item")
    let count = map.int("count")
    if let lesson = map.string("lesson") { return .lesson(lesson, count: count) }
    if let topic = map.string("topic") { return .topic(topic, count: count) }
    if let category = map.string("category") { return .category(category, count: count) }
    if let reference = map.string("question") {
      let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        map.error("`question` must be written `lesson-id/question-id`", at: map.valueLocation(of: "question"))
        return nil
      }
      return .question(lesson: String(parts[0]), question: String(parts[1]))
    }
    map.error("a `select` item needs `lesson:`, `topic:`, `category:` or `question:`")
    return nil
  }
}
