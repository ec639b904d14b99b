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
}

extension RecordStore {
  public func hasRecord(displayName: String) -> Bool {
    let canonical = UserID.canonical(displayName)
    return knownUsers().contains { UserID.canonical($0) == canonical }
  }
}

/// A record held open by one shell.
public protocol RecordHandle: AnyObject {
  var record: UserRecord { get }
  /// Things the student should be told once, e.g. a corrupt file moved aside.
  var notices: [String] { get }
  var isReadOnly: Bool { get }
  /// Where the record is kept, to tell the student.
  var location: String { get }
  /// Applies `change` and saves. Only when the save succeeded does `record` show the change:
  /// an answer is on disk before the shell says it was accepted.
  func update(_ change: (inout UserRecord) -> Void) throws(RecordError)
  /// Folds the journal into the snapshot now (it also happens on `close`).
  func compact() throws(RecordError)
  /// Saves what is pending and releases the lock.
  func close()
}

/// Records in memory, for tests.
public final class MemoryRecordStore: RecordStore {
  public private(set) var records: [String: UserRecord] = [:]
  private var open: Set<String> = []

  public init() {}

  public func open(displayName: String, now: Date) throws(RecordError) -> any RecordHandle {
    if let problem = UserID.problem(with: displayName) { throw .unusableName(problem) }
    guard let id = UserID.make(from: displayName) else { throw .unusableName(.nothingUsable) }
    guard !open.contains(id) else { throw .inUse(user: displayName, byProcess: nil) }
    open.insert(id)
    let record = records[id] ?? UserRecord(id: id, displayName: displayName, now: now)
    return Handle(store: self, record: record)
  }

  public func read(displayName: String) throws(RecordError) -> UserRecord {
    guard let id = UserID.make(from: displayName), let record = records[id] else { throw .noSuchUser(displayName) }
    return record
  }

  public func knownUsers() -> [String] { records.values.map(\.profile.displayName).sorted() }

  final class Handle: RecordHandle {
    let store: MemoryRecordStore
    var record: UserRecord
    let notices: [String] = []
    let isReadOnly = false
    var location: String { "memory" }

    init(store: MemoryRecordStore, record: UserRecord) {
      self.store = store
      self.record = record
    }

    func update(_ change: (inout UserRecord) -> Void) throws(RecordError) {
      change(&record)
      store.records[record.profile.id] = record
    }

    func compact() {}

    func close() { store.open.remove(record.profile.id) }
  }
}
