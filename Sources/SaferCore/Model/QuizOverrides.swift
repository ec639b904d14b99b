/// Quiz settings given on the command line for one run (`quiz fraud-quiz --count 5 --exam`),
/// overriding the quiz file. Kept in the attempt, so `resume` runs the quiz the same way.
public struct QuizOverrides: Hashable, Sendable {
  /// Option name → value, as typed (`count` → `5`, `exam` → `true`).
  public private(set) var values: [String: String] = [:]

  public init() {}

  public init(values: [String: String]) { self.values = values }

  public var isEmpty: Bool { values.isEmpty }

  /// Options and what they take, for help and completion.
  public static let options: [(name: String, value: String?, summary: String)] = [
    ("count", "N", "how many questions to draw"),
    ("seed", "N", "the seed for drawing and shuffling"),
    ("shuffle", nil, "shuffle the questions"),
    ("no-shuffle", nil, "keep the questions in order"),
    ("shuffle-answers", nil, "shuffle each question's choices"),
    ("time-limit", "SECONDS", "time per question"),
    ("quiz-time-limit", "SECONDS", "time for the whole quiz"),
    ("pass-mark", "PERCENT", "percentage needed to pass"),
    ("attempts", "N", "attempts allowed"),
    ("grading", "highest|average|first|last", "which attempt counts"),
    ("exam", nil, "feedback only at the end"),
    ("feedback", "immediate|end", "when answers are marked"),
  ]

  /// Reads `--name value` and `--flag` words. Throws a message naming the bad word.
  public static func parse(_ words: [String]) throws(OverrideError) -> QuizOverrides {
    var overrides = QuizOverrides()
    var index = 0
    while index < words.count {
      let word = words[index]
      guard word.hasPrefix("--") else { throw .unexpected(word) }
      let name = String(word.dropFirst(2))
      guard let option = options.first(where: { $0.name == name }) else {
        let hint = Suggestion.closest(to: name, among: options.map(\.name))
        throw .unknown(word, suggestion: hint.map { "--" + $0 })
      }
      if option.value != nil {
        guard index + 1 < words.count else { throw .missingValue(word) }
        overrides.values[name] = words[index + 1]
        index += 2
      } else {
        overrides.values[name] = "true"
        index += 1
      }
    }
    _ = try overrides.apply(to: Quiz(id: "check", title: "", selections: []))
    return overrides
  }

  /// `quiz` with these settings in place of the file's.
  public func apply(to original: Quiz) throws(OverrideError) -> Quiz {
    var quiz = original
    func number(_ name: String, _ range: ClosedRange<Double>) throws(OverrideError) -> Double? {
      guard let text = values[name] else { return nil }
      guard let value = Double(text), range.contains(value) else { throw .badValue("--\(name)", text) }
      return value
    }
    if let count = try number("count", 1...10_000) { quiz.count = Int(count) }
    if let seed = values["seed"] {
      quiz.seed = UInt64(seed) ?? Fingerprint.fnv1a(Array(seed.utf8))
    }
    if values["shuffle"] != nil { quiz.shuffle = true }
    if values["no-shuffle"] != nil { quiz.shuffle = false }
    if values["shuffle-answers"] != nil { quiz.shuffleAnswers = true }
    if let limit = try number("time-limit", 1...86_400) { quiz.timeLimit = limit }
    if let limit = try number("quiz-time-limit", 1...86_400) { quiz.totalTimeLimit = limit }
    if let mark = try number("pass-mark", 0...100) { quiz.passMark = mark }
    if let attempts = try number("attempts", 1...1000) { quiz.attemptsAllowed = Int(attempts) }
    if let grading = values["grading"] {
      guard let method = Quiz.Grading(rawValue: grading) else { throw .badValue("--grading", grading) }
      quiz.grading = method
    }
    if values["exam"] != nil { quiz.feedback = .end }
    if let feedback = values["feedback"] {
      guard let mode = Quiz.FeedbackMode(rawValue: feedback) else { throw .badValue("--feedback", feedback) }
      quiz.feedback = mode
    }
    return quiz
  }
}

/// A quiz option on the command line that cannot be used.
public enum OverrideError: Error, Hashable, Sendable, CustomStringConvertible {
  case unexpected(String)
  case unknown(String, suggestion: String?)
  case missingValue(String)
  case badValue(String, String)

  public var description: String {
    switch self {
    case .unexpected(let word): "“\(word)” is not an option; options start with `--`, e.g. `--count 5`."
    case .unknown(let word, let suggestion):
      "Unknown quiz option `\(word)`." + (suggestion.map { " Did you mean `\($0)`?" } ?? " `help quiz` lists them.")
    case .missingValue(let word): "`\(word)` needs a value, e.g. `\(word) 5`."
    case .badValue(let word, let value): "`\(value)` is not a valid value for `\(word)`; `help quiz` lists the options."
    }
  }
}
