import Foundation
import Testing

@testable import SaferCore

@Suite("Record JSON")
struct RecordSerializerTests {
  static func decode(_ data: Data) throws -> UserRecord {
    try RecordSerializer.makeDecoder().decode(UserRecord.self, from: data)
  }

  @Test func outputDecodesBackToAnEqualRecord() throws {
    let record = Fixtures.sampleRecord()
    #expect(record.attempts.map(\.status) == [.completed, .inProgress])
    let serializer = RecordSerializer()
    let data = try serializer.encode(record)
    #expect(try Self.decode(data) == record)
    // A second encode (finished attempt now from the cache) gives the same bytes.
    #expect(try serializer.encode(record) == data)
    // The fast reader gives the same record, with finished answers left as bytes.
    let decoded = try RecordDecoder.decode(data)
    #expect(decoded.record == record)
    #expect(decoded.record.attempts[0].answers.archivedBytes != nil)
    #expect(decoded.record.attempts[1].answers.archivedBytes == nil)
  }

  @Test func emptyRecordWithoutResume() throws {
    let record = UserRecord(id: "李雷", displayName: "李雷", now: Fixtures.start)
    let data = try RecordSerializer().encode(record)
    #expect(try Self.decode(data) == record)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["resume"] is NSNull)
    #expect((object["attempts"] as? [Any])?.isEmpty == true)
  }

  @Test func otherJSONToolsAcceptTheOutput() throws {
    let data = try RecordSerializer().encode(Fixtures.sampleRecord())
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(object.keys) == ["schemaVersion", "profile", "mastery", "resume", "journalSeq", "attempts"])
    #expect(object["schemaVersion"] as? Int == UserRecord.currentSchemaVersion)
    let attempts = try #require(object["attempts"] as? [[String: Any]])
    #expect(attempts.map { $0["id"] as? String } == ["attempt-1", "attempt-2"])
    #expect(attempts.map { $0["status"] as? String } == ["completed", "in-progress"])
    let profile = try #require(object["profile"] as? [String: Any])
    #expect(profile["created"] as? String == "2027-01-15T08:00:00Z")
    #expect((object["resume"] as? [String: Any])?["attemptID"] as? String == "attempt-2")
  }

  @Test func changesToAnAttemptInProgressAreNeverStale() throws {
    let serializer = RecordSerializer()
    var record = Fixtures.sampleRecord()
    _ = try serializer.encode(record)
    record.attempts[1].answers.append(Fixtures.answer("tiny/longest", correct: false, at: 80))
    record.attempts[1].maxScore = 2
    record.attempts[1].position = 2
    #expect(try Self.decode(serializer.encode(record)) == record)
    // Same answer count, different content: still re-encoded while in progress.
    record.attempts[1].answers[1].response = "c"
    record.attempts[1].score = 0.5
    #expect(try Self.decode(serializer.encode(record)) == record)
    // Finishing it changes its status, so the cache cannot hold the old bytes either.
    record.attempts[1].status = .completed
    record.attempts[1].finished = Fixtures.start.addingTimeInterval(90)
    record.attempts[1].passed = false
    #expect(try Self.decode(serializer.encode(record)) == record)
    // Abandoning a finished attempt (status change) is also picked up.
    record.attempts[0].status = .abandoned
    #expect(try Self.decode(serializer.encode(record)) == record)
  }

  @Test func newAttemptsAndProfileChangesAppear() throws {
    let serializer = RecordSerializer()
    var record = Fixtures.sampleRecord()
    _ = try serializer.encode(record)
    record.profile.displayName = "Ana Maria"
    record.resume = nil
    record.mastery["fraud"] = TopicMastery()
    var third = Attempt(
      id: "attempt-3", kind: .lesson, contentID: "phish", contentVersion: "v", title: "Phish", topic: "fraud",
      started: Fixtures.start.addingTimeInterval(500))
    third.status = .abandoned
    record.attempts.append(third)
    #expect(try Self.decode(serializer.encode(record)) == record)
  }

  @Test func unicodeAndControlCharactersSurvive() throws {
    var record = Fixtures.sampleRecord(id: "leyla-əliyeva", displayName: "Leyla Əliyeva \"L\" \\ /")
    record.attempts[1].answers[0].response = "line\nbreak\t\u{1B}[31m 😀"
    let data = try RecordSerializer().encode(record)
    #expect(try Self.decode(data) == record)
    #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
  }

  /// The fast line reader (`AttemptLineReader`) reads every field as `JSONDecoder` does,
  /// escapes, odd numbers and optional fields included; lines it does not know go to
  /// `JSONDecoder`.
  @Test func theLineReaderAgreesWithJSONDecoder() throws {
    var record = Fixtures.sampleRecord()
    var odd = record.attempts[0]
    odd.id = "attempt-3"
    odd.title = "Quote \" backslash \\ tab \t é 😀 \u{7F} \u{1B}[31m"
    odd.topic = nil
    odd.score = 0.1 + 0.2
    odd.maxScore = 1e-7
    odd.passed = false
    odd.overrides = ["pass-mark": "80", "quote\"": "\\"]
    odd.questionOrder = []
    odd.kind = .quiz
    record.attempts.insert(odd, at: 1)
    let data = try RecordSerializer().encode(record)
    #expect(String(decoding: data, as: UTF8.self).contains("\"answerCount\":2,\"answers\":["))
    let fast = try RecordDecoder.decode(data)
    RecordDecoder.decodeWithFoundationOnly = true
    defer { RecordDecoder.decodeWithFoundationOnly = false }
    let slow = try RecordDecoder.decode(data)
    #expect(fast.record == record)
    #expect(slow.record == record)
    #expect(fast.lines.keys.sorted() == [0, 1])

    // A line with a key the reader does not know is still read, by JSONDecoder.
    let foreign = String(decoding: data, as: UTF8.self).replacingOccurrences(
      of: "{\"contentID\":\"tiny\"", with: "{\"comment\":\"added by a teacher's tool\",\"contentID\":\"tiny\"")
    RecordDecoder.decodeWithFoundationOnly = false
    #expect(try RecordDecoder.decode(Data(foreign.utf8)).record == record)
  }

  @Test(arguments: ["2026-11-28T04:31:35Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "2999-12-31T12:00:00Z"])
  func internetDatesParseAsISO8601Does(_ text: String) throws {
    #expect(InternetDate.parse(text) == (try Date(text, strategy: .iso8601)))
  }

  @Test(arguments: ["2026-02-30T00:00:00Z", "2026-11-28T24:00:00Z", "2026-11-28T04:31:35+01:00", "2026-11-28 04:31:35Z"])
  func otherDateFormsAreLeftToTheGeneralParser(_ text: String) {
    #expect(InternetDate.parse(text) == nil)
  }
}
