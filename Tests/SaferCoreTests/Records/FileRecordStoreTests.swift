import Foundation
import Testing

@testable import SaferCore

@Suite("Records on disk")
struct FileRecordStoreTests {
  let folder: TemporaryFolder
  let store: FileRecordStore
  var users: String { store.usersFolder }
  let ana = UserID.make(from: "Ana") ?? ""
  var anaPath: String { users + "/\(ana).json" }
  var journalPath: String { users + "/\(ana).jsonl" }

  init() throws {
    folder = try TemporaryFolder()
    store = FileRecordStore(dataFolder: folder.path + "/DATA")
  }

  func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }

  @Test func aSaveIsOneJournalLineAndClosingCompacts() throws {
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    #expect(handle.location == anaPath)
    #expect(handle.record.profile.id == ana)
    #expect(handle.record.profile.displayName == "Ana")
    #expect(handle.notices.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: anaPath))

    try handle.update { $0.profile.lastSeen = Fixtures.start.addingTimeInterval(60) }
    #expect(!FileManager.default.fileExists(atPath: anaPath))
    let journal = try #require(bytes(journalPath))
    #expect(journal.filter { $0 == 0x0A }.count == 1)
    #expect(try store.read(displayName: "ana").profile.lastSeen == Fixtures.start.addingTimeInterval(60))
    #expect(store.knownUsers() == ["Ana"], "a student with only a journal is known too (their shell is open)")

    handle.close()
    #expect(FileManager.default.fileExists(atPath: anaPath))
    #expect(!FileManager.default.fileExists(atPath: journalPath))
    #expect(folder.files(in: "DATA/users") == ["\(ana).json"], "no temporary or lock file is left")
    #expect(store.knownUsers() == ["Ana"])
  }

  @Test func recordRoundTripsThroughJournalSnapshotAndRead() throws {
    let sample = Fixtures.sampleRecord()
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    try handle.update { $0 = sample }
    #expect(handle.record == sample)
    #expect(try store.read(displayName: "Ana") == sample)
    #expect(try store.read(displayName: " ANA ") == sample)
    handle.close()
    #expect(try store.read(displayName: "Ana") == sample)
    let again = try store.open(displayName: "Ana", now: Fixtures.start.addingTimeInterval(3600))
    defer { again.close() }
    #expect(again.record == sample)
  }

  /// A shell killed after some answers leaves only the journal: nothing is lost.
  @Test func aKilledShellsJournalIsReplayed() throws {
    var handle: (any RecordHandle)? = try store.open(displayName: "Ana", now: Fixtures.start)
    try handle?.update { $0 = Fixtures.sampleRecord() }
    try handle?.update { $0.attempts[1].answers.append(Fixtures.answer("tiny/reuse", correct: true, at: 90)) }
    let expected = try #require(handle?.record)
    handle = nil  // no close: as if killed (the kernel drops the lock)
    let reopened = try store.open(displayName: "Ana", now: Fixtures.start)
    defer { reopened.close() }
    #expect(reopened.record == expected)
    #expect(reopened.notices.isEmpty)
  }

  /// Killed after the new snapshot was renamed in, before the journal was removed: the
  /// snapshot's `journalSeq` keeps entries from being applied twice.
  @Test func aJournalAlreadyInTheSnapshotIsNotAppliedTwice() throws {
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    try handle.update { $0 = Fixtures.sampleRecord() }
    try handle.update { $0.attempts[1].answers.append(Fixtures.answer("tiny/reuse", correct: true, at: 90)) }
    let journal = try #require(bytes(journalPath))
    let expected = handle.record
    handle.close()
    #expect(FileManager.default.createFile(atPath: journalPath, contents: Data(journal)))
    let reopened = try store.open(displayName: "Ana", now: Fixtures.start)
    #expect(reopened.record == expected)
    #expect(reopened.record.attempts[1].answers.count == 2)
    reopened.close()
    #expect(!FileManager.default.fileExists(atPath: journalPath))
  }

  @Test func aTornLastLineIsDroppedQuietly() throws {
    var handle: (any RecordHandle)? = try store.open(displayName: "Ana", now: Fixtures.start)
    try handle?.update { $0 = Fixtures.sampleRecord() }
    let expected = try #require(handle?.record)
    handle = nil
    let file = try #require(FileHandle(forWritingAtPath: journalPath))
    file.seekToEndOfFile()
    file.write(Data("{\"format\":1,\"seq\":2,\"profile\":{\"disp".utf8))
    file.closeFile()
    let reopened = try store.open(displayName: "Ana", now: Fixtures.start)
    defer { reopened.close() }
    #expect(reopened.record == expected)
    #expect(reopened.notices.isEmpty)
  }

  @Test func aDamagedJournalKeepsWhatCameBeforeAndIsCopiedAside() throws {
    var handle: (any RecordHandle)? = try store.open(displayName: "Ana", now: Fixtures.start)
    try handle?.update { $0 = Fixtures.sampleRecord() }
    let expected = try #require(handle?.record)
    try handle?.update { $0.profile.displayName = "Ana" }
    try handle?.update { $0.profile.lastSeen = Fixtures.start.addingTimeInterval(5) }
    handle = nil
    var lines = String(decoding: try #require(bytes(journalPath)), as: UTF8.self).split(separator: "\n")
    lines[1] = "garbage"
    try (lines.joined(separator: "\n") + "\n").write(toFile: journalPath, atomically: false, encoding: .utf8)
    let reopened = try store.open(displayName: "Ana", now: Fixtures.start)
    defer { reopened.close() }
    #expect(reopened.record == expected)
    #expect(reopened.notices.count == 1)
    #expect(folder.files(in: "DATA/users").contains { $0.hasPrefix(ana + ".damaged-") && $0.hasSuffix(".jsonl") })
  }

  @Test func secondOpenIsRefusedUntilTheFirstCloses() throws {
    let first = try store.open(displayName: "Ana", now: Fixtures.start)
    #expect(throws: RecordError.inUse(user: "ANA", byProcess: String(getpid()))) {
      try store.open(displayName: "ANA", now: Fixtures.start)
    }
    let other = try store.open(displayName: "Bo", now: Fixtures.start)
    other.close()
    first.close()
    let third = try store.open(displayName: "Ana", now: Fixtures.start)
    third.close()
  }

  @Test func corruptRecordIsMovedAsideAndAFreshOneStarted() throws {
    try FileManager.default.createDirectory(atPath: users, withIntermediateDirectories: true)
    let damaged = Array("{\"schemaVersion\":2,\"profile\":{\"id\":\"ana\"".utf8)
    try Data(damaged).write(to: URL(fileURLWithPath: anaPath))

    #expect(throws: RecordError.self) { try store.read(displayName: "Ana") }
    #expect(bytes(anaPath) == damaged, "read must not move anything")

    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    let aside = users + "/\(ana).corrupt-20270115T080000.json"
    #expect(bytes(aside) == damaged)
    #expect(!FileManager.default.fileExists(atPath: anaPath))
    #expect(handle.notices.count == 1)
    #expect(handle.notices.first?.contains(aside) == true)
    #expect(handle.record == UserRecord(id: ana, displayName: "Ana", now: Fixtures.start))
    try handle.update { $0.profile.lastSeen = Fixtures.start.addingTimeInterval(1) }
    handle.close()
    #expect(FileManager.default.fileExists(atPath: anaPath))
    #expect(bytes(aside) == damaged)
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
    handle.close()
    #expect(bytes(anaPath) == [UInt8](original))
  }

  @Test func undecodableNewerRecordIsAlsoReadOnly() throws {
    try FileManager.default.createDirectory(atPath: users, withIntermediateDirectories: true)
    let original = Array("{\"schemaVersion\": 7, \"people\": []}".utf8)
    try Data(original).write(to: URL(fileURLWithPath: anaPath))
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    defer { handle.close() }
    #expect(handle.isReadOnly)
    #expect(throws: RecordError.self) { try handle.update { $0.profile.displayName = "Changed" } }
    #expect(bytes(anaPath) == original)
  }

  /// A full disk (here: a folder where the journal goes) fails the save; the record in
  /// memory and on disk stays as it was, and a retry after the problem is gone works.
  @Test func failedSaveChangesNothingAndARetryWorks() throws {
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    defer { handle.close() }
    try handle.update { $0 = Fixtures.sampleRecord() }
    try handle.compact()
    let before = bytes(anaPath)
    try FileManager.default.createDirectory(atPath: journalPath, withIntermediateDirectories: false)
    let error = #expect(throws: RecordError.self) { try handle.update { $0.profile.lastSeen = Fixtures.start } }
    guard case .saveFailed? = error else {
      Issue.record("expected saveFailed, got \(String(describing: error))")
      return
    }
    #expect(bytes(anaPath) == before)
    #expect(handle.record == Fixtures.sampleRecord())
    try FileManager.default.removeItem(atPath: journalPath)
    try handle.update { $0.profile.lastSeen = Fixtures.start }
    #expect(try store.read(displayName: "Ana").profile.lastSeen == Fixtures.start)
  }

  @Test func unusableAndUnknownNames() {
    #expect(throws: RecordError.unusableName(.nothingUsable)) { try store.open(displayName: "...", now: Fixtures.start) }
    #expect(throws: RecordError.unusableName(.tooLong(65))) {
      try store.open(displayName: String(repeating: "a", count: 65), now: Fixtures.start)
    }
    #expect(throws: RecordError.unusableName(.controlCharacters)) {
      try store.open(displayName: "Ana\u{1B}[31m", now: Fixtures.start)
    }
    #expect(throws: RecordError.noSuchUser("Nobody")) { try store.read(displayName: "Nobody") }
    #expect(store.knownUsers().isEmpty)
  }

  @Test func knownUsersListsTheNamesOfRecords() throws {
    for name in ["Bo", "Ana", "Ana B"] {
      let handle = try store.open(displayName: name, now: Fixtures.start)
      try handle.update { $0.profile.lastSeen = Fixtures.start.addingTimeInterval(1) }
      handle.close()
    }
    try folder.write("DATA/users/\(ana).corrupt-20270115T080000.json", "{}")
    try folder.write("DATA/users/Not Normal.json", "{}")
    try folder.write("DATA/users/notes.txt", "")
    #expect(store.knownUsers() == ["Ana", "Ana B", "Bo"])
  }

  @Test func hasRecordChecksWithoutReading() throws {
    let folder = try TemporaryFolder()
    let store = FileRecordStore(dataFolder: folder.path + "/DATA")
    #expect(!store.hasRecord(displayName: "Ana"))
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    try handle.update { $0.profile.lastSeen = Fixtures.start.addingTimeInterval(1) }
    handle.close()
    #expect(store.hasRecord(displayName: "ana"), "the same student, whatever the case")
    #expect(!store.hasRecord(displayName: "Bo"))
    #expect(!store.hasRecord(displayName: "bad\u{1B}"))
  }
}
