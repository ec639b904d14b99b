import Foundation
import Testing

@testable import SaferCore

@Suite("Progress report")
struct ProgressReportTests {
  /// `tiny` finished at 100% then restarted (one answer), `other` never opened, quiz
  /// `check` (average grading, pass mark 60) taken twice: 100% then 0%.
  static func report() throws -> (ProgressReport, SessionHarness) {
    let session = try SessionHarness(
      lessons: [Fixtures.runnerLesson(), Fixtures.runnerLesson(id: "other")], quizzes: [Fixtures.quiz(grading: .average)])
    try session.answerAll(session.starter.start("tiny").runner, right: true)
    try session.answerAll(session.starter.start("check").runner, right: true)
    try session.answerAll(session.starter.start("check").runner, right: false)
    session.clock.advance(100)
    _ = try session.starter.start("tiny").runner.answer("b")
    return (ProgressReport(record: session.record, library: session.library), session)
  }

  @Test func statusesOfLessonsAndQuizzes() throws {
    let (report, session) = try Self.report()
    #expect(report.user == UserID.make(from: "Ana"))
    #expect(report.displayName == "Ana")
    #expect(report.items.map(\.id) == ["tiny", "other", "check"])
    #expect(report.items.map(\.status) == [.inProgress, .new, .completed])
    #expect(report.items.map(\.kind) == [.lesson, .lesson, .quiz])
    #expect(report.totalAnswers == 10)
    #expect(report.resumeID == "tiny")

    let tiny = report.items[0]
    #expect(tiny.attempts == 2)
    #expect(tiny.completedAttempts == 1)
    #expect(tiny.bestPercent == 100)
    #expect(tiny.answered == 1)
    #expect(tiny.questionCount == 3)
    #expect(tiny.countingPercent == nil)
    #expect(tiny.passed == nil)
    #expect(tiny.lastActivity == session.clock.now())

    let other = report.items[1]
    #expect(other.attempts == 0)
    #expect(other.bestPercent == nil)
    #expect(other.answered == nil)
    #expect(other.lastActivity == nil)
  }

  @Test func quizCountsUnderItsGradingMethod() throws {
    let (report, _) = try Self.report()
    let quiz = try #require(report.items.last)
    #expect(quiz.completedAttempts == 2)
    #expect(quiz.bestPercent == 100)
    #expect(quiz.countingPercent == 50)
    #expect(quiz.grading == "average")
    #expect(quiz.passed == false)
    #expect(quiz.attemptsAllowed == nil)
    #expect(quiz.questionCount == 3)
  }

  @Test func masteryPerTopicFromTheLatestAnswers() throws {
    let (report, _) = try Self.report()
    // Latest: longest right (lesson, restarted), reuse and word wrong (second quiz).
    #expect(report.topics.count == 1)
    let topic = try #require(report.topics.first)
    #expect(topic.topic == "passwords")
    #expect(topic.questionsAnswered == 3)
    #expect(topic.questionsRight == 1)
    #expect(topic.mastery == 33.3)
  }

  @Test func percentagesAreRoundedToOneDecimal() throws {
    var record = UserRecord(id: "ana", displayName: "Ana", now: Fixtures.start)
    var attempt = Attempt(
      id: "a1", kind: .lesson, contentID: "tiny", contentVersion: "v", title: "T", topic: "passwords",
      started: Fixtures.start)
    attempt.status = .completed
    attempt.score = 2
    attempt.maxScore = 3
    record.attempts = [attempt]
    let report = ProgressReport(record: record, library: LessonLibrary(lessons: [Fixtures.runnerLesson()]))
    #expect(report.items.first?.bestPercent == 66.7)
    #expect(report.items.first?.status == .completed)
    #expect(report.items.first?.lastActivity == Fixtures.start)
    #expect(report.resumeID == nil)
  }

  @Test func abandonedOnlyIsNewAgainAndUnloadedWorkIsKept() throws {
    var record = Fixtures.sampleRecord()
    record.attempts[1].status = .abandoned
    record.resume = nil
    // `check` (the quiz of the sample record) is not loaded: its attempts still show.
    let report = ProgressReport(record: record, library: LessonLibrary(lessons: [Fixtures.runnerLesson(id: "other")]))
    #expect(report.items.map(\.id) == ["other", "tiny", "check"])
    #expect(report.items.map(\.status) == [.new, .completed, .new])
    let gone = try #require(report.items.last)
    #expect(gone.title == "Check")
    #expect(gone.kind == .quiz)
    #expect(gone.attempts == 1)
    #expect(gone.questionCount == 2)
    #expect(report.items[1].bestPercent == 50)
  }

  @Test func reportEncodesAsJSON() throws {
    let (report, _) = try Self.report()
    let data = try JSONEncoder().encode(report)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let items = try #require(object["items"] as? [[String: Any]])
    #expect(items.map { $0["status"] as? String } == ["in-progress", "new", "completed"])
    #expect(items.last?["kind"] as? String == "quiz")
  }
}
