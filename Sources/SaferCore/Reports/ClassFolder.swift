import Foundation

/// A class as a data folder: every student with a record in `DATA/users/`, read one at a
/// time through `FileRecordStore` (journal replayed, nothing locked or written).
public struct ClassFolder {
  public let store: FileRecordStore

  public init(dataFolder: String) {
    store = FileRecordStore(dataFolder: dataFolder)
  }

  /// Every student with a snapshot or only a journal (a shell that was killed before its
  /// first compaction), sorted.
  public func students() -> [String] {
    Array(Set(store.knownUsers()).union(store.studentsWithJournals())).sorted()
  }

  /// The class report on `quiz` (`nil`: the only quiz taken, or an overview). A record
  /// that cannot be read is listed in the report's `unreadable`, not fatal.
  public func report(quiz: String?, rule: AttemptRule, now: Date) throws(ReportError) -> ClassReport {
    let names = students()
    guard !names.isEmpty else { throw .noRecords(dataFolder: store.dataFolder) }
    var builder = ClassReportBuilder(quiz: quiz, rule: rule)
    for name in names {
      do {
        builder.add(try store.read(displayName: name))
      } catch {
        builder.addUnreadable(user: name, reason: error.description)
      }
    }
    return try builder.build(now: now)
  }
}
