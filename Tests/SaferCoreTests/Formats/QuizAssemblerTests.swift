import Testing

@testable import SaferCore

@Suite("Drawing a quiz's questions")
struct QuizAssemblerTests {
  /// Two lessons of three questions on `passwords`, one on `fraud`.
  static let library = LessonLibrary(lessons: [
    Fixtures.runnerLesson(id: "alpha"), Fixtures.runnerLesson(id: "beta"), Fixtures.runnerLesson(id: "gamma", topic: "fraud"),
  ])
  static let assembler = QuizAssembler(library: library)

  static func ids(_ quiz: Quiz) -> [String] { assembler.assemble(quiz).map(\.globalID) }

  @Test func lessonSelectionKeepsFileOrder() {
    let items = Self.assembler.assemble(Fixtures.quiz(selections: [.lesson("beta", count: nil)]))
    #expect(items.map(\.globalID) == ["beta/longest", "beta/reuse", "beta/word"])
    #expect(items.allSatisfy { $0.lessonID == "beta" && $0.topic == "passwords" })
  }

  @Test func topicAndQuestionSelectionsWithoutDuplicates() {
    let quiz = Fixtures.quiz(selections: [
      .question(lesson: "gamma", question: "reuse"), .topic("fraud", count: nil), .lesson("alpha", count: nil),
      .question(lesson: "alpha", question: "word"),
    ])
    #expect(
      Self.ids(quiz) == ["gamma/reuse", "gamma/longest", "gamma/word", "alpha/longest", "alpha/reuse", "alpha/word"])
  }

  @Test func countDrawsThatManyReproducibly() {
    let quiz = Fixtures.quiz(selections: [.topic("passwords", count: 4)], seed: 42)
    let drawn = Self.ids(quiz)
    #expect(drawn.count == 4)
    #expect(Set(drawn).count == 4)
    #expect(drawn.allSatisfy { $0.hasPrefix("alpha/") || $0.hasPrefix("beta/") })
    #expect(Self.ids(quiz) == drawn)
  }

  @Test func shuffleIsTheSameForTheSameSeed() {
    let all: [Quiz.Selection] = [.lesson("alpha", count: nil), .lesson("beta", count: nil), .lesson("gamma", count: nil)]
    let quiz = Fixtures.quiz(selections: all, shuffle: true, seed: 2026)
    let first = Self.ids(quiz)
    #expect(Self.ids(quiz) == first)
    #expect(Set(first).count == 9)
    // Different seeds give different orders (at least some of them), and not file order.
    let orders = Set((0..<8).map { Self.ids(Fixtures.quiz(selections: all, shuffle: true, seed: $0)) })
    #expect(orders.count > 1)
    let unshuffled = Self.ids(Fixtures.quiz(selections: all))
    #expect(orders.contains { $0 != unshuffled })
  }

  @Test func quizCountTakesTheFirstQuestions() {
    var quiz = Fixtures.quiz(selections: [.lesson("alpha", count: nil), .lesson("beta", count: nil)])
    quiz.count = 2
    #expect(Self.ids(quiz) == ["alpha/longest", "alpha/reuse"])
  }

  struct CheckCase: CustomTestStringConvertible, Sendable {
    var name: String
    var selection: Quiz.Selection
    var message: String
    var testDescription: String { name }
  }

  static let checkCases: [CheckCase] = [
    .init(
      name: "missing lesson", selection: .lesson("alpa", count: nil),
      message: "quiz `check` selects lesson `alpa`, which is not loaded (did you mean `alpha`?)"),
    .init(
      name: "missing topic", selection: .topic("privacy", count: 2),
      message: "quiz `check` selects topic `privacy`, but no loaded lesson has it"),
    .init(
      name: "missing question", selection: .question(lesson: "alpha", question: "nope"),
      message: "quiz `check` selects `alpha/nope`, which no loaded lesson has"),
    .init(
      name: "question of a missing lesson", selection: .question(lesson: "delta", question: "word"),
      message: "quiz `check` selects `delta/word`, which no loaded lesson has"),
  ]

  @Test(arguments: checkCases)
  func checkReportsMissingReferences(_ example: CheckCase) {
    var quiz = Fixtures.quiz(selections: [example.selection])
    quiz.location = SourceLocation(file: "check.yaml", line: 2, column: 1)
    let problems = Self.assembler.check(quiz)
    #expect(problems.map(\.description) == ["check.yaml:2:1: error: \(example.message)"])
  }

  @Test func checkAcceptsValidQuizAndRejectsEmptyOne() {
    #expect(Self.assembler.check(Fixtures.quiz(selections: [.lesson("alpha", count: 1)])).isEmpty)
    let empty = Fixtures.quiz(selections: [])
    #expect(Self.assembler.check(empty).map(\.message) == ["quiz `check` selects no questions"])
  }
}
