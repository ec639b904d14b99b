/// The result of one answer, once it is safely on disk.
public struct AnswerOutcome: Sendable {
  public var grade: Grade
  /// Set when this answer ended the lesson or quiz.
  public var summary: Summary?
}
