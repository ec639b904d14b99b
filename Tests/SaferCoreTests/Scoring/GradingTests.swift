import Foundation
import Testing

@testable import SaferCore

@Suite("Which quiz attempt counts")
struct GradingTests {
  static func attempt(_ percent: Double, _ status: Attempt.Status = .completed) -> Attempt {
    var attempt = Attempt(
      id: UUID().uuidString, kind: .quiz, contentID: "check", contentVersion: "v", title: "Check", topic: nil,
      started: Fixtures.start)
    attempt.status = status
    attempt.score = percent / 10
    attempt.maxScore = 10
    return attempt
  }

  /// Finished 50, 100, 75, with an abandoned and an unfinished attempt that never count.
  static let history = [
    attempt(50), attempt(0, .abandoned), attempt(100), attempt(75), attempt(90, .inProgress),
  ]

  @Test(arguments: [
    (Quiz.Grading.highest, 100.0), (.average, 75.0), (.first, 50.0), (.last, 75.0),
  ])
  func countingPercent(_ method: Quiz.Grading, _ expected: Double) {
    #expect(Grading.countingPercent(of: Self.history, method: method) == expected)
  }

  @Test(arguments: Quiz.Grading.allCases)
  func noFinishedAttemptCountsNothing(_ method: Quiz.Grading) {
    #expect(Grading.countingPercent(of: [], method: method) == nil)
    #expect(Grading.countingPercent(of: [Self.attempt(80, .inProgress), Self.attempt(60, .abandoned)], method: method) == nil)
  }

  @Test func percentOfAnAttemptWithNothingAnsweredIsZero() {
    var attempt = Self.attempt(0)
    attempt.maxScore = 0
    #expect(attempt.percent == 0)
    #expect(Self.attempt(62.5).percent == 62.5)
  }

  @Test func masteryKeepsTheLatestAnswerPerQuestion() {
    var mastery = TopicMastery()
    mastery.record(questionKey: "tiny/a", points: 0, maxPoints: 1, correct: false)
    mastery.record(questionKey: "tiny/b", points: 2, maxPoints: 2, correct: true)
    #expect(mastery.questionsAnswered == 2)
    #expect(mastery.questionsRight == 1)
    #expect(abs(mastery.level - 2.0 / 3.0) < 1e-12)
    mastery.record(questionKey: "tiny/a", points: 0.75, maxPoints: 1, correct: true)
    #expect(mastery.questionsAnswered == 2)
    #expect(mastery.questionsRight == 2)
    #expect(abs(mastery.level - 2.75 / 3.0) < 1e-12)
    mastery.record(questionKey: "tiny/b", points: 0, maxPoints: 2, correct: false)
    #expect(mastery.questionsRight == 1)
    #expect(abs(mastery.level - 0.75 / 3.0) < 1e-12)
  }
}
