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
    // Live class sessions hosted from this folder: each student's answers as an attempt,
    // added to their record here (or standing for one, for a student without a record).
    let live = ClassResultsFolder(dataFolder: store.dataFolder).load()
    var liveRecords: [String: UserRecord] = [:]
    for results in live.results {
      for record in results.records() {
        let key = UserID.canonical(record.profile.displayName)
        if var known = liveRecords[key] {
          known.attempts += record.attempts
          liveRecords[key] = known
        } else {
          liveRecords[key] = record
        }
      }
    }
    guard !names.isEmpty || !roster.students.isEmpty || !liveRecords.isEmpty else {
      throw .noRecords(dataFolder: store.dataFolder)
    }
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
        builder.add(Self.adding(liveRecords.removeValue(forKey: UserID.canonical(name)), to: record))
      } catch {
        builder.addUnreadable(user: name, reason: error.description)
      }
    }
    for record in liveRecords.values.sorted(by: { $0.profile.displayName < $1.profile.displayName }) {
      builder.add(record)
    }
    for (file, reason) in live.unreadable { builder.addUnreadable(user: file, reason: reason) }
    var report = try builder.build(now: now)
    let withRecords = Set((names + live.results.flatMap { $0.students.map(\.name) }).map(UserID.canonical))
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

  /// `record` with the live class attempts it does not hold already (a student whose own
  /// record is in this folder holds them when they joined from it).
  static func adding(_ live: UserRecord?, to record: UserRecord) -> UserRecord {
    guard let live else { return record }
    var merged = record
    let held = Set(record.attempts.map(\.id))
    merged.attempts += live.attempts.filter { !held.contains($0.id) }
    return merged
  }
}
