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
