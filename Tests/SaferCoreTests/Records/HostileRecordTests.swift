import Foundation
import Testing

@testable import SaferCore

/// Files planted or edited by someone else: none may crash the shell, lock a student out
/// or be written through.
@Suite("Hostile record files")
struct HostileRecordTests {
  let folder: TemporaryFolder
  let store: FileRecordStore
  let ana = UserID.make(from: "Ana") ?? ""
  var users: String { store.usersFolder }

  init() throws {
    folder = try TemporaryFolder()
    store = FileRecordStore(dataFolder: folder.path + "/DATA")
    try FileManager.default.createDirectory(atPath: folder.path + "/DATA/users", withIntermediateDirectories: true)
  }

  func victim() throws -> String {
    try folder.write("victim.txt", "homework\n")
  }

  func victimIntact(_ path: String) -> Bool {
    (try? String(contentsOfFile: path, encoding: .utf8)) == "homework\n"
  }

  func saveTwiceAndClose() throws {
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    try handle.update { $0 = Fixtures.sampleRecord() }
    try handle.update { $0.profile.lastSeen = Fixtures.start.addingTimeInterval(5) }
    try handle.compact()
    try handle.update { $0.profile.lastSeen = Fixtures.start.addingTimeInterval(6) }
    handle.close()
  }

  @Test(arguments: [".json.tmp", ".json.tmp-0", ".jsonl.tmp"])
  func symlinkAtATemporaryNameIsNeverWrittenThrough(_ suffix: String) throws {
    let target = try victim()
    try FileManager.default.createSymbolicLink(atPath: users + "/" + ana + suffix, withDestinationPath: target)
    try saveTwiceAndClose()
    #expect(victimIntact(target))
    #expect(try store.read(displayName: "Ana").profile.lastSeen == Fixtures.start.addingTimeInterval(6))
  }

  @Test func symlinkAtTheLockIsRefusedAndItsTargetKept() throws {
    let target = try victim()
    try FileManager.default.createSymbolicLink(atPath: users + "/\(ana).lock", withDestinationPath: target)
    let error = #expect(throws: RecordError.self) { try store.open(displayName: "Ana", now: Fixtures.start) }
    guard case .notARecord? = error else {
      Issue.record("expected notARecord, got \(String(describing: error))")
      return
    }
    #expect(victimIntact(target))
  }

  @Test(arguments: [".json", ".jsonl"])
  func symlinkAtTheRecordOrJournalIsMovedAsideNotFollowed(_ suffix: String) throws {
    let target = try victim()
    try FileManager.default.createSymbolicLink(atPath: users + "/" + ana + suffix, withDestinationPath: target)
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    #expect(handle.notices.count == 1)
    #expect(handle.notices[0].contains("symbolic link"))
    try handle.update { $0.profile.lastSeen = Fixtures.start.addingTimeInterval(1) }
    handle.close()
    #expect(victimIntact(target))
  }

  @Test func aFolderWhereTheRecordGoesIsNamedAsOne() throws {
    try FileManager.default.createDirectory(atPath: users + "/\(ana).json", withIntermediateDirectories: false)
    #expect(throws: RecordError.notARecord(path: users + "/\(ana).json", what: "a folder")) {
      try store.read(displayName: "Ana")
    }
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    defer { handle.close() }
    #expect(handle.notices.first?.contains("a folder") == true)
  }

  @Test func usersFolderThatIsASymlinkIsRefused() throws {
    let elsewhere = folder.path + "/elsewhere"
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    let linked = FileRecordStore(dataFolder: folder.path + "/LINKED")
    try FileManager.default.createDirectory(atPath: folder.path + "/LINKED", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/LINKED/users", withDestinationPath: elsewhere)
    #expect(throws: RecordError.self) { try linked.open(displayName: "Ana", now: Fixtures.start) }
    #expect(folder.files(in: "elsewhere").isEmpty)
  }

  /// Positions, dates and scores edited by hand: the attempt is left out with a notice,
  /// the file kept aside, and the student can go on.
  @Test(arguments: [
    ("\"position\":3", "\"position\":-5"),
    ("\"position\":1", "\"position\":-1"),
    ("\"position\":1", "\"position\":99"),
    ("\"score\":1", "\"score\":1e300"),
    ("\"started\":\"2027-01-15T08:00:00Z\"", "\"started\":\"9999-01-15T08:00:00Z\""),
  ])
  func tamperedAttemptsAreLeftOutWithANotice(_ original: String, _ tampered: String) throws {
    let sample = Fixtures.sampleRecord()
    var text = String(decoding: try RecordSerializer().encode(sample), as: UTF8.self)
    #expect(text.contains(original))
    text = text.replacingOccurrences(of: original, with: tampered)
    try text.write(toFile: users + "/\(ana).json", atomically: true, encoding: .utf8)
    let handle = try store.open(displayName: "Ana", now: Fixtures.start)
    defer { handle.close() }
    #expect(handle.notices.count == 1)
    #expect(handle.record.attempts.count < sample.attempts.count)
    #expect(folder.files(in: "DATA/users").contains { $0.hasPrefix(ana + ".invalid-") })
    #expect(RecordValidator.repair(handle.record).problems.isEmpty)
    try handle.update { $0.profile.lastSeen = Fixtures.start.addingTimeInterval(9) }
  }

  /// Found by the record fuzzer: a profile date out of range was reported on every open,
  /// because the repair left it as it was.
  @Test func aProfileOutOfRangeIsRepairedOnceAndForAll() throws {
    var sample = Fixtures.sampleRecord()
    sample.profile.created = Date(timeIntervalSince1970: 65_000_000_000)
    sample.profile.displayName = String(repeating: "A", count: 300)
    let first = RecordValidator.repair(sample)
    #expect(first.problems.count == 1)
    #expect(first.record.profile.displayName.count == UserID.maximumNameLength)
    #expect(first.record.attempts.count == sample.attempts.count)
    #expect(RecordValidator.repair(first.record).problems.isEmpty)
  }

  @Test func aRecordUnderAnotherNameIsNeverHandedOver() throws {
    let bo = Fixtures.sampleRecord(id: ana, displayName: "Bo")
    try RecordSerializer().encode(bo).write(to: URL(fileURLWithPath: users + "/\(ana).json"))
    #expect(throws: RecordError.nameClash(path: users + "/\(ana).json")) {
      try store.open(displayName: "Ana", now: Fixtures.start)
    }
  }

  /// Schema 1 gave `Ana B` and `ana.b` one file; it moves to the student whose name it holds.
  @Test func schema1RecordsMoveToTheirOwnerOnly() throws {
    var old = Fixtures.sampleRecord(id: "ana-b", displayName: "Ana B")
    old.schemaVersion = 1
    try RecordSerializer().encode(old).write(to: URL(fileURLWithPath: users + "/ana-b.json"))

    let other = try store.open(displayName: "ana.b", now: Fixtures.start)
    #expect(other.record.attempts.isEmpty)
    other.close()
    #expect(FileManager.default.fileExists(atPath: users + "/ana-b.json"))
    #expect(try store.read(displayName: "Ana B").attempts == old.attempts)

    let owner = try store.open(displayName: "Ana  B", now: Fixtures.start)
    #expect(owner.record.attempts == old.attempts)
    #expect(owner.record.schemaVersion == UserRecord.currentSchemaVersion)
    try owner.update { $0.profile.lastSeen = Fixtures.start.addingTimeInterval(1) }
    owner.close()
    #expect(!FileManager.default.fileExists(atPath: users + "/ana-b.json"))
    #expect(FileManager.default.fileExists(atPath: users + "/\(UserID.make(from: "Ana B") ?? "").json"))
  }
}
