import Foundation
import Testing

@testable import SaferCore

/// Swift Testing has a `SourceLocation` too; in these tests the name means a lesson file's.
typealias SourceLocation = SaferCore.SourceLocation

/// Small lessons, quizzes and helpers shared by the SaferCore tests; independent of the
/// bundled curriculum so that editing `Lessons/` never breaks them.
enum Fixtures {
  /// A valid lesson with no warnings: one explanation, a single-choice and a true/false
  /// question.
  static let tinyLessonYAML = """
    id: tiny
    title: A tiny lesson
    topic: passwords
    level: "10-13"
    minutes: 3
    objectives:
      - Pick a long password.
    sources:
      - title: NIST SP 800-63B
        url: https://pages.nist.gov/800-63-4/sp800-63b.html
    steps:
      - explain: Length matters most.
      - id: longest
        kind: single
        prompt: Which password is hardest to guess?
        choices:
          - text: P@ssw0rd1!
            feedback: Symbol swaps are guessed early.
          - text: purple tractor sings at dawn
            correct: true
            feedback: Four random words are long and memorable.
      - id: reuse
        kind: truefalse
        prompt: Reusing one password everywhere is fine.
        answer: false
        feedback:
          correct: Right, one leak would open every account.
          wrong: One leak would open every account.

    """

  /// The first lines of a valid lesson, to which a test appends its `steps:`.
  static let lessonHeader = """
    id: tiny
    title: A tiny lesson
    topic: passwords
    level: "10-13"
    objectives: [Pick a long password.]
    sources: [NIST]

    """

  /// Parses YAML text as `ContentFile.load` would, without touching the disk.
  static func parse(_ text: String, file: String = "test.yaml") -> (content: ContentFile?, diagnostics: [Diagnostic]) {
    let (content, diagnostics) = ContentFile.parse(text: text, file: file, contentVersion: "test")
    return (content, diagnostics)
  }

  static func errors(in text: String, file: String = "test.yaml") -> [Diagnostic] {
    parse(text, file: file).diagnostics.filter { $0.severity == .error }
  }

  static func lesson(from text: String) -> Lesson? {
    if case .lesson(let lesson) = parse(text).content { return lesson }
    return nil
  }

  // MARK: - Questions and lessons built in code

  static func choices(_ texts: [String], correct: Set<Int>) -> [Choice] {
    texts.indices.map { Choice(text: texts[$0], isCorrect: correct.contains($0), feedback: "why \(texts[$0])") }
  }

  static func question(_ kind: Question.Kind, points: Double = 1, hints: [String] = []) -> Question {
    question("q", kind, points: points, hints: hints)
  }

  static func question(_ id: String, _ kind: Question.Kind, points: Double = 1, hints: [String] = []) -> Question {
    Question(
      id: id, kind: kind, prompt: "Prompt of \(id)?", hints: hints, explanation: "Explanation of \(id).",
      points: points, feedbackCorrect: "Yes.", feedbackWrong: "No.")
  }

  /// Three questions (single, true/false, text) after an explanation.
  static func runnerLesson(id: String = "tiny", topic: String = "passwords") -> Lesson {
    Lesson(
      id: id, title: "Tiny \(id)", topic: topic, level: "10-13",
      steps: [
        Step(content: .explain("Length matters most.")),
        Step(
          id: "longest",
          content: .question(
            question("longest", .single(choices(["P@ss1", "purple tractor sings"], correct: [1])), hints: ["Count.", "Longer."]))),
        Step(id: "reuse", content: .question(question("reuse", .trueFalse(answer: false)))),
        Step(id: "word", content: .question(question("word", .text(.init(accepted: ["passphrase"]))))),
      ], contentVersion: "v1")
  }

  /// A scenario whose choices jump: `a` → `pressure`, `b` → `wrap-up`.
  static func branchingLesson() -> Lesson {
    let scenario = Question.Kind.scenario([
      Choice(text: "Send a photo", feedback: "Photos spread.", next: "pressure"),
      Choice(text: "Say no and tell an adult", isCorrect: true, feedback: "Well done.", next: "wrap-up"),
    ])
    return Lesson(
      id: "branch", title: "Branching", topic: "cyberbullying", level: "10-13",
      steps: [
        Step(id: "photo", content: .question(question("photo", scenario))),
        Step(id: "pressure", content: .question(question("pressure", .trueFalse(answer: false))), next: "end"),
        Step(id: "wrap-up", content: .question(question("wrap-up", .trueFalse(answer: true)))),
        Step(id: "bye", content: .explain("Always tell an adult you trust.")),
      ])
  }

  static func quiz(
    id: String = "check", selections: [Quiz.Selection] = [.lesson("tiny", count: nil)], shuffle: Bool = false,
    seed: UInt64 = 7, attempts: Int? = nil, grading: Quiz.Grading = .highest, timeLimit: Double? = nil,
    shuffleAnswers: Bool = false
  ) -> Quiz {
    // Choices in the file's order unless asked, so that tests can name the right letters.
    var quiz = Quiz(
      id: id, title: "Quiz \(id)", topic: "passwords", selections: selections, shuffle: shuffle, seed: seed,
      timeLimit: timeLimit, passMark: 60, attemptsAllowed: attempts, grading: grading)
    quiz.shuffleAnswers = shuffleAnswers
    return quiz
  }

  static let start = Date(timeIntervalSince1970: 1_800_000_000)

  // MARK: - Records

  static func answer(_ id: String, correct: Bool, points: Double? = nil, at offset: Double = 0) -> AnswerRecord {
    AnswerRecord(
      questionID: id, topic: "passwords", response: correct ? "b" : "a", correct: correct,
      points: points ?? (correct ? 1 : 0), maxPoints: 1, seconds: 4.5, hintsUsed: correct ? 0 : 1,
      at: start.addingTimeInterval(offset))
  }

  /// A record with a finished lesson attempt and a quiz attempt still in progress.
  static func sampleRecord(id: String = UserID.make(from: "Ana") ?? "", displayName: String = "Ana") -> UserRecord {
    var record = UserRecord(id: id, displayName: displayName, now: start)
    var lesson = Attempt(
      id: "attempt-1", kind: .lesson, contentID: "tiny", contentVersion: "abc", title: "A tiny lesson",
      topic: "passwords", started: start)
    lesson.answers = [answer("longest", correct: true, at: 10), answer("reuse", correct: false, at: 20)]
    lesson.score = 1
    lesson.maxScore = 2
    lesson.position = 3
    lesson.status = .completed
    lesson.finished = start.addingTimeInterval(20)
    var quiz = Attempt(
      id: "attempt-2", kind: .quiz, contentID: "check", contentVersion: "def", title: "Check", topic: nil,
      started: start.addingTimeInterval(60), questionOrder: ["tiny/reuse", "tiny/longest"])
    quiz.answers = [answer("tiny/reuse", correct: true, at: 70)]
    quiz.score = 1
    quiz.maxScore = 1
    quiz.position = 1
    record.attempts = [lesson, quiz]
    record.resume = .init(attemptID: "attempt-2")
    record.mastery["passwords"] = TopicMastery()
    record.mastery["passwords"]?.record(questionKey: "tiny/longest", points: 1, maxPoints: 1, correct: true)
    record.mastery["passwords"]?.record(questionKey: "tiny/reuse", points: 1, maxPoints: 1, correct: true)
    record.profile.lastSeen = start.addingTimeInterval(70)
    return record
  }
}

/// Test input with position marks such as `«here»`, removed from `text`.
///
/// Positions are 1-based lines and columns counted in Unicode scalars, as libyaml counts.
struct MarkedText {
  let text: String
  private let marks: [String: (line: Int, column: Int)]

  init(_ marked: String) {
    var text = ""
    var marks: [String: (line: Int, column: Int)] = [:]
    var line = 1
    var column = 1
    var rest = Substring(marked).unicodeScalars
    while let scalar = rest.first {
      if scalar == "«", let end = rest.firstIndex(of: "»") {
        marks[String(String.UnicodeScalarView(rest[rest.index(after: rest.startIndex)..<end]))] = (line, column)
        rest = rest[rest.index(after: end)...]
        continue
      }
      text.unicodeScalars.append(scalar)
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      rest = rest.dropFirst()
    }
    self.text = text
    self.marks = marks
  }

  func location(_ mark: String = "here", file: String = "test.yaml") -> SourceLocation {
    let position = marks[mark] ?? (line: 0, column: 0)
    return SourceLocation(file: file, line: position.line, column: position.column)
  }
}

/// A fresh folder under the temporary directory, removed when the value goes away.
final class TemporaryFolder {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("safer-core-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes `text` to `relative` (creating folders) and returns the full path.
  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String {
    try write(relative, bytes: Array(text.utf8))
  }

  @discardableResult
  func write(_ relative: String, bytes: [UInt8]) throws -> String {
    let full = path + "/" + relative
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: full))
    return full
  }

  func contents(_ relative: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path + "/" + relative).map { [UInt8]($0) }
  }

  func files(in relative: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + relative)) ?? []).sorted()
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }
}

extension Array where Element == Diagnostic {
  /// The errors at `location` whose message contains `text`.
  func errors(at location: SourceLocation, containing text: String) -> [Diagnostic] {
    filter { $0.severity == .error && $0.location == location && $0.message.contains(text) }
  }
}
