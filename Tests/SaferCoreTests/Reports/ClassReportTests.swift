import Foundation
import Testing

@testable import SaferCore

/// The class report: which attempts count, who needs help, overview or one quiz, and the
/// JSON, CSV and HTML forms a teacher takes away.
@Suite("Class report")
struct ClassReportTests {
  typealias F = ReportFixtures

  static func report(_ records: [UserRecord], quiz: String? = nil, rule: AttemptRule = .first) throws -> ClassReport {
    var builder = ClassReportBuilder(quiz: quiz, rule: rule)
    for record in records { builder.add(record) }
    return try builder.build(now: F.start)
  }

  /// Ana took the quiz three times (40 %, 80 %, 60 %), then started a fourth; Ben only
  /// started one; Cleo abandoned one with `reset`.
  static func records() -> [UserRecord] {
    let tries: [[Double]] = [[1, 1, 0, 0, 0], [1, 1, 1, 1, 0], [1, 1, 1, 0, 0]]
    var ana = tries.enumerated().map { F.attempt(marks: $0.element, day: $0.offset) }
    ana.append(F.attempt(answers: [F.answer("l/q1", points: 1)], status: .inProgress, day: 3))
    return [
      F.record("Ana", attempts: ana + [F.lesson("intro", completed: true), F.lesson("intro", completed: true)]),
      F.record("Ben", attempts: [F.attempt(answers: [F.answer("l/q1", points: 1)], status: .inProgress)]),
      F.record("Cleo", attempts: [F.attempt(answers: [F.answer("l/q1", points: 0)], status: .abandoned)]),
    ]
  }

  struct RuleCase: Sendable, CustomStringConvertible {
    var rule: AttemptRule
    var percents: [Double]
    var description: String { rule.rawValue }
  }

  @Test(arguments: [
    RuleCase(rule: .first, percents: [100.0 * 2 / 6]),
    RuleCase(rule: .last, percents: [100.0 * 3 / 6]),
    RuleCase(rule: .best, percents: [100.0 * 4 / 6]),
    RuleCase(rule: .all, percents: [100.0 * 2 / 6, 100.0 * 4 / 6, 100.0 * 3 / 6]),
  ])
  func theAttemptRuleChoosesWhichFinishedAttemptsCount(_ test: RuleCase) throws {
    let report = try Self.report(Self.records(), rule: test.rule)
    let ana = try #require(report.students.first { $0.user == "Ana" })
    #expect(ana.attempts == 4)
    #expect(ana.finishedAttempts == 3)
    #expect(ana.countedAttempts == test.percents.count)
    let mean = test.percents.reduce(0, +) / Double(test.percents.count)
    #expect(abs(try #require(ana.percent) - mean) < 1e-9)
    #expect(report.summary?.attempts == test.percents.count)
    #expect(report.questions.first?.count == test.percents.count)
    #expect(report.attempts == test.rule)
  }

  @Test func aStudentWithoutAFinishedAttemptIsListedButNotCounted() throws {
    let report = try Self.report(Self.records())
    #expect(report.quiz == "check")
    #expect(report.students.map(\.user) == ["Ana", "Ben", "Cleo"])
    for name in ["Ben", "Cleo"] {
      let student = try #require(report.students.first { $0.user == name })
      #expect(student.attempts == 1 && student.finishedAttempts == 0 && student.countedAttempts == 0)
      #expect(student.percent == nil && student.passed == nil)
    }
    #expect(report.summary?.attempts == 1)
    #expect(report.students.first?.lessonsDone == 1, "one lesson, finished twice")
  }

  @Test func needsHelpBelowThePassMarkOrOnAWeakTopic() throws {
    let records = [
      F.record("Pass", attempts: [F.attempt(marks: [1, 1, 1, 1, 2])], mastery: ["passwords": 0.9]),
      F.record("Fail", attempts: [F.attempt(marks: [1, 0, 0, 0, 0])], mastery: ["passwords": 0.9]),
      F.record("Weak", attempts: [F.attempt(marks: [1, 1, 1, 1, 2])], mastery: ["passwords": 0.9, "privacy": 0.25]),
      // 33 %, passed under the pass mark of 30 % that the attempt's record keeps.
      F.record(
        "Low",
        attempts: [
          F.attempt(answers: [0.0, 1, 0].enumerated().map { F.answer("l/q\($0.offset + 1)", points: $0.element) }, passed: true)
        ]),
    ]
    let report = try Self.report(records)
    let byName = Dictionary(uniqueKeysWithValues: report.students.map { ($0.user, $0) })
    #expect(byName["Pass"]?.needsHelp == false)
    #expect(byName["Fail"]?.needsHelp == true && byName["Fail"]?.passed == false)
    #expect(byName["Weak"]?.needsHelp == true && byName["Weak"]?.weakTopics == ["privacy"])
    #expect(byName["Low"]?.needsHelp == false && byName["Low"]?.passed == true)
    let privacy = try #require(report.topics.first { $0.topic == "privacy" })
    #expect(privacy.students == 1 && abs(privacy.classMean - 25) < 1e-9)
    let passwords = try #require(report.topics.first { $0.topic == "passwords" })
    #expect(passwords.students == 3 && abs(passwords.classMean - 90) < 1e-9)
  }

  @Test func severalQuizzesWithoutOneChosenGiveAnOverview() throws {
    let records = [
      F.record("Ana", attempts: [F.attempt(marks: [1, 1, 1, 1, 2], quiz: "alpha")]),
      F.record(
        "Ben", attempts: [F.attempt(marks: [1, 1, 1, 1, 2], quiz: "beta"), F.attempt(marks: [0, 0, 0, 0, 0], quiz: "alpha")]),
    ]
    let overview = try Self.report(records)
    #expect(overview.isOverview && overview.quiz == nil)
    #expect(overview.questions.isEmpty && overview.summary == nil)
    #expect(overview.quizzes.map(\.id) == ["alpha", "beta"])
    #expect(overview.quizzes.map(\.students) == [2, 1])
    #expect(overview.students.map(\.attempts) == [1, 2])
    #expect(overview.students.allSatisfy { $0.percent == nil })

    let beta = try Self.report(records, quiz: "beta")
    #expect(beta.quiz == "beta" && beta.summary?.attempts == 1)
    #expect(beta.students.map(\.percent) == [nil, 100])

    #expect(throws: ReportError.unknownQuiz("gamma", available: ["alpha", "beta"])) {
      try Self.report(records, quiz: "gamma")
    }
  }

  @Test func theJSONHasTheKeysTheSchemaDocuments() throws {
    let schemaURL = Checkout.file("Schemas/report.schema.json")
    let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
    let report = try Self.report(
      Self.records() + [F.record("Dan", attempts: [F.attempt(marks: [0, 1, 0, 0, 1])], mastery: ["privacy": 0.4])])
    let json = try #require(try JSONSerialization.jsonObject(with: report.json()) as? [String: Any])

    /// Every required key present, and no key the schema does not describe.
    func check(_ object: [String: Any], against schema: [String: Any], at path: String) throws {
      let properties = try #require(schema["properties"] as? [String: Any], "\(path) has no properties")
      for key in schema["required"] as? [String] ?? [] { #expect(object[key] != nil, "\(path).\(key) missing") }
      for key in object.keys { #expect(properties[key] != nil, "\(path).\(key) not in the schema") }
    }
    let properties = try #require(schema["properties"] as? [String: [String: Any]])
    try check(json, against: schema, at: "report")
    let items = { (name: String) throws -> [String: Any] in
      try #require(properties[name]?["items"] as? [String: Any])
    }
    for student in try #require(json["students"] as? [[String: Any]]) {
      try check(student, against: try items("students"), at: "students[]")
      #expect(student["user"] is String)
      #expect(student.keys.contains("percent"), "percent is null, never left out")
    }
    let questions = try #require(json["questions"] as? [[String: Any]])
    #expect(questions.count == 5)
    for question in questions {
      try check(question, against: try items("questions"), at: "questions[]")
      #expect(question["id"] is String && question["count"] is Int)
      #expect(question.keys.contains("discrimination") && question.keys.contains("discriminativeEfficiency"))
      let facility = try #require(question["facility"] as? Double)
      #expect((0...100).contains(facility))
    }
    for topic in try #require(json["topics"] as? [[String: Any]]) {
      try check(topic, against: try items("topics"), at: "topics[]")
    }
    let summary = try #require(json["summary"] as? [String: Any])
    try check(summary, against: try #require(properties["summary"]), at: "summary")
  }

  @Test func aClassFolderIncludesStudentsKnownOnlyByTheirJournal() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("class-\(UUID().uuidString.prefix(8))").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(throws: ReportError.noRecords(dataFolder: folder)) {
      try ClassFolder(dataFolder: folder).report(quiz: nil, rule: .first, now: F.start)
    }
    let store = FileRecordStore(dataFolder: folder)
    for (name, marks) in [("Ana", [1.0, 1, 1, 1, 2]), ("Ben", [0.0, 0, 1, 0, 0])] {
      let handle = try store.open(displayName: name, now: F.start)
      try handle.update { record in
        record.attempts.append(F.attempt(marks: marks))
        record.profile.lastSeen = F.start.addingTimeInterval(60)  // as every answer does; the journal then names him
      }
      // Ana's shell closes (snapshot written); Ben's is killed: only his journal is left.
      if name == "Ana" { handle.close() }
    }
    let users = URL(fileURLWithPath: folder + "/users")
    let files = try FileManager.default.contentsOfDirectory(atPath: users.path)
    #expect(!files.contains { $0.hasPrefix("ben-") && $0.hasSuffix(".json") }, "\(files)")

    let report = try ClassFolder(dataFolder: folder).report(quiz: nil, rule: .first, now: F.start)
    #expect(report.students.map(\.user) == ["Ana", "Ben"])
    #expect(report.students.map { ($0.percent ?? -1).rounded() } == [100, 17])
    #expect(report.questions.first?.count == 2)
  }

  // MARK: - CSV

  @Test func csvQuotesFieldsAndDefusesFormulas() throws {
    let names = ["=HYPERLINK(\"http://x\",\"y\")", "Smith, Jo", "+1 Kid", "-Minus", "@at", "Quote \"Q\" Marks", "Plain"]
    let records = names.map { F.record($0, attempts: [F.attempt(marks: [1, 1, 0, 0, 0])]) }
    let csv = ClassReportCSV.render(try Self.report(records), timeZone: TimeZone(identifier: "UTC") ?? .current)
    #expect(csv.hasPrefix("\u{FEFF}user,id,attempts,"))
    let lines = csv.dropFirst().components(separatedBy: "\r\n")
    #expect(lines.count == names.count + 2, "header, one row per student, and the final CRLF")
    #expect(lines.last == "")
    #expect(csv.contains("\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","))
    #expect(csv.contains("\r\n\"Smith, Jo\","))
    #expect(csv.contains("\r\n'+1 Kid,"))
    #expect(csv.contains("\r\n'-Minus,"))
    #expect(csv.contains("\r\n'@at,"))
    #expect(csv.contains("\r\n\"Quote \"\"Q\"\" Marks\","))
    #expect(csv.contains("\r\nPlain,"))
    let plain = try #require(lines.first { $0.hasPrefix("Plain,") })
    #expect(plain.components(separatedBy: ",")[5] == "33.3", "the percent column")
  }

  @Test(arguments: [
    ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
    ("=1+1", "'=1+1"), ("-2", "'-2"), ("\tTab", "'\tTab"), ("", ""), ("a=b", "a=b"),
  ])
  func csvCells(_ input: String, _ output: String) {
    #expect(ClassReportCSV.cell(input) == output)
  }

  // MARK: - HTML

  @Test func htmlIsSelfContainedAndEscapesWhatStudentsTyped() throws {
    var records = Self.records()
    records.append(
      F.record(
        "<script>alert(1)</script>",
        attempts: [F.attempt(answers: [F.answer("l/q1", points: 0, response: "<img src=x onerror=alert(2)>")])],
        mastery: ["<b>topic</b>": 0.3]))
    let html = ClassReportHTML.render(try Self.report(records))
    #expect(!html.lowercased().contains("http"), "no network reference, not even an SVG namespace")
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!html.contains("<img"))
    #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
    #expect(!html.contains("<b>topic"))
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.components(separatedBy: "<svg ").count == 4, "histogram, facility chart, heat map")
    #expect(html.hasSuffix("</html>\n"))
  }
}
