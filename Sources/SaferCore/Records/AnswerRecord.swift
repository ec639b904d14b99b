import Foundation

/// One answer (or skip), exactly as given and as graded.
public struct AnswerRecord: Codable, Hashable, Sendable {
  /// Lessons: the question id. Quizzes: `lesson/question`.
  public var questionID: String
  public var topic: String?
  public var response: String
  public var correct: Bool
  public var points: Double
  public var maxPoints: Double
  public var seconds: Double
  public var hintsUsed: Int
  public var skipped: Bool
  public var timedOut: Bool
  public var at: Date
  /// An essay kept for the teacher to read and mark (absent otherwise).
  public var needsReview: Bool?

  public init(
    questionID: String, topic: String?, response: String, correct: Bool, points: Double, maxPoints: Double,
    seconds: Double, hintsUsed: Int, skipped: Bool = false, timedOut: Bool = false, at: Date
  ) {
    self.questionID = questionID
    self.topic = topic
    self.response = response
    self.correct = correct
    self.points = points
    self.maxPoints = maxPoints
    self.seconds = seconds
    self.hintsUsed = hintsUsed
    self.skipped = skipped
    self.timedOut = timedOut
    self.at = at
  }
}
