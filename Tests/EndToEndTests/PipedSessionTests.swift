import Foundation
import Testing

/// The binary as scripts, teachers and CI use it: piped sessions and the `check`,
/// `lessons` and `progress` commands, checked through their output, exit status and the
/// record files they leave (read with JSONSerialization, as any outside tool would).
@Suite("Piped sessions and commands")
struct PipedSessionTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  /// `printf 'start demo-lesson\nb\n…' | safer --user ana …`
  private func pipedSession(_ lines: [String], user: String = "ana") throws -> RunResult {
    try sandbox.run(sandbox.shellArguments(user: user), stdin: lines.map { $0 + "\n" }.joined())
  }

  private func json(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any], "not a JSON object: \(text)")
  }

  @Test func aWholePipedSessionPrintsTheSummaryAndSavesEveryAnswer() throws {
    let result = try pipedSession(["start demo-lesson"] + DemoLesson.shortRun)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let shown = unwrapped(result.stdout)
    #expect(shown.contains("━━ Demo lesson — finished ━━"))
    #expect(shown.contains("Score: 6 / 7 (86%)"))
    #expect(shown.contains("Saved: 7 answers this session in \(sandbox.recordURL().path)"))
    #expect(!result.stdout.contains("›"), "no prompts when stdin is a pipe")
    #expect(!result.stdout.contains("\u{1B}"), "no colour when stdin is a pipe")

    let record = try sandbox.record()
    #expect(record["schemaVersion"] as? Int == 2)
    #expect((record["profile"] as? [String: Any])?["id"] as? String == sandbox.recordID())
    let attempts = try #require(record["attempts"] as? [[String: Any]])
    #expect(attempts.count == 1)
    let attempt = try #require(attempts.first)
    #expect(attempt["contentID"] as? String == "demo-lesson")
    #expect(attempt["status"] as? String == "completed")
    #expect(attempt["score"] as? Double == 6)
    #expect(attempt["maxScore"] as? Double == 7)
    let answers = try #require(attempt["answers"] as? [[String: Any]])
    #expect(answers.compactMap { $0["questionID"] as? String } == DemoLesson.shortRunQuestionIDs)
    #expect(answers.compactMap { $0["correct"] as? Bool } == [true, true, true, true, true, false, true])
    #expect(answers.first?["response"] as? String == "b")
  }

  @Test func checkPrintsEachProblemWithItsPlaceAndFails() throws {
    let folder = sandbox.root.appendingPathComponent("broken-lessons")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try DemoLesson.yaml.write(to: folder.appendingPathComponent("demo.yaml"), atomically: true, encoding: .utf8)
    try "id: [oops\n".write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
    let badNext = DemoLesson.yaml.replacingOccurrences(of: "id: demo-lesson", with: "id: bad-next")
      .replacingOccurrences(of: "next: wrap", with: "next: nowhere")
    try badNext.write(to: folder.appendingPathComponent("bad-next.yaml"), atomically: true, encoding: .utf8)

    let result = try sandbox.run(["check", folder.path])
    #expect(result.status == 1)
    let errors = result.stdout.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
    let shape = /^(.+):(\d+):(\d+): error: .+$/
    for line in errors {
      let match = try #require(line.wholeMatch(of: shape), "not file:line:column: error: message — \(line)")
      #expect(FileManager.default.fileExists(atPath: String(match.1)), "names a real file: \(line)")
      #expect((Int(match.2) ?? 0) >= 1 && (Int(match.3) ?? 0) >= 1)
    }
    #expect(errors.contains { $0.hasPrefix(folder.appendingPathComponent("broken.yaml").path + ":") }, "\(result.stdout)")
    #expect(errors.contains { $0.hasPrefix(folder.appendingPathComponent("bad-next.yaml").path + ":") && $0.contains("nowhere") })
    #expect(!errors.contains { $0.contains("/demo.yaml:") }, "the good file has no errors")
  }

  @Test func checkPassesOnTheBundledLessons() throws {
    let lessons = SaferBinary.packageRoot.appendingPathComponent("Lessons")
    let result = try sandbox.run(["check", lessons.path])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(!result.stdout.contains(": error: "))
    #expect(result.stderr.contains("0 errors"))
  }

  @Test func lessonsJSONDescribesEveryLesson() throws {
    let second = """
      id: second-lesson
      title: Second lesson
      topic: fraud
      level: "14-18"
      minutes: 3
      objectives: [Spot a scam]
      sources: [{title: Test fixture}]
      steps:
        - id: only
          kind: single
          prompt: Is a prize you never entered for real?
          choices:
            - {text: "Yes", feedback: Nobody wins a draw they did not enter.}
            - {text: "No", correct: true, feedback: Right.}
      """
    try second.write(to: sandbox.lessons.appendingPathComponent("second.yaml"), atomically: true, encoding: .utf8)
    let result = try sandbox.run(["lessons", "--json", "--lessons", sandbox.lessons.path])
    #expect(result.status == 0, "\(result.stderr)")
    let lessons = try #require(try json(result.stdout)["lessons"] as? [[String: Any]])
    #expect(lessons.count == 2)
    for lesson in lessons {
      for key in ["id", "title", "topic", "level"] { #expect(lesson[key] is String, "\(key) in \(lesson)") }
      #expect(lesson["questionCount"] is Int)
    }
    let byID = Dictionary(uniqueKeysWithValues: lessons.map { ($0["id"] as? String ?? "", $0) })
    let demo = try #require(byID["demo-lesson"])
    #expect(demo["title"] as? String == "Demo lesson")
    #expect(demo["topic"] as? String == "passwords")
    #expect(demo["level"] as? String == "10-13")
    #expect(demo["questionCount"] as? Int == 8)
    #expect(byID["second-lesson"]?["questionCount"] as? Int == 1)
    #expect(byID["second-lesson"]?["level"] as? String == "14-18")
  }

  @Test func progressJSONAfterASession() throws {
    _ = try pipedSession(["start demo-lesson"] + DemoLesson.shortRun + ["start demo-lesson", "a"])
    let result = try sandbox.run([
      "progress", "--user", "ana", "--json", "--data", sandbox.data.path, "--lessons", sandbox.lessons.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try json(result.stdout)
    #expect(report["user"] as? String == sandbox.recordID())
    #expect(report["totalAnswers"] as? Int == 8)
    let items = try #require(report["items"] as? [[String: Any]])
    let demo = try #require(items.first { $0["id"] as? String == "demo-lesson" })
    #expect(demo["status"] as? String == "in-progress", "a second attempt is open")
    #expect(demo["completedAttempts"] as? Int == 1)
    #expect(demo["answered"] as? Int == 1)
    let topics = try #require(report["topics"] as? [[String: Any]])
    #expect(topics.first?["topic"] as? String == "passwords")
    #expect(topics.first?["questionsAnswered"] as? Int == 7)
  }

  @Test func progressForAnUnknownStudentFails() throws {
    let result = try sandbox.run(["progress", "--user", "nobody", "--data", sandbox.data.path, "--lessons", sandbox.lessons.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("No record for “nobody” yet."), "\(result.stderr)")
  }

  @Test func aCorruptRecordIsMovedAsideAndANewOneWorks() throws {
    let garbage = "{\"schemaVersion\": 1, \"profile\": oops — not JSON \u{0}\n"
    try FileManager.default.createDirectory(at: sandbox.usersFolder, withIntermediateDirectories: true)
    try garbage.write(to: sandbox.recordURL(), atomically: true, encoding: .utf8)

    let result = try pipedSession(["start demo-lesson", "b"])
    #expect(result.status == 0)
    #expect(unwrapped(result.output).contains("was damaged and could not be read. It was moved to"), "\(result.output)")

    let files = try FileManager.default.contentsOfDirectory(atPath: sandbox.usersFolder.path)
    let aside = files.filter { $0.hasPrefix(sandbox.recordID() + ".corrupt-") && $0.hasSuffix(".json") }
    #expect(aside.count == 1, "files: \(files)")
    if let name = aside.first {
      #expect(try String(contentsOf: sandbox.usersFolder.appendingPathComponent(name), encoding: .utf8) == garbage)
      #expect(unwrapped(result.output).contains(name), "the message names the file")
    }
    #expect(try sandbox.answers().count == 1, "the new record took the answer")
    let progress = try sandbox.run([
      "progress", "--user", "ana", "--json", "--data", sandbox.data.path, "--lessons", sandbox.lessons.path,
    ])
    #expect(try json(progress.stdout)["totalAnswers"] as? Int == 1)
  }

  @Test func aNameWithSlashesStaysInsideTheUsersFolder() throws {
    let result = try pipedSession(["start demo-lesson", "b"], user: "../../evil")
    #expect(result.status == 0, "\(result.output)")
    #expect(FileManager.default.fileExists(atPath: sandbox.recordURL(name: "../../evil").path))
    #expect((try sandbox.record(name: "../../evil")["profile"] as? [String: Any])?["displayName"] as? String == "../../evil")

    // Nothing named after the student anywhere else in the sandbox (DATA/../.. included).
    let everything =
      FileManager.default.enumerator(at: sandbox.root, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL } ?? []
    let outside = everything.filter { $0.lastPathComponent.contains("evil") }
      .filter { $0.deletingLastPathComponent().standardizedFileURL.path != sandbox.usersFolder.standardizedFileURL.path }
    #expect(outside.isEmpty, "written outside DATA/users: \(outside.map(\.path))")
    #expect(
      !FileManager.default.fileExists(atPath: sandbox.root.deletingLastPathComponent().appendingPathComponent("evil.json").path))
  }

  /// A 10 MB line (a pasted file, a runaway script) is refused at once, without holding it
  /// in memory, and the lines after it still work.
  @Test func aTenMegabyteLineIsRefusedAndTheSessionGoesOn() throws {
    let huge = "start " + String(repeating: "x", count: 10_000_000)
    let started = Date()
    let result = try pipedSession([huge, "start demo-lesson", "b"])
    #expect(Date().timeIntervalSince(started) < 15)
    #expect(result.status == 0, "\(result.output)")
    #expect(unwrapped(result.output).contains("That line is too long: lines are limited to 4096 bytes. It was ignored."))
    #expect(result.output.count < 10_000, "the line is not echoed back")
    #expect(Verdict.count(in: result.stdout) == 1)
  }

  /// Piped input without `--user` is refused, rather than its first line taken for a name.
  @Test func pipedInputNeedsANamedStudent() throws {
    let result = try sandbox.run(["--data", sandbox.data.path, "--lessons", sandbox.lessons.path], stdin: "whoami\n")
    #expect(result.status == 2)
    #expect(result.stderr.contains("--user NAME (or SAFER_USER=NAME)"))
    #expect(!FileManager.default.fileExists(atPath: sandbox.usersFolder.path), "nobody called whoami was created")
    let named = try sandbox.run(
      ["--data", sandbox.data.path, "--lessons", sandbox.lessons.path], stdin: "whoami\n",
      environment: ["SAFER_USER": "Ana"])
    #expect(named.status == 0 && named.stdout.contains("Ana"))
  }

  /// The argument parser's errors quote what was typed: escape sequences are neutralised
  /// and a huge argument is clipped.
  @Test func commandLineErrorsAreTerminalSafeAndBounded() throws {
    let result = try sandbox.run(["\u{1B}]0;pwned\u{07}", String(repeating: "x", count: 100_000)])
    #expect(result.status == 64)
    #expect(result.output.contains("unexpected argument"))
    #expect(!result.output.contains("\u{1B}") && !result.output.contains("\u{07}"))
    #expect(result.output.count < 2_000)
  }
}
