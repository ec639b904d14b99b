import Foundation
import Testing

@testable import SaferCore

@Suite("Rosters and assignments")
struct ClassFilesTests {
  @Test func aRosterCountsNamesAsTheRecordsDo() {
    var roster = Roster(students: ["Lea", "Ana B"])
    let sameSpaced = roster.add("ana  b")
    let sameWide = roster.add("Ａｎａ Ｂ")
    let new = roster.add("Ana C")
    let bad = roster.add("bad\u{1B}name")
    #expect(!sameSpaced && !sameWide, "the same student as Ana B")
    #expect(new && !bad)
    #expect(roster.students == ["Ana B", "Ana C", "Lea"])
    let removed = roster.remove("LEA")
    let again = roster.remove("Lea")
    #expect(removed && !again)
  }

  @Test(arguments: [
    ("Name,Form\nAna Kola,7B\n\"Bo, Jr.\",7B\n", ["Ana Kola", "Bo, Jr."]),
    ("id;student;form\r\n1;Ana Kola;7B\r\n2;\"Lea \"\"Lee\"\" M\";7B\r\n", ["Ana Kola", "Lea \"Lee\" M"]),
    ("Ana\nBo\n\nCai\n", ["Ana", "Bo", "Cai"]),
  ])
  func namesComeFromASpreadsheetExport(_ csv: String, _ names: [String]) {
    #expect(Roster.names(fromCSV: csv) == names)
  }

  @Test func aRosterSurvivesASaveAndLoad() throws {
    let folder = try TemporaryFolder()
    try Roster(students: ["Lea", "Ana"]).save(dataFolder: folder.path)
    #expect(try Roster.load(dataFolder: folder.path).students == ["Ana", "Lea"])
    try "{not json".write(toFile: Roster.path(dataFolder: folder.path), atomically: true, encoding: .utf8)
    #expect(throws: ClassFileError.self) { try Roster.load(dataFolder: folder.path) }
  }

  @Test func pendingWorkIsWhatIsNotDoneSoonestFirst() throws {
    var record = Fixtures.sampleRecord()
    record.attempts[0].contentID = "done-lesson"
    let list = AssignmentList(assignments: [
      Assignment(contentIDs: ["later", "done-lesson"], due: "2027-02-01", created: Fixtures.start),
      Assignment(contentIDs: ["sooner"], due: "2027-01-20", created: Fixtures.start),
      Assignment(contentIDs: ["long-gone"], due: "2026-11-01", created: Fixtures.start),
    ])
    let now = try #require(Assignment.day("2027-01-25"))
    let pending = list.pending(for: record, now: now)
    #expect(pending.map(\.contentID) == ["sooner", "later"])
    #expect(pending.map(\.overdue) == [true, false])
    #expect(Assignment.day("2027-13-01") == nil && Assignment.day("friday") == nil)
  }
}
