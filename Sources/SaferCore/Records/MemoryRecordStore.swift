import Foundation

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
