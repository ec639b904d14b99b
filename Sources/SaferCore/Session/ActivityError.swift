/// Why a lesson or quiz cannot be started or continued, written for the student.
public enum ActivityError: Error, Hashable, Sendable, CustomStringConvertible {
  case noSuchLesson(String, suggestion: String?)
  case noAttemptsLeft(quiz: String, allowed: Int)
  case nothingToResume
  /// The lesson or quiz of an unfinished attempt is no longer loaded.
  case contentGone(String)
  case record(RecordError)
  /// A quiz option on the command line that cannot be used.
  case badOption(String)
  /// 14-18 content for a student in the 10-13 band.
  case notForThisAge(title: String)

  public var description: String {
    switch self {
    case .noSuchLesson(let id, let suggestion):
      "There is no lesson or quiz called “\(id)”."
        + (suggestion.map { " Did you mean “\($0)”?" } ?? " Type `lessons` to see them all.")
    case .noAttemptsLeft(let quiz, let allowed):
      "You have used all \(allowed) attempts at “\(quiz)”. Type `progress` to see your results."
    case .nothingToResume:
      "Nothing to resume: you have no unfinished lesson. Type `lessons` to pick one."
    case .contentGone(let id):
      "“\(id)” is not among the loaded lessons any more, so it cannot be continued."
    case .record(let error):
      error.description
    case .badOption(let message):
      message
    case .notForThisAge(let title):
      "“\(title)” is for ages 14-18. Type `lessons` to see yours."
    }
  }
}
