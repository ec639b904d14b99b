/// The end-of-lesson or end-of-quiz summary.
public struct Summary: Sendable {
  public struct Missed: Sendable {
    public var prompt: String
    public var response: String
    public var rightAnswer: String
    public var why: String?
  }

  public var title: String
  public var score: Double
  public var maxScore: Double
  public var seconds: Double
  public var missed: [Missed]
  /// Quizzes only.
  public var passed: Bool?
  public var passMark: Double?
  /// Quizzes with several attempts: the grade that counts, and how it is chosen.
  public var countingPercent: Double?
  public var grading: Quiz.Grading?
  /// Quizzes: lessons to go back to, from the questions missed.
  public var lessonsToRevisit: [Revisit] = []

  public struct Revisit: Sendable, Hashable {
    public var lessonID: String
    public var missed: Int
  }

  public var percent: Double { maxScore > 0 ? score / maxScore * 100 : 0 }
}
