import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Records as JSON files under `DATA/users/`, one per student.
///
/// Saves write a temporary file, fsync it, rename it over the record and fsync the folder,
/// so a crash leaves either the old record or the new one, never half of one. A shell holds
/// an advisory lock (`<id>.lock`) for as long as it has the record open; a second shell for
/// the same student is refused.
public final class FileRecordStore: RecordStore {
  public let dataFolder: String
  public var usersFolder: String { dataFolder + "/users" }

  public init(dataFolder: String) {
    self.dataFolder = dataFolder
  }

  public func recordPath(id: String) -> String { usersFolder + "/\(id).json" }

  public func open(displayName: String, now: Date) throws(RecordError) -> any RecordHandle {
    guard let id = UserID.make(from: displayName) else { throw .unusableName(displayName) }
    try DurableFile.makeFolder(usersFolder)
    let lock = try FileLock.acquire(path: usersFolder + "/\(id).lock", user: displayName)
    do {
      let loaded = try load(id: id, displayName: displayName, now: now, moveCorruptAside: true)
      let handle = try FileRecordHandle(path: recordPath(id: id), record: loaded.record, lock: lock)
      handle.notices = loaded.notices
      handle.readOnlyVersion = loaded.readOnlyVersion
      return handle
    } catch {
      lock.release()
      throw error
    }
  }

  public func read(displayName: String) throws(RecordError) -> UserRecord {
    guard let id = UserID.make(from: displayName) else { throw .unusableName(displayName) }
    guard FileManager.default.fileExists(atPath: recordPath(id: id)) else { throw .noSuchUser(displayName) }
    return try load(id: id, displayName: displayName, now: Date(), moveCorruptAside: false).record
  }

  public func knownUsers() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: usersFolder)) ?? []
    return names.filter { $0.hasSuffix(".json") && !$0.contains(".corrupt-") }
      .map { String($0.dropLast(5)) }
      .filter(UserID.isValid)
      .sorted()
  }

  struct Loaded {
    var record: UserRecord
    var notices: [String] = []
    /// Set when the file is from a newer schema: nothing may be written.
    var readOnlyVersion: Int?
  }

  func load(id: String, displayName: String, now: Date, moveCorruptAside: Bool) throws(RecordError) -> Loaded {
    let path = recordPath(id: id)
    guard let data = FileManager.default.contents(atPath: path) else {
      if FileManager.default.fileExists(atPath: path) { throw .unreadable(path: path, reason: "permission denied") }
      return Loaded(record: UserRecord(id: id, displayName: displayName, now: now))
    }
    struct VersionOnly: Decodable { var schemaVersion: Int }
    let decoder = RecordSerializer.makeDecoder()
    let version = (try? decoder.decode(VersionOnly.self, from: data))?.schemaVersion
    if let version, version > UserRecord.currentSchemaVersion {
      let record = (try? decoder.decode(UserRecord.self, from: data)) ?? UserRecord(id: id, displayName: displayName, now: now)
      return Loaded(
        record: record, notices: [RecordError.readOnly(schemaVersion: version).description], readOnlyVersion: version)
    }
    do {
      var record = try decoder.decode(UserRecord.self, from: data)
      record.profile.id = id
      return Loaded(record: record)
    } catch {
      guard moveCorruptAside else { throw .unreadable(path: path, reason: "it is not a valid record (\(error))") }
      var aside = String(path.dropLast(5)) + ".corrupt-\(Self.stamp(now)).json"
      var attempt = 1
      while FileManager.default.fileExists(atPath: aside) {
        attempt += 1
        aside = String(path.dropLast(5)) + ".corrupt-\(Self.stamp(now))-\(attempt).json"
      }
      guard rename(path, aside) == 0 else {
        throw .unreadable(path: path, reason: "it is damaged and could not be moved aside: \(String(cString: strerror(errno)))")
      }
      let notice =
        "Your record \(path) was damaged and could not be read. It was moved to \(aside) (nothing deleted) and a new record was started; a teacher can recover answers from it."
      return Loaded(record: UserRecord(id: id, displayName: displayName, now: now), notices: [notice])
    }
  }

  static func stamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd'T'HHmmss"
    return formatter.string(from: date)
  }
}

/// A record held open by one shell, saved after every change.
final class FileRecordHandle: RecordHandle {
  let path: String
  private(set) var record: UserRecord
  var notices: [String] = []
  var readOnlyVersion: Int?
  var isReadOnly: Bool { readOnlyVersion != nil }
  var location: String { path }
  private let lock: FileLock
  private let serializer = RecordSerializer()

  init(path: String, record: UserRecord, lock: FileLock) throws(RecordError) {
    self.path = path
    self.record = record
    self.lock = lock
    do { try serializer.warm(with: record) } catch { throw .unreadable(path: path, reason: "\(error)") }
  }

  func update(_ change: (inout UserRecord) -> Void) throws(RecordError) {
    if let readOnlyVersion { throw .readOnly(schemaVersion: readOnlyVersion) }
    var copy = record
    change(&copy)
    let data: Data
    do { data = try serializer.encode(copy) } catch { throw .saveFailed(path: path, reason: "\(error)") }
    do {
      try DurableFile.replace(path: path, with: data)
    } catch {
      // What was encoded for this failed save must not be reused by the next one.
      serializer.discardPending()
      throw error
    }
    serializer.commitPending()
    record = copy
  }

  func close() { lock.release() }

  deinit { lock.release() }
}
