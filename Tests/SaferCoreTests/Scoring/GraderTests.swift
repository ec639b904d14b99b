import Testing

@testable import SaferCore

@Suite("Grading answers")
struct GraderTests {
  static let single = Fixtures.question(.single(Fixtures.choices(["P@ss1", "long phrase", "123456"], correct: [1])))
  static let multiple = Fixtures.question(
    .multiple(Fixtures.choices(["manager", "reuse", "two-step", "sticky note"], correct: [0, 2])), points: 2)
  static let trueFalse = Fixtures.question(.trueFalse(answer: true))
  static let number = Fixtures.question(.number(answer: 12, tolerance: 0.5, unit: "years"))
  static let scenario = Fixtures.question(
    .scenario([
      Choice(text: "Send it", feedback: "Photos spread.", next: "pressure"),
      Choice(text: "Say no", isCorrect: true, feedback: "Well done.", next: "wrap-up"),
    ]))

  static func problem(_ response: String, _ question: Question) -> ResponseProblem? {
    do {
      _ = try Grader.grade(response, to: question)
      return nil
    } catch {
      return error
    }
  }

  // MARK: - Single and scenario

  @Test(arguments: ["b", "B", "b)", "B.", "2", "  b  "])
  func singleAcceptsLettersAndNumbers(_ response: String) throws {
    let grade = try Grader.grade(response, to: Self.single)
    #expect(grade.isCorrect)
    #expect(grade.choiceIndex == 1)
    #expect(grade.normalizedResponse == "b")
    #expect(grade.points == 1)
    #expect(grade.maxPoints == 1)
    #expect(grade.feedback == ["why long phrase", "Explanation of q."])
    #expect(grade.rightAnswer == "b) long phrase")
  }

  @Test func singleWrongChoiceGivesItsFeedback() throws {
    let grade = try Grader.grade("a", to: Self.single)
    #expect(!grade.isCorrect)
    #expect(grade.points == 0)
    #expect(grade.credit == 0)
    #expect(grade.feedback == ["why P@ss1", "Explanation of q."])
  }

  struct ProblemCase: CustomTestStringConvertible, Sendable {
    var response: String
    var question: Question
    var problem: ResponseProblem
    var testDescription: String { "“\(response)” to \(question.kindName)" }
  }

  static let problems: [ProblemCase] = [
    .init(response: "", question: single, problem: .empty),
    .init(response: " \t ", question: single, problem: .empty),
    .init(response: "d", question: single, problem: .notAChoice("d", letters: "a, b, c")),
    .init(response: "4", question: single, problem: .notAChoice("4", letters: "a, b, c")),
    .init(response: "é", question: single, problem: .notAChoice("é", letters: "a, b, c")),
    .init(response: ")", question: single, problem: .notAChoice(")", letters: "a, b, c")),
    .init(response: "a c", question: single, problem: .oneChoiceOnly),
    .init(response: "ab", question: scenario, problem: .oneChoiceOnly),
    .init(response: "e", question: multiple, problem: .notAChoice("e", letters: "a, b, c, d")),
    .init(response: "maybe", question: trueFalse, problem: .notTrueOrFalse),
    .init(response: "twelve", question: number, problem: .notANumber("twelve")),
    .init(response: "inf", question: number, problem: .notANumber("inf")),
    .init(response: "", question: number, problem: .empty),
  ]

  @Test(arguments: problems)
  func unusableResponsesAreProblems(_ example: ProblemCase) {
    #expect(Self.problem(example.response, example.question) == example.problem)
    #expect(!example.problem.description.isEmpty)
  }

  @Test func problemDescriptionsNameTheWayOut() {
    #expect(ResponseProblem.notAChoice("d", letters: "a, b, c").description.contains("(a, b, c)"))
    #expect(ResponseProblem.incompleteOrder(letters: "a b c").description.contains("`a b c`"))
    #expect(ResponseProblem.notANumber("x").description.contains("“x”"))
  }

  @Test func scenarioReportsThePickedChoice() throws {
    let risky = try Grader.grade("a", to: Self.scenario)
    #expect(risky.choiceIndex == 0)
    #expect(!risky.isCorrect)
    #expect(risky.feedback.first == "Photos spread.")
    let safe = try Grader.grade("2", to: Self.scenario)
    #expect(safe.choiceIndex == 1)
    #expect(safe.isCorrect)
    #expect(Grader.rightAnswer(of: Self.scenario) == "b) Say no")
    #expect(Grader.whyRight(of: Self.scenario) == "Well done.")
  }

  // MARK: - Multiple select

  struct MultipleCase: CustomTestStringConvertible, Sendable {
    var response: String
    var credit: Double
    var correct: Bool
    var normalized: String
    var testDescription: String { "“\(response)”" }
  }

  /// `max(0, (right picks − wrong picks) / right choices)`, right choices being a and c.
  static let multipleCases: [MultipleCase] = [
    .init(response: "a c", credit: 1, correct: true, normalized: "a, c"),
    .init(response: "ca", credit: 1, correct: true, normalized: "a, c"),
    .init(response: "A,C", credit: 1, correct: true, normalized: "a, c"),
    .init(response: "a", credit: 0.5, correct: false, normalized: "a"),
    .init(response: "a a", credit: 0.5, correct: false, normalized: "a"),
    .init(response: "a b", credit: 0, correct: false, normalized: "a, b"),
    .init(response: "a b c", credit: 0.5, correct: false, normalized: "a, b, c"),
    .init(response: "abcd", credit: 0, correct: false, normalized: "a, b, c, d"),
    .init(response: "b d", credit: 0, correct: false, normalized: "b, d"),
  ]

  @Test(arguments: multipleCases)
  func multipleGivesPartialCredit(_ example: MultipleCase) throws {
    let grade = try Grader.grade(example.response, to: Self.multiple)
    #expect(grade.credit == example.credit)
    #expect(grade.points == 2 * example.credit)
    #expect(grade.isCorrect == example.correct)
    #expect(grade.normalizedResponse == example.normalized)
  }

  @Test func multipleFeedbackFollowsPicks() throws {
    let grade = try Grader.grade("c b", to: Self.multiple)
    #expect(grade.feedback == ["b) why reuse", "c) why two-step", "Explanation of q."])
    #expect(Grader.rightAnswer(of: Self.multiple) == "a) manager; c) two-step")
    #expect(Grader.whyRight(of: Self.multiple) == "why manager why two-step")
  }

  // MARK: - True/false and numbers

  @Test(arguments: ["true", "True", "TRUE!", "t", "yes", "Y", "a", "1"])
  func trueSynonyms(_ response: String) throws {
    let grade = try Grader.grade(response, to: Self.trueFalse)
    #expect(grade.isCorrect)
    #expect(grade.normalizedResponse == "true")
    #expect(grade.feedback == ["Yes.", "Explanation of q."])
  }

  @Test(arguments: ["false", "F", "no", "n", "B", "2", " false. "])
  func falseSynonyms(_ response: String) throws {
    let grade = try Grader.grade(response, to: Self.trueFalse)
    #expect(!grade.isCorrect)
    #expect(grade.normalizedResponse == "false")
    #expect(grade.feedback == ["No.", "Explanation of q."])
    #expect(grade.rightAnswer == "true")
  }

  struct NumberCase: CustomTestStringConvertible, Sendable {
    var response: String
    var correct: Bool
    var normalized: String
    var testDescription: String { "“\(response)”" }
  }

  static let numberCases: [NumberCase] = [
    .init(response: "12", correct: true, normalized: "12"),
    .init(response: "12.5", correct: true, normalized: "12.5"),
    .init(response: "11,5", correct: true, normalized: "11.5"),
    .init(response: "12 years", correct: true, normalized: "12"),
    .init(response: "12,6", correct: false, normalized: "12.6"),
    .init(response: "11.4", correct: false, normalized: "11.4"),
    .init(response: "-12", correct: false, normalized: "-12"),
  ]

  @Test(arguments: numberCases)
  func numberWithToleranceAndCommaDecimal(_ example: NumberCase) throws {
    let grade = try Grader.grade(example.response, to: Self.number)
    #expect(grade.isCorrect == example.correct)
    #expect(grade.normalizedResponse == example.normalized)
  }

  @Test func exactNumberAndRightAnswerText() throws {
    let exact = Fixtures.question(.number(answer: 0.3, tolerance: 0, unit: nil))
    #expect(try Grader.grade("0,3", to: exact).isCorrect)
    #expect(try !Grader.grade("0.31", to: exact).isCorrect)
    #expect(Grader.rightAnswer(of: exact) == "0.3")
    #expect(Grader.rightAnswer(of: Self.number) == "12 (± 0.5) years")
    #expect(Grader.formatNumber(15) == "15")
    #expect(Grader.formatNumber(2.5) == "2.5")
  }

  // MARK: - Penalties

  struct HintCase: Sendable {
    var hints: Int
    var share: Double
  }

  @Test(arguments: [
    HintCase(hints: 0, share: 1), HintCase(hints: 1, share: 0.75), HintCase(hints: 2, share: 0.5),
    HintCase(hints: 3, share: 0.25), HintCase(hints: 4, share: 0.25), HintCase(hints: 9, share: 0.25),
  ])
  func eachHintCostsAQuarterUpToThreeQuarters(_ example: HintCase) throws {
    let right = try Grader.grade("a c", to: Self.multiple, hintsUsed: example.hints)
    #expect(right.points == 2 * example.share)
    #expect(right.isCorrect)
    let half = try Grader.grade("a", to: Self.multiple, hintsUsed: example.hints)
    #expect(half.points == 2 * 0.5 * example.share)
    let wrong = try Grader.grade("b", to: Self.multiple, hintsUsed: example.hints)
    #expect(wrong.points == 0)
  }

  @Test func lateAnswerScoresNothing() throws {
    let late = try Grader.grade("b", to: Self.single, seconds: 30.5, timeLimit: 30)
    #expect(late.timedOut)
    #expect(!late.isCorrect)
    #expect(late.points == 0)
    let justInTime = try Grader.grade("b", to: Self.single, seconds: 30, timeLimit: 30)
    #expect(!justInTime.timedOut)
    #expect(justInTime.points == 1)
    let noLimit = try Grader.grade("b", to: Self.single, seconds: 3600)
    #expect(!noLimit.timedOut)
    #expect(noLimit.isCorrect)
  }

  @Test func letters() {
    #expect(Grader.letter(0) == "a")
    #expect(Grader.letter(25) == "z")
  }
}
