/// Why a student's record could not be opened or saved, written for the student or teacher.
public enum RecordError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The name cannot be a student's name (empty, too long, control characters, no letter).
  case unusableName(UserID.Problem)
  /// A record file for this id belongs to a differently spelled name (never shared).
  case nameClash(path: String)
  /// Something other than a record file sits where the record should be.
  case notARecord(path: String, what: String)
  /// Another shell has this student's record open (advisory lock held).
  case inUse(user: String, byProcess: String?)
  /// The record was written by a newer Safer Shell; it is kept read-only.
  case readOnly(schemaVersion: Int)
  /// The data folder cannot be created or written.
  case dataFolder(path: String, reason: String)
  /// Saving failed; the previous record on disk is untouched.
  case saveFailed(path: String, reason: String)
  /// Reading failed for a reason other than a corrupt file.
  case unreadable(path: String, reason: String)
  /// `safer progress` for a student with no record.
  case noSuchUser(String)

  public var description: String {
    switch self {
    case .unusableName(let problem):
      "That name cannot be used. \(problem)"
    case .nameClash(let path):
      "The record \(path) belongs to someone whose name is spelled differently; it was left alone. Add a letter or an initial to your name."
    case .notARecord(let path, let what):
      "\(path) is \(what), not a record; Safer Shell will not read or write through it."
    case .inUse(let user, let process):
      "\(user) already has Safer Shell open\(process.map { " (process \($0))" } ?? ""). Close that one first; two shells for one student would overwrite each other's answers."
    case .readOnly(let version):
      "This record was written by a newer Safer Shell (record schema \(version)); it is open read-only and nothing will be saved. Update Safer Shell to continue."
    case .dataFolder(let path, let reason):
      "Cannot use the data folder \(path): \(reason)."
    case .saveFailed(let path, let reason):
      "Could not save to \(path): \(reason). Your earlier progress is safe; this answer was not recorded."
    case .unreadable(let path, let reason):
      "Cannot read \(path): \(reason)."
    case .noSuchUser(let name):
      "No record for “\(name)” yet."
    }
  }
}
