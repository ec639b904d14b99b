import Foundation
import SaferCore
import Testing

/// A live class as a lab runs it: the teacher hosts in one terminal, two students join
/// from theirs (real pseudo-terminals through tmux, over loopback); one student's terminal
/// is killed mid-quiz and joins again; everyone finishes. Then the teacher's results,
/// each student's own record, the class report and the projector page are checked.
@Suite("Live class sessions, end to end", .serialized)
struct LiveClassTests {
  let sandbox: Sandbox
  /// The students' data folder (the teacher's is the sandbox's).
  let studentData: URL

  init() throws {
    sandbox = try Sandbox()
    try sandbox.addLesson("demo-quiz.yaml", DemoLesson.quizYAML("count: 3\n"))
    studentData = sandbox.root.appendingPathComponent("students")
  }

  /// A student's shell joining; `data`: their computer's data folder (default: the lab's).
  func student(_ name: String, joining address: String, _ code: String, data: URL? = nil) throws -> TmuxSession {
    try TmuxSession(
      sandbox: sandbox,
      arguments: [
        "class", "join", address, code, "--user", name, "--data", (data ?? studentData).path, "--lessons",
        sandbox.lessons.path,
      ])
  }

  /// `join 127.0.0.1:PORT CODE` and the projector's key, as the host printed them.
  static func joinDetails(_ screen: String) throws -> (address: String, code: String, key: String) {
    let join = try #require(screen.firstMatch(of: /join (127\.0\.0\.1:\d+) (\d{6})/), "no join line: \(screen)")
    let key = try #require(screen.firstMatch(of: /\?key=([0-9a-f]+)/), "no projector address: \(screen)")
    return (String(join.1), String(join.2), String(key.1))
  }

  @Test func aTeacherHostsTwoStudentsJoinOneIsKilledAndRejoinsAndEveryoneFinishes() throws {
    let host = try TmuxSession(
      sandbox: sandbox,
      arguments: [
        "class", "host", "demo-quiz", "--port", "0", "--bind", "127.0.0.1", "--scoring", "speed", "--data",
        sandbox.data.path, "--lessons", sandbox.lessons.path,
      ])
    defer { host.close() }
    let banner = try host.waitFor(text: "Type next to open question 1")
    let (address, code, key) = try Self.joinDetails(banner)

    let ana = try student("Ana", joining: address, code)
    defer { ana.close() }
    var ben = try student("Ben", joining: address, code)
    defer { ben.close() }
    try ana.waitFor(text: "You joined “Demo quiz” as Ana.")
    try ben.waitFor(text: "You joined “Demo quiz” as Ben.")
    try host.waitFor(text: "+ Ana joined")
    try host.waitFor(text: "+ Ben joined")

    // Someone at another computer with a name already taken is refused, with the reason.
    let impostor = try student("ana", joining: address, code, data: sandbox.root.appendingPathComponent("other"))
    defer { impostor.close() }
    try impostor.waitFor(text: "is already in this class")
    #expect(try impostor.exitStatus() == 0)

    // Question 1: both answer; it closes by itself.
    try host.enter("next")
    try ana.waitFor(text: "Question 1 of 3")
    try ben.waitFor(text: "Question 1 of 3")
    try ana.enter("b")
    try ana.waitFor(text: "✓ Answer received.")
    try ben.enter("a")
    try ben.waitFor(text: "✓ Answer received.")
    try host.waitFor(text: "Question 1 closed (everyone connected answered): 2 of 2 answered.")
    try host.enter("reveal")
    try ana.waitFor(text: "✓ Right! +")
    try ben.waitFor(text: "✗ Not this time.")

    // Question 2: Ben's terminal is killed before he answers; he joins again.
    try host.enter("next")
    try ben.waitFor(text: "Question 2 of 3")
    kill(try ben.shellPID(), SIGKILL)
    ben.close()
    try host.waitFor(text: "− Ben left")
    ben = try student("Ben", joining: address, code)
    try ben.waitFor(text: "Welcome back, Ben.")
    try host.waitFor(text: "↻ Ben is back")
    try ben.waitFor(text: "Question 2 of 3")

    // The classroom screen, in headless Chromium, while question 2 is open.
    try checkProjector(address: address, key: key)

    try ben.enter("a c")
    try ben.waitFor(text: "✓ Answer received.")
    try ana.enter("a b")
    try ana.waitFor(text: "✓ Answer received.")
    try host.waitFor(text: "Question 2 closed (everyone connected answered)")
    try host.enter("reveal")
    try ana.waitFor(text: "Answer: a) Use a password manager")

    // Question 3, then the end.
    try host.enter("next")
    try ana.waitFor(text: "Question 3 of 3")
    try ben.waitFor(text: "Question 3 of 3")
    try ana.enter("false")
    try ben.enter("true")
    try host.waitFor(text: "Question 3 closed")
    try host.enter("reveal")
    try host.waitFor(text: "That was the last question")
    try host.enter("end")
    let summary = try host.waitFor(text: "The class quiz has ended.")
    #expect(summary.contains("Hardest questions"))
    try ana.waitFor(text: "You got 2 of 3 right")
    try ben.waitFor(text: "You got 1 of 3 right")
    #expect(try ana.exitStatus() == 0)
    #expect(try ben.exitStatus() == 0)
    #expect(try host.exitStatus() == 0)

    try checkResults()
    try checkStudentRecords()
    try checkReport()
    try keepForSchemaChecks()
  }

  /// CI validates the files a real class wrote against the published schemas
  /// (`SAFER_KEEP_CLASS_RESULTS=DIR`: the results go to `DIR/classes`, the students'
  /// records to `DIR/users`; see `.ci/run`).
  func keepForSchemaChecks() throws {
    guard let keep = ProcessInfo.processInfo.environment["SAFER_KEEP_CLASS_RESULTS"], !keep.isEmpty else { return }
    let destination = URL(fileURLWithPath: keep)
    try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
    for (from, name) in [
      (sandbox.data.appendingPathComponent("classes"), "classes"), (studentData.appendingPathComponent("users"), "users"),
    ] {
      let target = destination.appendingPathComponent(name)
      try? FileManager.default.removeItem(at: target)
      try FileManager.default.copyItem(at: from, to: target)
    }
  }

  /// The teacher's results file holds every answer, Ben's first one (from the terminal
  /// that was killed) included.
  func checkResults() throws {
    let folder = sandbox.data.appendingPathComponent("classes")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    let json = try #require(files.first { $0.hasSuffix(".json") }, "no results in \(files)")
    #expect(files.contains { $0.hasSuffix(".csv") })
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(json)))
    let results = try #require(object as? [String: Any])
    #expect(results["questionsAsked"] as? Int == 3)
    let students = try #require(results["students"] as? [[String: Any]])
    let answers = Dictionary(
      uniqueKeysWithValues: students.map { ($0["name"] as? String ?? "", ($0["answers"] as? [[String: Any]]) ?? []) })
    #expect(answers["Ana"]?.map { $0["response"] as? String } == ["b", "a b", "false"])
    #expect(answers["Ben"]?.map { $0["response"] as? String } == ["a", "a c", "true"])
    #expect(answers["Ana"]?.map { $0["correct"] as? Bool } == [true, false, true])
    #expect(answers["Ben"]?.map { $0["correct"] as? Bool } == [false, true, false])
  }

  /// Each student's own record: one finished class attempt holding all three answers.
  func checkStudentRecords() throws {
    let store = FileRecordStore(dataFolder: studentData.path)
    for (name, responses) in [("Ana", ["b", "a b", "false"]), ("Ben", ["a", "a c", "true"])] {
      let record = try store.read(displayName: name)
      let attempt = try #require(record.attempts.first { $0.classSession != nil }, "\(name) has no class attempt")
      #expect(attempt.status == .completed)
      #expect(attempt.answers.map(\.response) == responses, "\(name)")
      #expect(record.profile.classJoin != nil)
    }
  }

  /// `safer report` on the teacher's folder counts the class, with no conversion by hand.
  func checkReport() throws {
    let result = try sandbox.run(["report", "--data", sandbox.data.path, "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let students = try #require(report["students"] as? [[String: Any]])
    #expect(Set(students.compactMap { $0["user"] as? String }) == ["Ana", "Ben"])
  }

  /// The projector page, served by the host, rendered by headless Chromium: the open
  /// question with its options and count, drawn in colour.
  func checkProjector(address: String, key: String) throws {
    let browser = try #require(
      ["/usr/bin/chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"]
        .first { FileManager.default.isExecutableFile(atPath: $0) },
      "headless Chromium is not installed: `apt-get install chromium-headless-shell` (scripts/ensure-deps.sh does)")
    let page = "http://\(address)/?key=\(key)"
    let flags = ["--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,720", "--virtual-time-budget=3000"]
    let dom = try Subprocess.run(browser, flags + ["--dump-dom", page])
    for text in ["Question 2 of 3", "Use a password manager", "data-phase=\"open\""] {
      #expect(dom.stdout.contains(text), "the projector page lacks \(text): \(dom.stdout.prefix(2000))")
    }
    let shot = sandbox.root.appendingPathComponent("projector.png")
    let rendered = try Subprocess.run(browser, flags + ["--screenshot=\(shot.path)", page])
    #expect(rendered.status == 0, "\(rendered.output)")
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scripts/png-stats.py")
    let stats = try Subprocess.run("/usr/bin/env", ["python3", script.path, shot.path])
    let figures = try #require(
      try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Double], "\(stats.output)")
    #expect(figures["width"] == 1280)
    #expect((figures["colours"] ?? 0) > 20, "a flat page: \(figures)")
    #expect((figures["saturated"] ?? 0) > 0.01, "no coloured option tiles: \(figures)")
    // Without the key: no page, and no socket.
    let refused = try Subprocess.run(browser, flags + ["--dump-dom", "http://\(address)/"])
    #expect(refused.stdout.contains("for the teacher's screen"))
    #expect(!refused.stdout.contains("Question 2 of 3"))
  }
}
