/// Why `safer report` could not make a report, written for the teacher who asked for it.
public enum ReportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The data folder holds no student record: the wrong folder, or nobody has started yet.
  case noRecords(dataFolder: String)
  /// `--quiz ID` names a quiz that no record holds an attempt at (often a typo).
  case unknownQuiz(String, available: [String])
  /// The HTML report could not be written where `--html` said.
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .noRecords(let folder):
      "No student records in \(folder)/users. Pass the class's data folder with --data DIR."
    case .unknownQuiz(let id, let available) where available.isEmpty:
      "Nobody in these records has taken the quiz “\(id)”; no quiz has been taken yet."
    case .unknownQuiz(let id, let available):
      "Nobody in these records has taken the quiz “\(id)”. Quizzes taken: \(available.joined(separator: ", "))."
    case .cannotWrite(let path, let reason):
      "Cannot write the report to \(path): \(reason)."
    }
  }
}
