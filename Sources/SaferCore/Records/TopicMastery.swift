import Foundation

/// How well a student knows a topic: the latest answer to each question counts.
public struct TopicMastery: Codable, Hashable, Sendable {
  /// The latest result for one question.
  public struct Latest: Codable, Hashable, Sendable {
    public var points: Double
    public var maxPoints: Double
    public var correct: Bool
  }

  /// Distinct questions of the topic answered at least once.
  public var questionsAnswered: Int
  /// Of those, answered right the latest time.
  public var questionsRight: Int
  /// Latest points ÷ points available over those questions, 0…1.
  public var level: Double
  /// Keyed by `lesson/question`.
  public var latest: [String: Latest]

  public init() {
    questionsAnswered = 0
    questionsRight = 0
    level = 0
    latest = [:]
  }

  /// Takes an answer into account, replacing any earlier one to the same question.
  public mutating func record(questionKey: String, points: Double, maxPoints: Double, correct: Bool) {
    latest[questionKey] = Latest(points: points, maxPoints: maxPoints, correct: correct)
    recount()
  }

  /// Recomputes the totals from `latest` (after a journal entry replaced some of it).
  mutating func recount() {
    questionsAnswered = latest.count
    questionsRight = latest.values.filter(\.correct).count
    let earned = latest.values.reduce(0) { $0 + $1.points }
    let available = latest.values.reduce(0) { $0 + $1.maxPoints }
    level = available > 0 ? earned / available : 0
  }
}
