import Foundation
import Testing

@testable import SaferCore

@Suite("Who a name stands for, and its file-safe id")
struct UserIDTests {
  @Test(arguments: [
    ("Ana", "ana"),
    ("  Ana  ", "ana"),
    ("Leyla Əliyeva", "leyla-əliyeva"),
    ("李雷", "李雷"),
    ("Jean-Luc O'Neil", "jean-luc-o-neil"),
    ("ana_b 2", "ana_b-2"),
    ("Ｓａｒａ", "sara"),
    ("../../etc/passwd", "etc-passwd"),
    ("😀", "u1f600"),
  ])
  func readablePartThenHash(_ name: String, _ readable: String) throws {
    let id = try #require(UserID.make(from: name))
    #expect(id.hasPrefix(readable + "-"))
    #expect(id.count == readable.count + 1 + UserID.hashLength)
    #expect(UserID.isValid(id))
  }

  /// Only NFKC, case folding and runs of spaces make two names one student.
  @Test(arguments: [("Ana Kola", "ana  kola"), ("Ｓａｒａ", "sara"), ("STRASSE", "straße"), ("Ana", " ana ")])
  func sameStudent(_ one: String, _ other: String) {
    #expect(UserID.make(from: one) == UserID.make(from: other))
  }

  @Test func lookAlikeNamesAreDifferentStudents() {
    let names = ["Ana B", "ana-b", "ana.b", "Ana/B", "Ana_B", "Ana 😀", "Ana", "😀", "u1f600", "AnaB"]
    let ids = names.compactMap(UserID.make(from:))
    #expect(ids.count == names.count)
    #expect(Set(ids).count == names.count)
    // Names that agree in their first 48 characters.
    let long = String(repeating: "a", count: 50)
    #expect(UserID.make(from: long + "x") != UserID.make(from: long + "y"))
  }

  @Test(arguments: ["", "   ", "...", "../..", "/", "!?#"])
  func namesWithNothingUsableGiveNil(_ name: String) {
    #expect(UserID.make(from: name) == nil)
  }

  @Test func problemsAreNamed() {
    #expect(UserID.problem(with: "  ") == .empty)
    #expect(UserID.problem(with: String(repeating: "x", count: 10_000_000)) == .tooLong(10_000_000))
    #expect(UserID.problem(with: "Ana\u{1B}[31m") == .controlCharacters)
    #expect(UserID.problem(with: "Ana\u{202E}") == .controlCharacters)
    #expect(UserID.problem(with: "Ana") == nil)
  }

  @Test(arguments: [
    "../../etc/passwd", "a/../../b", "./.hidden", "C:\\Windows\\system32", "Leyla Əliyeva", "🐱🐶 and friends",
  ])
  func noNameReachesOutsideTheUsersFolder(_ name: String) throws {
    let id = try #require(UserID.make(from: name))
    #expect(!id.contains("/"))
    #expect(!id.contains("."))
    #expect(!id.contains("\\"))
    #expect(id.unicodeScalars.count <= UserID.readableLength + 1 + UserID.hashLength)
    let store = FileRecordStore(dataFolder: "/data")
    let path = URL(fileURLWithPath: store.recordPath(id: id)).standardizedFileURL
    #expect(path.deletingLastPathComponent().path == "/data/users")
  }

  @Test func legacyIDsAreTheSchema1Ones() {
    #expect(UserID.legacy(from: "Ana B") == "ana-b")
    #expect(UserID.legacy(from: "😀") == "u1f600")
  }
}
