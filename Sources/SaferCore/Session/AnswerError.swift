/// Why an answer was not taken, written for the student.
public enum AnswerError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No question is open (the lesson ended, or only explanations are left).
  case noOpenQuestion
  /// The answer cannot be understood (`z` for a three-choice question): nothing is saved,
  /// and the question waits.
  case response(ResponseProblem)
  /// The answer was graded but could not be saved (a full disk): it is kept in memory
  /// for `retry` (`ActivityRunner.retryUnsaved`).
  case notSaved(RecordError)

  public var description: String {
    switch self {
    case .noOpenQuestion: "There is no question to answer now. Type `lessons` to pick a lesson."
    case .response(let problem): problem.description
    case .notSaved(let error): error.description
    }
  }
}
