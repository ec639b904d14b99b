import Foundation
import Testing

/// Shared classroom computers: the teacher passphrase guards teacher commands, a PIN
/// guards a student's record, and exports and deletions are logged.
@Suite("Privacy on shared computers")
struct PrivacyTests {
  let sandbox: Sandbox
  let passphrase = "correct horse battery"

  init() throws { sandbox = try Sandbox() }

  private func teacher(_ arguments: [String], passphrase: String? = nil, stdin: String = "") throws -> RunResult {
    try sandbox.run(
      arguments + ["--data", sandbox.data.path], stdin: stdin,
      environment: passphrase.map { ["SAFER_TEACHER_PASSPHRASE": $0] } ?? [:])
  }

  @Test func teacherCommandsNeedThePassphraseOnceOneIsSet() throws {
    _ = try sandbox.run(sandbox.shellArguments(user: "Ana"), stdin: "start demo-lesson\nb\n")
    // None set: the command runs and says how to set one.
    let open = try teacher(["records", "export", "Ana"])
    #expect(open.status == 0)
    #expect(open.stderr.contains("no teacher passphrase is set"))

    let set = try sandbox.run(
      ["teacher", "init", "--data", sandbox.data.path], environment: ["SAFER_TEACHER_PASSPHRASE_NEW": passphrase])
    #expect(set.status == 0, "\(set.output)")
    let stored = try String(contentsOf: sandbox.data.appendingPathComponent("teacher.json"), encoding: .utf8)
    #expect(stored.contains("scrypt") && !stored.contains("horse"))

    let refused = try teacher(["records", "export", "Ana"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("needs the teacher passphrase"))
    let report = try teacher(["report"])
    #expect(report.status == 1 && report.stdout.isEmpty, "the class report is the teacher's")
    #expect(try teacher(["report"], passphrase: passphrase).status == 0)
    let wrong = try teacher(["records", "export", "Ana"], passphrase: "wrong horse battery")
    #expect(wrong.status == 1 && wrong.stderr.contains("not the teacher passphrase"))
    #expect(wrong.stdout.isEmpty)

    let exported = try teacher(["records", "export", "Ana"], passphrase: passphrase)
    #expect(exported.status == 0, "\(exported.output)")
    let json = try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any]
    #expect((json?["attempts"] as? [[String: Any]])?.count == 1)

    // Changing the passphrase needs the old one.
    let takeover = try sandbox.run(
      ["teacher", "init", "--data", sandbox.data.path], environment: ["SAFER_TEACHER_PASSPHRASE_NEW": "student was here"])
    #expect(takeover.status == 1)

    let deleted = try teacher(["records", "delete", "Ana", "--yes"], passphrase: passphrase)
    #expect(deleted.status == 0, "\(deleted.output)")
    #expect(!FileManager.default.fileExists(atPath: sandbox.recordURL().path))
    let log = try String(contentsOf: sandbox.data.appendingPathComponent("audit.log"), encoding: .utf8)
    let lines = log.split(separator: "\n")
    #expect(lines.count == 3, "\(log)")
    #expect(lines.last?.hasSuffix("\tdelete\tAna") == true)
  }

  @Test func deletingAsksForTheNameAgain() throws {
    _ = try sandbox.run(sandbox.shellArguments(user: "Ana"), stdin: "start demo-lesson\nb\n")
    let refused = try teacher(["records", "delete", "Ana"], stdin: "Bo\n")
    #expect(refused.status == 1 && refused.stderr.contains("nothing was deleted"))
    #expect(FileManager.default.fileExists(atPath: sandbox.recordURL().path))
    let confirmed = try teacher(["records", "delete", "Ana"], stdin: "ana\n")
    #expect(confirmed.status == 0, "\(confirmed.output)")
    #expect(!FileManager.default.fileExists(atPath: sandbox.recordURL().path))
  }

  @Test func aTeachersQuizSettingsMayLoosenTheFile() throws {
    try sandbox.addLesson("demo-quiz.yaml", DemoLesson.quizYAML("attempts: 1\n"))
    _ = try sandbox.run(
      ["teacher", "init", "--data", sandbox.data.path], environment: ["SAFER_TEACHER_PASSPHRASE_NEW": passphrase])
    let student = try sandbox.run(["quiz", "demo-quiz", "--attempts", "3"] + sandbox.shellArguments(user: "Ana"))
    #expect(unwrapped(student.output).contains("`--attempts 3` was refused"))
    let byTeacher = try sandbox.run(
      ["quiz", "demo-quiz", "--attempts", "3", "--teacher"] + sandbox.shellArguments(user: "Ana"),
      environment: ["SAFER_TEACHER_PASSPHRASE": passphrase])
    #expect(unwrapped(byTeacher.stdout).contains("▶ Demo quiz"), "\(byTeacher.output)")
    let wrong = try sandbox.run(
      ["quiz", "demo-quiz", "--attempts", "3", "--teacher"] + sandbox.shellArguments(user: "Ana"),
      environment: ["SAFER_TEACHER_PASSPHRASE": "nope nope nope"])
    #expect(wrong.status == 1 && !wrong.stdout.contains("▶ Demo quiz"))
  }

  @Test func aPINKeepsClassmatesOutOfARecord() throws {
    let set = try sandbox.run(
      sandbox.shellArguments(user: "Ana"), stdin: "pin\nstart demo-lesson\nb\n", environment: ["SAFER_PIN": "4821"])
    #expect(set.stdout.contains("Your PIN is set."), "\(set.output)")
    let record = try String(contentsOf: sandbox.recordURL(), encoding: .utf8)
    #expect(record.contains("\"pin\":{") && !record.contains("4821"))

    let classmate = try sandbox.run(sandbox.shellArguments(user: "Ana"), stdin: "whoami\n")
    #expect(classmate.status == 1)
    #expect(classmate.output.contains("Ana's record has a PIN"))
    #expect(!classmate.stdout.contains("You are Ana"))
    let guess = try sandbox.run(sandbox.shellArguments(user: "Ana"), stdin: "whoami\n", environment: ["SAFER_PIN": "1234"])
    #expect(guess.status == 1 && guess.output.contains("That PIN is not right."))
    let owner = try sandbox.run(sandbox.shellArguments(user: "Ana"), stdin: "whoami\n", environment: ["SAFER_PIN": "4821"])
    #expect(owner.stdout.contains("You are Ana"), "\(owner.output)")

    let progress = try sandbox.run(["progress", "--user", "Ana", "--data", sandbox.data.path])
    #expect(progress.status == 1 && progress.stderr.contains("this record has a PIN"))
    let own = try sandbox.run(
      ["progress", "--user", "Ana", "--data", sandbox.data.path], environment: ["SAFER_PIN": "4821"])
    #expect(own.status == 0)
  }

  @Test func aRosterAndAnAssignmentReachTheStudentsShell() throws {
    let csv = sandbox.root.appendingPathComponent("class.csv")
    try "Name,Form\nAna,7B\n\"Bo, Jr.\",7B\n".write(to: csv, atomically: true, encoding: .utf8)
    let roster = try sandbox.run(["class", "roster", sandbox.data.path, "--import", csv.path, "--add", "Cai"])
    #expect(roster.status == 0, "\(roster.output)")
    #expect(roster.stdout.contains("3 students on the roster"))
    #expect(roster.stdout.contains("  Bo, Jr.  (no record yet)"))
    let assigned = try sandbox.run(
      ["assign", sandbox.data.path, "demo-lesson", "--due", "2999-12-31", "--lessons", sandbox.lessons.path])
    #expect(assigned.status == 0, "\(assigned.output)")
    let unknown = try sandbox.run(
      ["assign", sandbox.data.path, "demo-lesso", "--due", "2999-12-31", "--lessons", sandbox.lessons.path])
    #expect(unknown.status == 1 && unknown.stderr.contains("Did you mean `demo-lesson`?"))
    let shell = try sandbox.run(sandbox.shellArguments(user: "Ana"), stdin: "whoami\n")
    #expect(unwrapped(shell.stdout).contains("Due 2999-12-31: demo-lesson (“Demo lesson”)."), "\(shell.output)")
    let done = try sandbox.run(
      sandbox.shellArguments(user: "Ana"), stdin: "start demo-lesson\n" + DemoLesson.shortRun.joined(separator: "\n") + "\n")
    #expect(done.status == 0)
    let after = try sandbox.run(sandbox.shellArguments(user: "Ana"), stdin: "whoami\n")
    #expect(!after.stdout.contains("Due 2999-12-31"), "done work is no longer shown")

    // The report tracks both: who has not started, and who has not done the assignment.
    let report = try sandbox.run(["report", "--data", sandbox.data.path, "--json"])
    #expect(report.status == 0, "\(report.output)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
    #expect(json["notStarted"] as? [String] == ["Bo, Jr.", "Cai"])
    let progress = try #require((json["assignments"] as? [[String: Any]])?.first)
    #expect(progress["contentID"] as? String == "demo-lesson" && progress["done"] as? Int == 1)
    #expect(progress["missing"] as? [String] == ["Bo, Jr.", "Cai"])
    let text = try sandbox.run(["report", "--data", sandbox.data.path])
    #expect(unwrapped(text.stdout).contains("demo-lesson, due 2999-12-31: 1 done; not done: Bo, Jr., Cai"))
  }

  /// A teacher sets a student's age group; a 14-18 student then reaches 14-18 lessons.
  @Test func aTeacherSetsAStudentsAgeGroup() throws {
    try sandbox.addLesson("older.yaml", DemoLesson.olderYAML)
    let refused = try sandbox.run(sandbox.shellArguments(user: "Ana"), stdin: "start older-lesson\n")
    #expect(refused.output.contains("is for ages 14-18"))
    let set = try sandbox.run(["class", "band", sandbox.data.path, "Ana", "--band", "14-18"])
    #expect(set.status == 0 && set.stdout.contains("Ana: 14-18"), "\(set.output)")
    let allowed = try sandbox.run(sandbox.shellArguments(user: "Ana"), stdin: "start older-lesson\n")
    #expect(allowed.stdout.contains("▶ Demo lesson"), "\(allowed.output)")
  }
}
