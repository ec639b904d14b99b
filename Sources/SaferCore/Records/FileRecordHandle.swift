import Foundation

/// A record held open by one shell: every change is a journal entry, fsync'd before
/// `update` returns; the snapshot is rewritten on `close`, past a journal size, or on
/// `compact`.
final class FileRecordHandle: RecordHandle {
  let folder: UsersFolder
  let id: String
  private(set) var record: UserRecord
  let notices: [String]
  let readOnlyVersion: Int?
  var isReadOnly: Bool { readOnlyVersion != nil }
  var location: String { folder.fullPath(id + ".json") }
  var compactionThreshold = 256 * 1024
  private let lock: FileLock
  private let serializer = RecordSerializer()
  private let journal: JournalFile
  private let entryEncoder = RecordSerializer.makeEncoder()
  /// The last journal entry written or replayed.
  private var seq: Int
  /// Entries since the last snapshot.
  private var pendingEntries: Int
  private var needsCompaction: Bool
  private var journalToRetire: Bool

  init(folder: UsersFolder, id: String, loaded: RecordLoader.Loaded, lock: FileLock) {
    self.folder = folder
    self.id = id
    self.record = loaded.record
    self.notices = loaded.notices
    self.readOnlyVersion = loaded.readOnlyVersion
    self.lock = lock
    self.journal = JournalFile(folder: folder, name: id + ".jsonl")
    self.seq = loaded.lastSeq
    self.pendingEntries = loaded.journalSize > 0 ? 1 : 0
    self.needsCompaction = loaded.needsCompaction
    self.journalToRetire = loaded.journalToRetire
    for (attempt, line) in loaded.lines { serializer.remember(attempt, line: line) }
  }

  /// Writes the repaired snapshot a damaged or stale journal calls for.
  func finishOpening() throws(RecordError) {
    guard needsCompaction, !isReadOnly else { return }
    try compact()
  }

  func update(_ change: (inout UserRecord) -> Void) throws(RecordError) {
    if let readOnlyVersion { throw .readOnly(schemaVersion: readOnlyVersion) }
    var copy = record
    change(&copy)
    guard let entry = JournalEntry.change(from: record, to: copy, seq: seq + 1) else {
      try compact(writing: copy)
      return
    }
    if entry.isEmpty {
      record = copy
      return
    }
    var line: Data
    do { line = try entryEncoder.encode(entry) } catch { throw .saveFailed(path: location, reason: "\(error)") }
    line.append(0x0A)
    try journal.append(line)
    seq += 1
    pendingEntries += 1
    record = copy
    if journal.size > compactionThreshold { try? compact() }
  }

  /// Rewrites the snapshot from `newRecord` (or the record as it is) and removes the
  /// journal whose entries it now holds.
  func compact() throws(RecordError) { try compact(writing: nil) }

  private func compact(writing newRecord: UserRecord?) throws(RecordError) {
    if let readOnlyVersion { throw .readOnly(schemaVersion: readOnlyVersion) }
    let target = newRecord ?? record
    // A whole-record change (no journal entry) still gets a number, so a journal left by
    // a crash before the removal below is recognised as already included.
    let snapshotSeq = newRecord == nil ? seq : seq + 1
    let data: Data
    do { data = try serializer.encode(target, journalSeq: snapshotSeq) } catch {
      throw .saveFailed(path: location, reason: "\(error)")
    }
    try folder.replace(id + ".json", with: data)
    seq = snapshotSeq
    record = target
    journal.remove()
    pendingEntries = 0
    needsCompaction = false
    journalToRetire = false
  }

  func close() {
    if pendingEntries > 0 && !isReadOnly { try? compact() }
    lock.release()
  }

  deinit { lock.release() }
}
