import Foundation
import Testing

@testable import SaferCore

@Suite("File-safe user ids")
struct UserIDTests {
  @Test(arguments: [
    ("Ana", "ana"),
    ("  Ana  ", "ana"),
    ("Leyla Əliyeva", "leyla-əliyeva"),
    ("李雷", "李雷"),
    ("Jean-Luc O'Neil", "jean-luc-o-neil"),
    ("ana_b 2", "ana_b-2"),
    ("Ｓａｒａ", "sara"),
    ("Ana\u{1B}[31mRed\u{07}", "ana-31mred"),
    ("../../etc/passwd", "etc-passwd"),
  ])
  func normalises(_ name: String, _ id: String) {
    #expect(UserID.make(from: name) == id)
    #expect(UserID.isValid(id))
  }

  @Test(arguments: ["", "   ", "...", "../..", "/", "!?#", "\u{1B}\u{07}\n\t"])
  func namesWithNothingUsableGiveNil(_ name: String) {
    #expect(UserID.make(from: name) == nil)
  }

  @Test(arguments: [
    "../../etc/passwd", "a/../../b", "./.hidden", "C:\\Windows\\system32", "name\u{0}.json", "x\ny", "\u{1B}]0;title\u{07}eve",
  ])
  func noNameReachesOutsideTheUsersFolder(_ name: String) throws {
    let id = try #require(UserID.make(from: name))
    #expect(!id.contains("/"))
    #expect(!id.contains("."))
    #expect(!id.contains("\\"))
    #expect(id.unicodeScalars.allSatisfy { !$0.properties.generalCategory.isControl })
    let store = FileRecordStore(dataFolder: "/data")
    let path = URL(fileURLWithPath: store.recordPath(id: id)).standardizedFileURL
    #expect(path.deletingLastPathComponent().path == "/data/users")
  }

  @Test func longNamesAreTruncated() throws {
    let id = try #require(UserID.make(from: String(repeating: "a", count: 200)))
    #expect(id == String(repeating: "a", count: UserID.maximumLength))
  }

  /// A space just before the limit adds a dash and a letter at once; the id must still
  /// fit and stay in normal form, or `knownUsers` would not list that student.
  @Test func truncationAfterASpaceStaysWithinTheLimit() throws {
    let name = String(repeating: "a", count: UserID.maximumLength - 1) + " bcd"
    let id = try #require(UserID.make(from: name))
    #expect(id.unicodeScalars.count <= UserID.maximumLength)
    #expect(UserID.isValid(id))
  }

  @Test(arguments: ["😀", "🐱🐶", "👩‍💻", "⭐️"])
  func emojiOnlyNamesGetAnID(_ name: String) throws {
    let id = try #require(UserID.make(from: name))
    #expect(!id.isEmpty)
    #expect(id.hasPrefix("u"))
    #expect(UserID.isValid(id))
    #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
  }

  @Test func differentEmojiGiveDifferentIDs() {
    #expect(UserID.make(from: "😀") == "u1f600")
    #expect(UserID.make(from: "🐱🐶") == "u1f431-1f436")
    #expect(UserID.make(from: "😀") != UserID.make(from: "😃"))
  }

  @Test func asciiSymbolsAreNotEmojiIDs() {
    // `#`, `*` and digits have the emoji property (keycaps), but digits are kept as
    // digits and lone ASCII symbols give no id.
    #expect(UserID.make(from: "#") == nil)
    #expect(UserID.make(from: "#1") == "1")
  }
}

extension Unicode.GeneralCategory {
  fileprivate var isControl: Bool { self == .control || self == .format }
}
