import Foundation
import Testing

@testable import SaferCore

/// Quiz settings a class needs: command-line overrides, exam mode, a time limit for the
/// whole quiz, shuffled answers, banks and categories.
@Suite struct QuizSettingsTests {
  @Test func overridesParseAndApply() throws {
    let overrides = try QuizOverrides.parse([
      "--count", "2", "--seed", "9", "--shuffle", "--shuffle-answers", "--time-limit", "30", "--quiz-time-limit", "600",
      "--pass-mark", "80", "--attempts", "1", "--grading", "last", "--exam",
    ])
    let quiz = try overrides.apply(to: Fixtures.quiz())
    #expect(quiz.count == 2)
    #expect(quiz.seed == 9)
    #expect(quiz.shuffle && quiz.shuffleAnswers)
    #expect(quiz.timeLimit == 30 && quiz.totalTimeLimit == 600)
    #expect(quiz.passMark == 80 && quiz.attemptsAllowed == 1 && quiz.grading == .last)
    #expect(quiz.feedback == .end)
  }

  @Test(arguments: [
    (["--cout", "2"], "Unknown quiz option `--cout`. Did you mean `--count`?"),
    (["--count"], "`--count` needs a value, e.g. `--count 5`."),
    (["--pass-mark", "120"], "`120` is not a valid value for `--pass-mark`"),
    (["--grading", "best"], "`best` is not a valid value for `--grading`"),
    (["count"], "“count” is not an option"),
  ])
  func badOverridesSayWhatIsWrong(words: [String], message: String) {
    #expect(throws: OverrideError.self) { try QuizOverrides.parse(words) }
    do {
      _ = try QuizOverrides.parse(words)
    } catch {
      #expect(error.description.contains(message), "\(error.description)")
    }
  }

  @Test func overridesAreKeptForResume() throws {
    let harness = try SessionHarness(quizzes: [Fixtures.quiz()])
    let overrides = try QuizOverrides.parse(["--count", "2", "--exam"])
    let runner = try harness.starter.start("check", overrides: overrides).runner
    #expect(runner.present()?.total == 2)
    #expect(!runner.marksEachAnswer)
    try harness.reopen()
    let resumed = try harness.starter.resume()
    #expect(resumed.present()?.total == 2)
    #expect(!resumed.marksEachAnswer)
    #expect(harness.record.attempts.first?.overrides == ["count": "2", "exam": "true"])
  }

  @Test func theWholeQuizTimeLimitEndsTheQuiz() throws {
    var quiz = Fixtures.quiz()
    quiz.totalTimeLimit = 60
    let harness = try SessionHarness(quizzes: [quiz])
    let runner = try harness.starter.start("check").runner
    harness.clock.advance(20)
    #expect(runner.present()?.remainingSeconds == 40)
    let first = try runner.answer("b")
    #expect(first.grade.isCorrect && first.summary == nil)
    harness.clock.advance(50)
    let late = try runner.answer("false")
    #expect(late.grade.timedOut)
    #expect(late.grade.points == 0)
    let summary = try #require(late.summary, "time is up, so the quiz ends")
    #expect(summary.missed.count == 1)
    #expect(harness.record.attempts.first?.status == .completed)
  }

  @Test func shuffledAnswersAreTheSameForEveryoneAndGradeRight() throws {
    var quiz = Fixtures.quiz()
    quiz.shuffleAnswers = true
    let orders = try (0..<2).map { _ -> [String] in
      let harness = try SessionHarness(quizzes: [quiz])
      let runner = try harness.starter.start("check").runner
      let question = try #require(runner.present()?.question)
      let right = try #require(question.choices.firstIndex { $0.isCorrect })
      #expect(try runner.answer(Grader.letter(right)).grade.isCorrect)
      return question.choices.map(\.text)
    }
    #expect(orders[0] == orders[1])
  }

  @Test func aBankIsTakenAsAQuizAndCategoriesCanBeSelected() throws {
    var bank = Fixtures.runnerLesson(id: "my-bank")
    bank.isBank = true
    for index in bank.steps.indices where bank.steps[index].question != nil {
      if case .question(var question) = bank.steps[index].content {
        question.category = index == 1 ? "safety/passwords" : "safety/words"
        bank.steps[index].content = .question(question)
      }
    }
    let byCategory = Fixtures.quiz(id: "cat", selections: [.category("safety/passwords", count: nil)])
    let harness = try SessionHarness(lessons: [bank], quizzes: [byCategory])
    let whole = try harness.starter.start("my-bank").runner
    #expect(whole.attempt?.kind == .quiz)
    #expect(whole.present()?.total == 3, "explanations are left out of a bank quiz")
    #expect(QuizAssembler(library: harness.library).assemble(byCategory).map(\.globalID) == ["my-bank/longest"])
    let all = Fixtures.quiz(id: "all", selections: [.category("safety", count: nil)])
    #expect(QuizAssembler(library: harness.library).assemble(all).count == 3)
  }
}
