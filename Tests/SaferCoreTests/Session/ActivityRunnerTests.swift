import Foundation
import Testing

@testable import SaferCore

@Suite("Running a lesson")
struct ActivityRunnerTests {
  @Test func lessonEndToEnd() throws {
    let session = try SessionHarness()
    let start = try session.starter.start("tiny")
    guard case .began(let runner) = start else {
      Issue.record("a first start begins an attempt")
      return
    }
    #expect(runner.contentID == "tiny")
    #expect(runner.title == "Tiny tiny")
    let first = try #require(runner.present())
    #expect(first.explanations == ["Length matters most."])
    #expect(first.question?.id == "longest")
    #expect(first.number == 1)
    #expect(first.total == 3)
    #expect(first.timeLimit == nil)

    session.clock.advance(5)
    let one = try runner.answer("B")
    #expect(one.grade.isCorrect)
    #expect(one.summary == nil)
    let second = try #require(runner.present())
    #expect(second.explanations.isEmpty)
    #expect(second.question?.id == "reuse")
    #expect(second.number == 2)

    session.clock.advance(3)
    #expect(try !runner.answer("yes").grade.isCorrect)
    session.clock.advance(4)
    let last = try runner.answer("Pass phrase")
    #expect(last.grade.isCorrect)
    let summary = try #require(last.summary)
    #expect(summary.title == "Tiny tiny")
    #expect(summary.score == 2)
    #expect(summary.maxScore == 3)
    #expect(summary.seconds == 12)
    #expect(summary.passed == nil)
    #expect(summary.missed.count == 1)
    let missed = try #require(summary.missed.first)
    #expect(missed.prompt == "Prompt of reuse?")
    #expect(missed.response == "true")
    #expect(missed.rightAnswer == "false")
    #expect(missed.why == "Explanation of reuse.")

    let attempt = try #require(runner.attempt)
    #expect(attempt.status == .completed)
    #expect(attempt.finished == Fixtures.start.addingTimeInterval(12))
    #expect(attempt.contentVersion == "v1")
    #expect(attempt.answers.map(\.questionID) == ["longest", "reuse", "word"])
    #expect(attempt.answers.map(\.response) == ["b", "true", "Pass phrase"])
    #expect(attempt.answers.map(\.correct) == [true, false, true])
    #expect(attempt.answers.map(\.seconds) == [5, 3, 4])
    #expect(attempt.answers.allSatisfy { $0.topic == "passwords" && !$0.skipped && !$0.timedOut })
    #expect(runner.isFinished)
    #expect(runner.present() == nil)
    #expect(session.record.resume == nil)
    #expect(session.record.mastery["passwords"]?.questionsAnswered == 3)
    #expect(session.record.mastery["passwords"]?.questionsRight == 2)
    #expect(session.record.mastery["passwords"]?.latest["tiny/reuse"]?.correct == false)
    #expect(throws: AnswerError.noOpenQuestion) { try runner.answer("b") }
  }

  @Test func everyAnswerIsSavedAndResumable() throws {
    let session = try SessionHarness()
    let runner = try session.starter.start("tiny").runner
    _ = try runner.answer("b")
    #expect(session.store.records[UserID.make(from: "Ana") ?? ""]?.attempts.first?.answers.count == 1)
    #expect(session.store.records[UserID.make(from: "Ana") ?? ""]?.resume?.attemptID == runner.attemptID)
    #expect(session.record.attempts.first?.position == 2)
  }

  @Test func unusableResponseRecordsNothing() throws {
    let session = try SessionHarness()
    let runner = try session.starter.start("tiny").runner
    #expect(throws: AnswerError.response(.notAChoice("z", letters: "a, b"))) { try runner.answer("z") }
    #expect(throws: AnswerError.response(.empty)) { try runner.answer("  ") }
    #expect(runner.attempt?.answers.isEmpty == true)
    #expect(runner.present()?.question?.id == "longest")
  }

  @Test func hintsCostPointsAndAreRecorded() throws {
    let session = try SessionHarness()
    let runner = try session.starter.start("tiny").runner
    #expect(runner.nextHint() == "Count.")
    #expect(runner.nextHint() == "Longer.")
    #expect(runner.nextHint() == nil)
    #expect(runner.hintsShown == 2)
    let outcome = try runner.answer("b")
    #expect(outcome.grade.points == 0.5)
    #expect(runner.attempt?.answers.first?.hintsUsed == 2)
    #expect(runner.attempt?.answers.first?.points == 0.5)
    #expect(runner.hintsShown == 0)
    #expect(runner.nextHint() == nil, "the next question has no hints")
  }

  @Test func skipRecordsZeroPointsAndShowsInTheSummary() throws {
    let session = try SessionHarness()
    let runner = try session.starter.start("tiny").runner
    session.clock.advance(7)
    #expect(try runner.skip() == nil)
    let skipped = try #require(runner.attempt?.answers.first)
    #expect(skipped.skipped)
    #expect(skipped.points == 0)
    #expect(skipped.maxPoints == 1)
    #expect(!skipped.correct)
    #expect(skipped.response == "")
    #expect(skipped.seconds == 7)
    #expect(runner.present()?.question?.id == "reuse")
    let summary = try #require(try session.answerAll(runner, right: true))
    #expect(summary.score == 2)
    #expect(summary.missed.map(\.response) == ["(skipped)"])
    #expect(summary.missed.first?.rightAnswer == "b) purple tractor sings")
    #expect(summary.missed.first?.why == "why purple tractor sings")
    #expect(try runner.skip() == nil, "nothing left to skip")
  }

  @Test func failedSaveChangesNothing() throws {
    let session = try SessionHarness()
    let runner = try session.starter.start("tiny").runner
    _ = runner.nextHint()
    session.handle.failing = true
    #expect(throws: AnswerError.notSaved(.saveFailed(path: "memory", reason: "the disk is full"))) {
      try runner.answer("b")
    }
    #expect(runner.attempt?.answers.isEmpty == true)
    #expect(runner.present()?.question?.id == "longest")
    session.handle.failing = false
    let outcome = try runner.answer("b")
    #expect(outcome.grade.points == 0.75, "the hint seen before the failed save still counts")
  }

  @Test func anAnswerTheDiskRefusedIsSavedByRetryWithoutRetyping() throws {
    let session = try SessionHarness()
    let runner = try session.starter.start("tiny").runner
    session.clock.advance(4)
    session.handle.failing = true
    #expect(throws: AnswerError.self) { try runner.answer("b") }
    #expect(runner.hasUnsavedAnswer)
    session.clock.advance(60)
    #expect(throws: RecordError.self) { try runner.retryUnsaved() }
    #expect(runner.hasUnsavedAnswer, "still kept after a second failure")
    session.handle.failing = false
    let outcome = try #require(try runner.retryUnsaved())
    #expect(outcome.grade.isCorrect)
    #expect(!runner.hasUnsavedAnswer)
    let saved = try #require(runner.attempt?.answers.first)
    #expect(saved.response == "b" && saved.seconds == 4, "saved as answered, not as retried")
    #expect(runner.present()?.question?.id == "reuse")
    #expect(try runner.retryUnsaved() == nil)
  }

  // MARK: - Branching

  @Test func scenarioChoiceJumpsToItsNextStep() throws {
    let session = try SessionHarness(lessons: [Fixtures.branchingLesson()])
    let runner = try session.starter.start("branch").runner
    #expect(runner.present()?.question?.id == "photo")
    let choice = try runner.answer("b")
    #expect(choice.grade.choiceIndex == 1)
    let next = try #require(runner.present())
    #expect(next.question?.id == "wrap-up")
    #expect(next.number == 3)
    let end = try runner.answer("true")
    let summary = try #require(end.summary)
    #expect(summary.score == 2)
    #expect(runner.closingExplanations == ["Always tell an adult you trust."])
    #expect(runner.attempt?.answers.map(\.questionID) == ["photo", "wrap-up"])
    #expect(runner.attempt?.status == .completed)
  }

  @Test func otherChoiceTakesTheOtherBranchAndEndsThere() throws {
    let session = try SessionHarness(lessons: [Fixtures.branchingLesson()])
    let runner = try session.starter.start("branch").runner
    #expect(try !runner.answer("a").grade.isCorrect)
    #expect(runner.present()?.question?.id == "pressure")
    let end = try runner.answer("false")
    #expect(end.summary != nil, "`next: end` ends the lesson")
    #expect(runner.closingExplanations.isEmpty)
    #expect(runner.attempt?.answers.map(\.questionID) == ["photo", "pressure"])
    #expect(end.summary?.missed.map(\.prompt) == ["Prompt of photo?"])
  }

  @Test func lessonFlowSuccessors() {
    let flow = LessonFlow(lesson: Fixtures.branchingLesson())
    #expect(flow.successor(of: 0) == 1)
    #expect(flow.successor(of: 0, choice: 0) == 1)
    #expect(flow.successor(of: 0, choice: 1) == 2)
    #expect(flow.successor(of: 0, choice: 9) == 1)
    #expect(flow.successor(of: 1) == nil)
    #expect(flow.successor(of: 3) == nil)
    #expect(flow.reachableSteps() == [0, 1, 2, 3])
    #expect(flow.questionCount == 3)
    #expect(flow.questionNumber(at: 2) == 3)
  }
}
