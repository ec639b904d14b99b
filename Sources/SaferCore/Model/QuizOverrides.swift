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
    ("shuffle-answers", nil, "shuffle each question's choices (the default)"),
    ("no-shuffle-answers", nil, "show each question's choices in the file's order"),
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

  /// Who gave the options. A quiz file's settings are the teacher's: a student may only
  /// make an attempt stricter, a teacher may set anything.
  public enum Authority: Sendable {
    case student
    case teacher
  }

  /// Why these options would make `quiz` less strict than its file says, for a student:
  /// the first option that does, or `nil` when every one only tightens it.
  public func refusal(for quiz: Quiz) -> OverrideError? {
    func refuse(_ name: String, _ reason: String) -> OverrideError {
      .notStricter(option: "--\(name)" + (values[name].map { $0 == "true" ? "" : " \($0)" } ?? ""), reason: reason)
    }
    func seconds(_ value: Double) -> String { value == value.rounded() ? "\(Int(value)) s" : "\(value) s" }
    for name in values.keys.sorted() {
      let number = values[name].flatMap(Double.init)
      switch name {
      case "count":
        if let number, let count = quiz.count, Int(number) > count {
          return refuse(name, "the quiz draws \(count) questions; you may ask for fewer, not more")
        }
      case "seed":
        return refuse(name, "the quiz file decides which questions are drawn")
      case "no-shuffle":
        if quiz.shuffle { return refuse(name, "the quiz shuffles its questions") }
      case "no-shuffle-answers":
        if quiz.shuffleAnswers { return refuse(name, "the quiz shuffles each question's choices") }
      case "time-limit":
        if let number, let limit = quiz.timeLimit, number > limit {
          return refuse(name, "the quiz gives \(seconds(limit)) per question; you may ask for less time, not more")
        }
      case "quiz-time-limit":
        if let number, let limit = quiz.totalTimeLimit, number > limit {
          return refuse(name, "the quiz gives \(seconds(limit)) in all; you may ask for less time, not more")
        }
      case "pass-mark":
        if let number, number < quiz.passMark {
          return refuse(name, "the pass mark is \(Int(quiz.passMark))%; you may raise it, not lower it")
        }
      case "attempts":
        if let number, let allowed = quiz.attemptsAllowed, Int(number) > allowed {
          return refuse(name, "the quiz allows \(allowed) attempt\(allowed == 1 ? "" : "s"); you may ask for fewer, not more")
        }
      case "grading":
        if values[name] != quiz.grading.rawValue {
          return refuse(name, "the quiz counts the \(quiz.grading.rawValue) attempt\(quiz.grading == .average ? "s" : "")")
        }
      case "feedback":
        if values[name] == Quiz.FeedbackMode.immediate.rawValue && quiz.feedback == .end {
          return refuse(name, "this quiz is an exam: answers are marked only at the end")
        }
      default:
        break  // `exam`, `shuffle`, `shuffle-answers`: always stricter
      }
    }
    return nil
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
    if values["no-shuffle-answers"] != nil { quiz.shuffleAnswers = false }
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
  /// A student's option that would make the quiz less strict than the teacher's file.
  case notStricter(option: String, reason: String)

  public var description: String {
    switch self {
    case .unexpected(let word): "“\(word)” is not an option; options start with `--`, e.g. `--count 5`."
    case .unknown(let word, let suggestion):
      "Unknown quiz option `\(word)`." + (suggestion.map { " Did you mean `\($0)`?" } ?? " `help quiz` lists them.")
    case .missingValue(let word): "`\(word)` needs a value, e.g. `\(word) 5`."
    case .badValue(let word, let value): "`\(value)` is not a valid value for `\(word)`; `help quiz` lists the options."
    case .notStricter(let option, let reason):
      "`\(option)` was refused: \(reason). Options can only make a quiz stricter; the teacher sets the rest in the quiz file."
    }
  }
}
