import Foundation
import SaferCore
import Testing

@testable import SaferAccess

@Suite("PINs and the teacher passphrase")
struct SecretHasherTests {
  @Test func aHashMatchesItsSecretOnly() throws {
    let stored = try SecretHasher.hash("4821")
    #expect(stored.algorithm == "scrypt" && stored.costExponent == 15 && stored.blockSize == 8 && stored.parallelism == 1)
    #expect(!stored.hash.contains("4821") && !stored.salt.isEmpty)
    #expect(SecretHasher.matches("4821", stored))
    #expect(!SecretHasher.matches("4822", stored))
    #expect(!SecretHasher.matches("", stored))
    // A new salt each time: the same PIN gives another hash.
    #expect(try SecretHasher.hash("4821").hash != stored.hash)
  }

  /// Checking uses the parameters stored with the hash, not the current defaults, so a
  /// later change of cost keeps old PINs working.
  @Test func theStoredParametersAreTheOnesUsed() throws {
    var stored = try SecretHasher.hash("classroom")
    stored.costExponent = 14
    #expect(!SecretHasher.matches("classroom", stored), "another cost gives another hash")
  }

  @Test func aTamperedHashNeverMatchesAndNeverAsksForGigabytes() throws {
    var stored = try SecretHasher.hash("1234")
    stored.costExponent = 30
    #expect(!SecretHasher.matches("1234", stored))
    stored.costExponent = 15
    stored.algorithm = "plain"
    #expect(!SecretHasher.matches("1234", stored))
    stored.algorithm = "scrypt"
    stored.hash = "not base64!"
    #expect(!SecretHasher.matches("1234", stored))
  }

  @Test func theTeacherPassphraseIsStoredHashedAndChecked() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safer-access-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let teacher = TeacherPassphrase(dataFolder: folder)
    #expect(try teacher.stored() == nil)
    #expect(try teacher.verify("anything"), "none set: a family computer asks nothing")
    #expect(throws: AccessError.tooShort(minimum: 8)) { try teacher.set("short") }
    try teacher.set("correct horse battery")
    let text = try String(contentsOfFile: teacher.path, encoding: .utf8)
    #expect(!text.contains("horse"))
    let permissions = try FileManager.default.attributesOfItem(atPath: teacher.path)[.posixPermissions] as? Int
    #expect(permissions == 0o600)
    #expect(try teacher.verify("correct horse battery"))
    #expect(try !teacher.verify("correct horse"))
    try "{ damaged".write(toFile: teacher.path, atomically: true, encoding: .utf8)
    #expect(throws: AccessError.unusableHash) { try teacher.verify("correct horse battery") }
  }

  @Test func theAuditLogKeepsOneLinePerAction() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safer-audit-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let log = AuditLog(dataFolder: folder)
    try log.record("export", student: "Lea\n\u{1B}[31m", now: Date(timeIntervalSince1970: 0))
    try log.record("delete", student: "Bo", now: Date(timeIntervalSince1970: 60))
    let lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n")
    #expect(lines == ["1970-01-01T00:00:00Z\texport\tLea[31m", "1970-01-01T00:01:00Z\tdelete\tBo"])
  }
}
