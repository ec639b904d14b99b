import Foundation

/// What the shell should show next in a lesson or quiz.
public struct Presentation: Sendable {
  /// Explanation texts that lead up to the question (markup, see `Markup`).
  public var explanations: [String]
  /// The question to answer; `nil` when the lesson ends with explanations only.
  public var question: Question?
  /// 1-based number of the question, and how many there are, for "3/12".
  public var number: Int
  public var total: Int
  public var timeLimit: Double?
  /// Quizzes with a time limit for the whole quiz: seconds left.
  public var remainingSeconds: Double?
  /// Timed quizzes, once the question has been shown: when it must be answered (its own
  /// limit, or the end of the quiz if sooner). Kept in the record.
  public var deadline: Date?
}

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

/// The result of one answer, once it is safely on disk.
public struct AnswerOutcome: Sendable {
  public var grade: Grade
  /// Set when this answer ended the lesson or quiz.
  public var summary: Summary?
}
