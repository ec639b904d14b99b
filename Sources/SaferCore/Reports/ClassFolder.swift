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
  public func students() -> [String] { store.knownUsers() }

  /// The class report on `quiz` (`nil`: the only quiz taken, or an overview). A record
  /// that cannot be read is listed in the report's `unreadable`, not fatal.
  public func report(quiz: String?, rule: AttemptRule, now: Date) throws(ReportError) -> ClassReport {
    let names = students()
    let roster = (try? Roster.load(dataFolder: store.dataFolder)) ?? Roster()
    guard !names.isEmpty || !roster.students.isEmpty else { throw .noRecords(dataFolder: store.dataFolder) }
    let assignments = ((try? AssignmentList.load(dataFolder: store.dataFolder)) ?? AssignmentList()).assignments
    var done: [String: Set<String>] = [:]
    var builder = ClassReportBuilder(quiz: quiz, rule: rule)
    for name in names {
      do {
        let record = try store.read(displayName: name)
        for assignment in assignments {
          for id in assignment.contentIDs where Assignment.isDone(id, in: record) {
            done[id, default: []].insert(UserID.canonical(record.profile.displayName))
          }
        }
        builder.add(record)
      } catch {
        builder.addUnreadable(user: name, reason: error.description)
      }
    }
    var report = try builder.build(now: now)
    let withRecords = Set(names.map(UserID.canonical))
    report.notStarted = roster.students.filter { !withRecords.contains(UserID.canonical($0)) }
    // Everyone the teacher expects: the roster, and anyone else with a record.
    var everyone: [String: String] = [:]
    for name in roster.students + names { everyone[UserID.canonical(name)] = everyone[UserID.canonical(name)] ?? name }
    for assignment in assignments.sorted(by: { $0.due < $1.due }) {
      for id in assignment.contentIDs {
        let finished = done[id] ?? []
        let missing = everyone.filter { !finished.contains($0.key) }.values.sorted {
          $0.localizedStandardCompare($1) == .orderedAscending
        }
        report.assignments.append(
          ClassReport.AssignmentProgress(contentID: id, due: assignment.due, done: finished.count, missing: missing))
      }
    }
    return report
  }
}
