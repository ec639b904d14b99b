import Foundation

/// Where student records live: files in production, memory in tests.
public protocol RecordStore: AnyObject {
  /// Opens (or creates) the record of `displayName` for exclusive use by this shell.
  func open(displayName: String, now: Date) throws(RecordError) -> any RecordHandle
  /// Reads a record without taking it over, e.g. for `safer progress`.
  func read(displayName: String) throws(RecordError) -> UserRecord
  /// Display names of the students with a record, sorted.
  func knownUsers() -> [String]
  /// Whether `displayName` has a record, without reading it.
  func hasRecord(displayName: String) -> Bool
  /// The student whose name looks the same as `displayName` but is another (see
  /// `UserID.lookAlike`), if any.
  func lookAlike(of displayName: String) -> String?
}

extension RecordStore {
  public func lookAlike(of displayName: String) -> String? {
    knownUsers().first { UserID.lookAlike(displayName, $0) }
  }

  public func hasRecord(displayName: String) -> Bool {
    let canonical = UserID.canonical(displayName)
    return knownUsers().contains { UserID.canonical($0) == canonical }
  }
}
