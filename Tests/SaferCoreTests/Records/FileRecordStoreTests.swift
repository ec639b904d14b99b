import Foundation
import Testing

@testable import SaferCore

@Suite("Records on disk")
struct FileRecordStoreTests {
  let folder: TemporaryFolder
  let store: FileRecordStore
  var users: String { store.usersFolder }
  var anaPath: String { users + "/ana.json" }

  init() throws {
    folder = try TemporaryFolder()
    store = FileRecordStore(dataFolder: folder.path + "/DATA")
  }

  func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }

  @Test func firstSaveCreatesTheRecordFile() throws {
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    defer { handle.close() }
    #expect(handle.location == anaPath)
    #expect(anaPath == folder.path + "/DATA/users/ana.json")
    #expect(handle.record.profile.id == "ana")
    #expect(handle.record.profile.displayName == "Ana")
    #expect(handle.notices.isEmpty)
    #expect(!handle.isReadOnly)
    #expect(!FileManager.default.fileExists(atPath: anaPath))

    try handle.update { $0.profile.lastSeen = Fixtures.start.addingTimeInterval(60) }
    #expect(FileManager.default.fileExists(atPath: anaPath))
    #expect(handle.record.profile.lastSeen == Fixtures.start.addingTimeInterval(60))
    #expect(store.knownUsers() == ["ana"])
    #expect(!folder.files(in: "DATA/users").contains { $0.hasSuffix(".tmp") })
  }

  @Test func recordRoundTripsThroughUpdateAndRead() throws {
    let sample = Fixtures.sampleRecord()
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    try handle.update { $0 = sample }
    #expect(handle.record == sample)
    #expect(try store.read(displayName: "Ana") == sample)
    #expect(try store.read(displayName: "ANA") == sample)
    handle.close()

    let again = try store.open(displayName: "Ana", now: Fixtures.start.addingTimeInterval(3600))
    defer { again.close() }
    #expect(again.record == sample)
    #expect(!folder.files(in: "DATA/users").contains { $0.hasSuffix(".tmp") })
  }

  @Test func secondOpenIsRefusedUntilTheFirstCloses() throws {
    let first = try store.open(displayName: "Ana", now: Fixtures.start)
    #expect(throws: RecordError.inUse(user: "ANA", byProcess: String(getpid()))) {
      try store.open(displayName: "ANA", now: Fixtures.start)
    }
    // Another student is not affected.
    let other = try store.open(displayName: "Bo", now: Fixtures.start)
    other.close()
    first.close()
    let third = try store.open(displayName: "Ana", now: Fixtures.start)
    third.close()
  }

  @Test func corruptRecordIsMovedAsideAndAFreshOneStarted() throws {
    try FileManager.default.createDirectory(atPath: users, withIntermediateDirectories: true)
    let damaged = Array("{\"schemaVersion\":1,\"profile\":{\"id\":\"ana\"".utf8)
    try Data(damaged).write(to: URL(fileURLWithPath: anaPath))

    #expect(throws: RecordError.self) { try store.read(displayName: "Ana") }
    #expect(bytes(anaPath) == damaged, "read must not move anything")

    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    defer { handle.close() }
    let aside = users + "/ana.corrupt-20270115T080000.json"
    #expect(bytes(aside) == damaged)
    #expect(!FileManager.default.fileExists(atPath: anaPath))
    #expect(handle.notices.count == 1)
    #expect(handle.notices.first?.contains(aside) == true)
    #expect(handle.record == UserRecord(id: "ana", displayName: "Ana", now: Fixtures.start))
    #expect(!handle.isReadOnly)

    try handle.update { $0.profile.lastSeen = Fixtures.start.addingTimeInterval(1) }
    #expect(FileManager.default.fileExists(atPath: anaPath))
    #expect(bytes(aside) == damaged)
    #expect(store.knownUsers() == ["ana"])
  }

  @Test func corruptRecordInADataFolderNamedLikeJSON() throws {
    let oddStore = FileRecordStore(dataFolder: folder.path + "/backup.json")
    try FileManager.default.createDirectory(atPath: oddStore.usersFolder, withIntermediateDirectories: true)
    try Data("not json".utf8).write(to: URL(fileURLWithPath: oddStore.recordPath(id: "ana")))
    let handle = try oddStore.open(displayName: "Ana", now: Fixtures.start)
    defer { handle.close() }
    #expect(handle.notices.count == 1)
    #expect(FileManager.default.fileExists(atPath: oddStore.usersFolder + "/ana.corrupt-20270115T080000.json"))
  }

  @Test func newerSchemaOpensReadOnlyAndIsNeverWritten() throws {
    var future = Fixtures.sampleRecord()
    future.schemaVersion = UserRecord.currentSchemaVersion + 1
    try FileManager.default.createDirectory(atPath: users, withIntermediateDirectories: true)
    let original = try RecordSerializer().encode(future)
    try original.write(to: URL(fileURLWithPath: anaPath))

    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    #expect(handle.isReadOnly)
    #expect(handle.notices == [RecordError.readOnly(schemaVersion: future.schemaVersion).description])
    #expect(handle.record.attempts == future.attempts)
    #expect(throws: RecordError.readOnly(schemaVersion: future.schemaVersion)) {
      try handle.update { $0.profile.displayName = "Changed" }
    }
    #expect(handle.record.profile.displayName == "Ana")
    handle.close()
    #expect(bytes(anaPath) == [UInt8](original))
    #expect(!folder.files(in: "DATA/users").contains { $0.hasSuffix(".tmp") })
  }

  @Test func undecodableNewerRecordIsAlsoReadOnly() throws {
    try FileManager.default.createDirectory(atPath: users, withIntermediateDirectories: true)
    let original = Array("{\"schemaVersion\": 7, \"people\": []}".utf8)
    try Data(original).write(to: URL(fileURLWithPath: anaPath))
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    defer { handle.close() }
    #expect(handle.isReadOnly)
    #expect(handle.notices == [RecordError.readOnly(schemaVersion: 7).description])
    #expect(throws: RecordError.self) { try handle.update { $0.profile.displayName = "Changed" } }
    #expect(bytes(anaPath) == original)
  }

  @Test(.enabled(if: getuid() != 0, "root can write into a read-only folder"))
  func saveIntoAReadOnlyFolderFailsAndKeepsTheOldFile() throws {
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    defer { handle.close() }
    try handle.update { $0.profile.lastSeen = Fixtures.start.addingTimeInterval(1) }
    let before = bytes(anaPath)
    chmod(users, 0o555)
    defer { chmod(users, 0o755) }
    let error = #expect(throws: RecordError.self) { try handle.update { $0.profile.displayName = "Changed" } }
    #expect(error == .saveFailed(path: anaPath, reason: "permission denied"))
    #expect(bytes(anaPath) == before)
    #expect(handle.record.profile.displayName == "Ana")
  }

  /// Works as root too: the temporary file cannot be created where a folder stands.
  @Test func failedSaveLeavesRecordAndFileUnchanged() throws {
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    defer { handle.close() }
    try handle.update { $0 = Fixtures.sampleRecord() }
    let before = bytes(anaPath)
    try FileManager.default.createDirectory(atPath: anaPath + ".tmp", withIntermediateDirectories: false)
    let error = #expect(throws: RecordError.self) { try handle.update { $0.profile.displayName = "Changed" } }
    guard case .saveFailed(let path, _)? = error else {
      Issue.record("expected saveFailed, got \(String(describing: error))")
      return
    }
    #expect(path == anaPath)
    #expect(bytes(anaPath) == before)
    #expect(handle.record == Fixtures.sampleRecord())
  }

  /// A save that failed must not leave its attempt bytes behind for the next save.
  @Test func retryAfterFailedSaveWritesWhatTheHandleShows() throws {
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    defer { handle.close() }
    var attempt = Attempt(
      id: "x", kind: .lesson, contentID: "tiny", contentVersion: "v", title: "T", topic: "passwords",
      started: Fixtures.start)
    try handle.update { $0.attempts = [attempt] }
    func finish(_ response: String) -> (inout UserRecord) -> Void {
      { record in
        var answer = Fixtures.answer("longest", correct: response == "b")
        answer.response = response
        record.attempts[0].answers = [answer]
        record.attempts[0].status = .completed
      }
    }
    try FileManager.default.createDirectory(atPath: anaPath + ".tmp", withIntermediateDirectories: false)
    #expect(throws: RecordError.self) { try handle.update(finish("a")) }
    try FileManager.default.removeItem(atPath: anaPath + ".tmp")
    try handle.update(finish("b"))
    attempt = try #require(handle.record.attempts.first)
    #expect(attempt.answers.first?.response == "b")
    let onDisk = try store.read(displayName: "Ana")
    #expect(onDisk == handle.record)
  }

  @Test func unusableAndUnknownNames() {
    #expect(throws: RecordError.unusableName("...")) { try store.open(displayName: "...", now: Fixtures.start) }
    #expect(throws: RecordError.noSuchUser("Nobody")) { try store.read(displayName: "Nobody") }
    #expect(store.knownUsers().isEmpty)
  }

  @Test func knownUsersListsOnlyRecordsInNormalForm() throws {
    try folder.write("DATA/users/bo.json", "{}")
    try folder.write("DATA/users/ana.json", "{}")
    try folder.write("DATA/users/ana.corrupt-20270115T080000.json", "{}")
    try folder.write("DATA/users/Not Normal.json", "{}")
    try folder.write("DATA/users/ana.lock", "1")
    try folder.write("DATA/users/notes.txt", "")
    #expect(store.knownUsers() == ["ana", "bo"])
  }
}
