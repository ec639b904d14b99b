import Testing

@testable import SaferCore

@Suite("Quiz file parsing")
struct QuizParserTests {
  static let fullQuiz = """
    kind: quiz
    id: passwords-check
    title: Passwords check-up
    topic: passwords
    select:
      - lesson: tiny
      - topic: fraud
        count: 3
      - question: tiny/reuse
    count: 10
    shuffle: true
    seed: 2026
    timeLimit: 60
    passMark: 70
    attempts: 3
    grading: average

    """

  @Test func readsEveryField() throws {
    let (content, diagnostics) = Fixtures.parse(Self.fullQuiz, file: "q.yaml")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    guard case .quiz(let quiz) = content else {
      Issue.record("not a quiz")
      return
    }
    #expect(quiz.id == "passwords-check")
    #expect(quiz.title == "Passwords check-up")
    #expect(quiz.topic == "passwords")
    #expect(
      quiz.selections == [.lesson("tiny", count: nil), .topic("fraud", count: 3), .question(lesson: "tiny", question: "reuse")])
    #expect(quiz.count == 10)
    #expect(quiz.shuffle)
    #expect(quiz.seed == 2026)
    #expect(quiz.timeLimit == 60)
    #expect(quiz.passMark == 70)
    #expect(quiz.attemptsAllowed == 3)
    #expect(quiz.grading == .average)
    #expect(quiz.file == "q.yaml")
    #expect(quiz.location == SourceLocation(file: "q.yaml", line: 1, column: 1))
  }

  @Test func defaultsAndTextSeed() throws {
    let plain = "kind: quiz\nid: q\ntitle: Q\nselect: [{lesson: tiny}]\n"
    guard case .quiz(let quiz) = Fixtures.parse(plain).content else {
      Issue.record("not a quiz")
      return
    }
    #expect(quiz.shuffle == false)
    #expect(quiz.passMark == 50)
    #expect(quiz.attemptsAllowed == nil)
    #expect(quiz.grading == .highest)
    // Without a seed, the quiz id seeds the draw, so every quiz has a fixed order.
    #expect(quiz.seed == Fingerprint.fnv1a(Array("q".utf8)))
    guard case .quiz(let worded) = Fixtures.parse(plain + "seed: spring term\n").content else {
      Issue.record("not a quiz")
      return
    }
    #expect(worded.seed == Fingerprint.fnv1a(Array("spring term".utf8)))
  }

  @Test func badQuestionReferenceIsReportedAtItsValue() {
    let marked = MarkedText("kind: quiz\nid: q\ntitle: Q\nselect:\n  - question: «here»tiny-reuse\n")
    let diagnostics = Fixtures.parse(marked.text).diagnostics
    #expect(!diagnostics.errors(at: marked.location(), containing: "`question` must be written `lesson-id/question-id`").isEmpty)
  }

  @Test func selectItemWithoutAReferenceIsAnError() {
    let marked = MarkedText("kind: quiz\nid: q\ntitle: Q\nselect:\n  - «here»count: 3\n")
    let diagnostics = Fixtures.parse(marked.text).diagnostics
    #expect(
      !diagnostics.errors(at: marked.location(), containing: "needs `lesson:`, `topic:`, `category:` or `question:`").isEmpty)
  }

  /// Errors found on the quiz's own fields must reach the author, and a quiz with errors
  /// must not load.
  struct FieldCase: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var message: String
    var testDescription: String { name }
  }

  static let fieldCases: [FieldCase] = [
    .init(
      name: "unknown field", yaml: "«here»atempts: 3\n", message: "unknown field `atempts` in a quiz (did you mean `attempts`?)"),
    .init(
      name: "unknown grading", yaml: "grading: «here»best\n", message: "`grading` must be one of: highest, average, first, last"),
    .init(name: "pass mark over 100", yaml: "passMark: «here»120\n", message: "`passMark` is a percentage"),
    .init(name: "count below 1", yaml: "count: «here»0\n", message: "`count` must be at least 1"),
    .init(name: "shuffle not a bool", yaml: "shuffle: «here»often\n", message: "`shuffle` must be `true` or `false`"),
  ]

  @Test(arguments: fieldCases)
  func quizFieldErrorsAreReported(_ example: FieldCase) {
    let marked = MarkedText("kind: quiz\nid: q\ntitle: Q\nselect: [{lesson: tiny}]\n" + example.yaml)
    let diagnostics = Fixtures.parse(marked.text).diagnostics
    #expect(!diagnostics.errors(at: marked.location(), containing: example.message).isEmpty, "\(diagnostics)")
  }

  @Test func quizWithoutIDIsReported() {
    let (content, diagnostics) = Fixtures.parse("kind: quiz\ntitle: Q\nselect: [{lesson: tiny}]\n")
    #expect(content == nil)
    #expect(diagnostics.contains { $0.message.contains("missing required field `id`") }, "\(diagnostics)")
  }
}
