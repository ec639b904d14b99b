import Foundation

/// Records as files under `DATA/users/`: a snapshot `<id>.json` and a journal `<id>.jsonl`.
///
/// Every save appends one entry to the journal and fsyncs it; the snapshot is rewritten
/// from the whole record (temporary file, fsync, rename) when the shell closes the record,
/// when the journal grows past `compactionThreshold`, or on `safer records compact`. A
/// snapshot names the last journal entry it includes (`journalSeq`), so a crash between
/// writing it and removing the journal never applies an entry twice. A shell holds an
/// advisory lock (`<id>.lock`) while it has the record open.
public final class FileRecordStore: RecordStore {
  public let dataFolder: String
  public var usersFolder: String { DataFolder(dataFolder).users }
  /// Journal size past which a save also compacts.
  public var compactionThreshold = 256 * 1024

  public init(dataFolder: String) {
    self.dataFolder = dataFolder
  }

  /// The snapshot's path for a record id.
  public func recordPath(id: String) -> String { usersFolder + "/\(id).json" }

  public func open(displayName: String, now: Date) throws(RecordError) -> any RecordHandle {
    if let problem = UserID.problem(with: displayName) { throw .unusableName(problem) }
    guard let id = UserID.make(from: displayName) else { throw .unusableName(.nothingUsable) }
    let name = displayName.trimmingCharacters(in: .whitespaces)
    let folder = try UsersFolder.open(dataFolder: dataFolder)
    let lock = try FileLock.acquire(in: folder, id: id, user: name)
    do {
      migrateLegacyRecord(of: name, to: id, in: folder)
      removeLeftoverTemporaries(of: id, in: folder)
      let loaded = try RecordLoader(folder: folder, id: id, displayName: name, now: now).load(repairing: true)
      let handle = FileRecordHandle(folder: folder, id: id, loaded: loaded, lock: lock)
      handle.compactionThreshold = compactionThreshold
      try handle.finishOpening()
      return handle
    } catch {
      lock.release()
      throw error
    }
  }

  /// Deletes a student's record for good: snapshot, journal and the copies kept aside
  /// (`<id>.corrupt-…`, `<id>.invalid-…`, …), under the record's lock so no shell writes
  /// it meanwhile. For a student's or parent's request (`safer records delete`).
  public func delete(displayName: String) throws(RecordError) {
    if let problem = UserID.problem(with: displayName) { throw .unusableName(problem) }
    guard let id = UserID.make(from: displayName), let folder = UsersFolder.existing(dataFolder: dataFolder),
      folder.entry(id + ".json").isPresent || folder.entry(id + ".jsonl").isPresent
    else { throw .noSuchUser(displayName) }
    let lock = try FileLock.acquire(in: folder, id: id, user: displayName)
    defer { lock.release() }
    for name in folder.names() where name == id + ".json" || name == id + ".jsonl" || name.hasPrefix(id + ".") {
      if name == id + ".lock" { continue }
      _ = folder.remove(name)
    }
    folder.sync()
  }

  public func read(displayName: String) throws(RecordError) -> UserRecord {
    if let problem = UserID.problem(with: displayName) { throw .unusableName(problem) }
    guard let id = UserID.make(from: displayName), let folder = UsersFolder.existing(dataFolder: dataFolder) else {
      throw .noSuchUser(displayName)
    }
    let name = displayName.trimmingCharacters(in: .whitespaces)
    var loader = RecordLoader(folder: folder, id: id, displayName: name, now: Date())
    if !folder.entry(id + ".json").isPresent && !folder.entry(id + ".jsonl").isPresent {
      guard let legacy = legacyRecord(of: name, in: folder) else { throw .noSuchUser(displayName) }
      loader = RecordLoader(folder: folder, id: legacy, displayName: name, now: Date())
    }
    return try loader.load(repairing: false).record
  }

  /// Whether `displayName` has a snapshot or a journal (one `fstatat` each, no reading).
  public func hasRecord(displayName: String) -> Bool {
    guard UserID.problem(with: displayName) == nil, let id = UserID.make(from: displayName),
      let folder = UsersFolder.existing(dataFolder: dataFolder)
    else { return false }
    return folder.entry(id + ".json").isPresent || folder.entry(id + ".jsonl").isPresent
  }

  /// By file name first (ids keep a name's letters), so a new student started from a
  /// script does not read every record; only a file whose name looks alike is opened.
  public func lookAlike(of displayName: String) -> String? {
    guard let id = UserID.make(from: displayName), let key = UserID.lookAlikeKey(ofID: id),
      let folder = UsersFolder.existing(dataFolder: dataFolder)
    else { return nil }
    for file in folder.names() where file.hasSuffix(".json") || file.hasSuffix(".jsonl") {
      let other = String(file.prefix { $0 != "." })
      guard other != id, UserID.isValid(other), UserID.lookAlikeKey(ofID: other) == key, let data = try? folder.read(file)
      else { continue }
      let name = file.hasSuffix(".json") ? RecordLoader.displayName(in: data) : RecordLoader.displayName(inJournal: data)
      if let name, UserID.lookAlike(displayName, name) { return name }
    }
    return nil
  }

  /// Display names of the students with a record, sorted: a snapshot, or only a journal (a
  /// new student whose shell has not closed yet, or was killed).
  public func knownUsers() -> [String] {
    guard let folder = UsersFolder.existing(dataFolder: dataFolder) else { return [] }
    let files = folder.names()
    var names: [String] = []
    for file in files where file.hasSuffix(".json") {
      let id = String(file.dropLast(5))
      guard UserID.isValid(id) || UserID.legacy(from: id) == id, let data = try? folder.read(file) else { continue }
      if let name = RecordLoader.displayName(in: data) { names.append(name) }
    }
    let snapshots = Set(files)
    for file in files where file.hasSuffix(".jsonl") && !snapshots.contains(String(file.dropLast())) {
      guard UserID.isValid(String(file.dropLast(6))), let journal = try? folder.read(file) else { continue }
      if let name = RecordLoader.displayName(inJournal: journal) { names.append(name) }
    }
    return names.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
  }

  /// Display names of the students whose journal holds entries not yet in their snapshot
  /// (or who have only a journal), for `safer records compact`.
  public func studentsWithJournals() -> [String] {
    guard let folder = UsersFolder.existing(dataFolder: dataFolder) else { return [] }
    var names: [String] = []
    for file in folder.names() where file.hasSuffix(".jsonl") {
      let id = String(file.dropLast(6))
      guard UserID.isValid(id) else { continue }
      if let data = try? folder.read(id + ".json"), let name = RecordLoader.displayName(in: data) {
        names.append(name)
      } else if let journal = try? folder.read(file), let name = RecordLoader.displayName(inJournal: journal) {
        names.append(name)
      }
    }
    return names.sorted()
  }

  // MARK: - Migration from record schema 1

  /// The schema 1 record file of `name`, if one exists and holds that very name.
  private func legacyRecord(of name: String, in folder: UsersFolder) -> String? {
    guard let legacy = UserID.legacy(from: name), case .file = folder.entry(legacy + ".json"),
      let data = try? folder.read(legacy + ".json"), let stored = RecordLoader.displayName(in: data),
      UserID.canonical(stored) == UserID.canonical(name)
    else { return nil }
    return legacy
  }

  /// Renames a schema 1 record (and its history) to the new id. Schema 1 ids folded
  /// different names together (`Ana B`, `ana.b`); the record moves only to the student
  /// whose name it holds.
  @discardableResult
  private func migrateLegacyRecord(of name: String, to id: String, in folder: UsersFolder) -> Bool {
    guard !folder.entry(id + ".json").isPresent, !folder.entry(id + ".jsonl").isPresent,
      let legacy = legacyRecord(of: name, in: folder), legacy != id
    else { return false }
    guard folder.rename(legacy + ".json", to: id + ".json") == 0 else { return false }
    folder.sync()
    let history = DataFolder(dataFolder).history + "/"
    if FileManager.default.fileExists(atPath: history + legacy + ".history"),
      !FileManager.default.fileExists(atPath: history + id + ".history")
    {
      rename(history + legacy + ".history", history + id + ".history")
    }
    return true
  }

  /// Temporary files a killed save left behind.
  private func removeLeftoverTemporaries(of id: String, in folder: UsersFolder) {
    for file in folder.names() where file.hasPrefix(id + ".json.tmp-") { folder.remove(file) }
  }
}
