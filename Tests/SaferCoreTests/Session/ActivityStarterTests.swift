import Foundation
import Testing

@testable import SaferCore

@Suite("Starting, resuming and resetting")
struct ActivityStarterTests {
  @Test func resumeContinuesAtTheSameQuestionAfterReopening() throws {
    let session = try SessionHarness()
    let runner = try session.starter.start("tiny").runner
    _ = try runner.answer("b")
    try session.reopen()

    let resumed = try session.starter.resume()
    #expect(resumed.attemptID == runner.attemptID)
    #expect(resumed.present()?.question?.id == "reuse")
    #expect(resumed.present()?.number == 2)
    guard case .continued(let again) = try session.starter.start("tiny") else {
      Issue.record("starting an unfinished lesson continues it")
      return
    }
    #expect(again.attemptID == runner.attemptID)
    #expect(session.record.attempts.count == 1)
    try session.answerAll(resumed, right: true)
    #expect(session.record.attempts.first?.answers.map(\.questionID) == ["longest", "reuse", "word"])
  }

  @Test func resumePrefersTheLastAttemptWorkedOn() throws {
    let other = Fixtures.runnerLesson(id: "other")
    let session = try SessionHarness(lessons: [Fixtures.runnerLesson(), other])
    let first = try session.starter.start("tiny").runner
    _ = try first.answer("b")
    _ = try session.starter.start("other")
    try session.reopen()
    #expect(try session.starter.resume().contentID == "other")
    _ = try session.starter.start("tiny")
    #expect(try session.starter.resume().contentID == "tiny")
  }

  @Test func nothingToResumeAndContentGone() throws {
    let session = try SessionHarness()
    #expect(throws: ActivityError.nothingToResume) { try session.starter.resume() }
    _ = try session.starter.start("tiny")
    session.library = LessonLibrary(lessons: [Fixtures.runnerLesson(id: "else")])
    #expect(throws: ActivityError.contentGone("tiny")) { try session.starter.resume() }
  }

  @Test func unknownIDsSuggestTheNearestOne() throws {
    let session = try SessionHarness(quizzes: [Fixtures.quiz(id: "passwords-check")])
    #expect(throws: ActivityError.noSuchLesson("tin", suggestion: "tiny")) { try session.starter.start("tin") }
    #expect(throws: ActivityError.noSuchLesson("passwords-chek", suggestion: "passwords-check")) {
      try session.starter.start("passwords-chek")
    }
    #expect(throws: ActivityError.noSuchLesson("zzzzzz", suggestion: nil)) { try session.starter.reset("zzzzzz") }
  }

  @Test func resetAbandonsTheAttemptAndTheNextStartBeginsAfresh() throws {
    let session = try SessionHarness()
    let runner = try session.starter.start("tiny").runner
    _ = try runner.answer("b")
    session.clock.advance(30)
    #expect(try session.starter.reset("tiny"))
    let abandoned = try #require(session.record.attempt(id: runner.attemptID))
    #expect(abandoned.status == .abandoned)
    #expect(abandoned.finished == Fixtures.start.addingTimeInterval(30))
    #expect(abandoned.answers.count == 1, "the work is kept for the teacher")
    #expect(session.record.resume == nil)
    #expect(runner.present() == nil)
    #expect(try session.starter.reset("tiny") == false)

    guard case .began(let fresh) = try session.starter.start("tiny") else {
      Issue.record("after a reset, start begins a new attempt")
      return
    }
    #expect(fresh.attemptID != runner.attemptID)
    #expect(fresh.present()?.question?.id == "longest")
    #expect(session.record.attempts.map(\.status) == [.abandoned, .inProgress])
  }

  @Test func finishedLessonStartedAgainGivesANewAttempt() throws {
    let session = try SessionHarness()
    let first = try session.starter.start("tiny").runner
    try session.answerAll(first, right: false)
    guard case .began(let second) = try session.starter.start("tiny") else {
      Issue.record("a finished lesson starts over")
      return
    }
    #expect(second.attemptID != first.attemptID)
    #expect(session.record.attempts.map(\.status) == [.completed, .inProgress])
    #expect(session.record.resume?.attemptID == second.attemptID)
  }

  @Test func masteryUsesTheLatestAnswerToEachQuestion() throws {
    let session = try SessionHarness(quizzes: [Fixtures.quiz()])
    try session.answerAll(session.starter.start("tiny").runner, right: false)
    #expect(session.record.mastery["passwords"]?.questionsRight == 0)
    // The quiz draws the same questions (`tiny/…`): its answers replace the lesson's.
    let quiz = try session.starter.start("check").runner
    while let question = quiz.present()?.question {
      let right = question.id != "word"
      _ = try quiz.answer((right ? SessionHarness.right : SessionHarness.wrong)[question.id] ?? "")
    }
    let mastery = try #require(session.record.mastery["passwords"])
    #expect(mastery.questionsAnswered == 3)
    #expect(mastery.questionsRight == 2)
    #expect(abs(mastery.level - 2.0 / 3.0) < 1e-12)
    #expect(mastery.latest["tiny/word"]?.correct == false)
    #expect(mastery.latest["tiny/longest"]?.correct == true)
  }

  // MARK: - Quizzes

  @Test func quizRespectsItsAttempts() throws {
    let session = try SessionHarness(quizzes: [Fixtures.quiz(attempts: 2)])
    for _ in 0..<2 {
      let summary = try #require(try session.answerAll(session.starter.start("check").runner, right: true))
      #expect(summary.passed == true)
      #expect(summary.passMark == 60)
    }
    #expect(throws: ActivityError.noAttemptsLeft(quiz: "Quiz check", allowed: 2)) { try session.starter.start("check") }
    #expect(session.record.attempts.count == 2)
    #expect(session.record.attempts.allSatisfy { $0.kind == .quiz && $0.passed == true })
  }

  @Test func quizOrderIsTheSameForEveryStudent() throws {
    let lessons = [Fixtures.runnerLesson(id: "alpha"), Fixtures.runnerLesson(id: "beta")]
    let quiz = Fixtures.quiz(selections: [.topic("passwords", count: nil)], shuffle: true, seed: 99)
    let ana = try SessionHarness(lessons: lessons, quizzes: [quiz], student: "Ana")
    let bo = try SessionHarness(lessons: lessons, quizzes: [quiz], student: "Bo")
    let anaRunner = try ana.starter.start("check").runner
    _ = try bo.starter.start("check")
    let order = try #require(ana.record.attempts.first?.questionOrder)
    #expect(order.count == 6)
    #expect(bo.record.attempts.first?.questionOrder == order)
    #expect(order == QuizAssembler(library: ana.library).assemble(quiz).map(\.globalID))
    var shown: [String] = []
    while let question = anaRunner.present()?.question {
      #expect(anaRunner.present()?.number == shown.count + 1)
      shown.append(anaRunner.attempt?.questionOrder?[shown.count] ?? "")
      #expect(shown.last?.hasSuffix("/" + question.id) == true)
      _ = try anaRunner.skip()
    }
    #expect(ana.record.attempts.first?.answers.map(\.questionID) == order)
  }

  @Test func resumedQuizKeepsItsOrder() throws {
    let quiz = Fixtures.quiz(shuffle: true, seed: 5)
    let session = try SessionHarness(quizzes: [quiz])
    let runner = try session.starter.start("check").runner
    _ = try runner.skip()
    try session.reopen()
    let resumed = try session.starter.resume()
    #expect(resumed.attemptID == runner.attemptID)
    let order = try #require(session.record.attempts.first?.questionOrder)
    #expect(resumed.present()?.question.map { "tiny/\($0.id)" } == order[1])
    #expect(resumed.present()?.number == 2)
  }

  @Test func lateQuizAnswerScoresNothing() throws {
    let session = try SessionHarness(quizzes: [Fixtures.quiz(timeLimit: 30)])
    let runner = try session.starter.start("check").runner
    #expect(runner.present()?.timeLimit == 30)
    session.clock.advance(31)
    let outcome = try runner.answer("b")
    #expect(outcome.grade.timedOut)
    #expect(outcome.grade.points == 0)
    #expect(runner.attempt?.answers.first?.timedOut == true)
    runner.questionShown()
    let summary = try #require(try session.answerAll(runner, right: true))
    #expect(summary.missed.map(\.response) == ["b) purple tractor sings (too late)"])
    #expect(summary.score == 2)
  }

  @Test(arguments: [
    (Quiz.Grading.highest, 100.0), (.average, 50.0), (.first, 100.0), (.last, 0.0),
  ])
  func countingPercentFollowsTheGradingMethod(_ method: Quiz.Grading, _ expected: Double) throws {
    let session = try SessionHarness(quizzes: [Fixtures.quiz(grading: method)])
    try session.answerAll(session.starter.start("check").runner, right: true)
    let summary = try #require(try session.answerAll(session.starter.start("check").runner, right: false))
    #expect(summary.passed == false)
    #expect(summary.percent == 0)
    #expect(summary.grading == method)
    #expect(summary.countingPercent == expected)
  }
}
