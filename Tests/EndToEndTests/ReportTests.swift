import Foundation
import Testing

/// `safer report` on a data folder written by real piped sessions, read as a teacher's
/// script or spreadsheet would: JSON with JSONSerialization, CSV by its lines.
@Suite("The report command")
struct ReportTests {
  let sandbox: Sandbox

  /// Every question of `demo-lesson`, in the quiz's order.
  static let questionIDs = ["pick", "all", "tf", "word", "num", "steps", "photo", "pressure"].map { "demo-lesson/" + $0 }

  /// Ana: 6 of 8 (75 %); Bo: 1 of 8 after a skip; "Cai, Jr" and "=Dee": 6 of 8; Eli only
  /// started, so is listed but not counted.
  init() throws {
    sandbox = try Sandbox()
    try sandbox.addLesson("demo-quiz.yaml", DemoLesson.quizYAML())
    let good = ["b", "a c", "false", "passphrase", "15", "a b c", "b", "b"]
    let poor = ["a", "skip", "false", "word", "12", "c b a", "a", "b"]
    for (name, answers) in [("Ana", good), ("Bo", poor), ("Cai, Jr", good), ("=Dee", good), ("Eli", ["b", "a c"])] {
      let result = try sandbox.run(
        ["quiz", "demo-quiz"] + sandbox.shellArguments(user: name), stdin: answers.map { $0 + "\n" }.joined())
      #expect(result.status == 0, "\(name): \(result.stderr)")
    }
  }

  private func report(_ options: [String]) throws -> RunResult {
    let result = try sandbox.run(["report", "--data", sandbox.data.path] + options)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    return result
  }

  @Test func jsonHasStudentsAndMoodlesQuestionStatistics() throws {
    let object = try JSONSerialization.jsonObject(with: Data(try report(["--json"]).stdout.utf8))
    let json = try #require(object as? [String: Any])
    #expect(json["quiz"] as? String == "demo-quiz", "the only quiz taken is chosen")
    #expect(json["attempts"] as? String == "first")
    let students = try #require(json["students"] as? [[String: Any]])
    let byName = Dictionary(uniqueKeysWithValues: students.map { ($0["user"] as? String ?? "", $0) })
    #expect(Set(byName.keys) == ["Ana", "Bo", "Cai, Jr", "=Dee", "Eli"])
    #expect(byName["Ana"]?["percent"] as? Double == 75)
    #expect(byName["Bo"]?["percent"] as? Double == 12.5)
    #expect(byName["Bo"]?["needsHelp"] as? Bool == true)
    #expect(byName["Eli"]?["percent"] is NSNull, "started only: listed, not counted")
    #expect(byName["Eli"]?["countedAttempts"] as? Int == 0)

    let questions = try #require(json["questions"] as? [[String: Any]])
    #expect(questions.compactMap { $0["id"] as? String } == Self.questionIDs)
    for question in questions {
      #expect(question["count"] as? Int == 4)
      let facility = try #require(question["facility"] as? Double)
      #expect((0...100).contains(facility))
      #expect(question["discrimination"] is Double || question["discrimination"] is NSNull)
      #expect(question["discriminativeEfficiency"] is Double || question["discriminativeEfficiency"] is NSNull)
    }
    // pick: right for the three good runs, wrong ("a") for Bo: x = 1,0,1,1 — F = 75.
    let pick = try #require(questions.first)
    #expect(pick["facility"] as? Double == 75)
    #expect((pick["wrongResponses"] as? [[String: Any]])?.first?["response"] as? String == "a")
    #expect(questions[1]["skipped"] as? Int == 1)
    let summary = try #require(json["summary"] as? [String: Any])
    #expect(summary["attempts"] as? Int == 4)
  }

  @Test func csvHasAHeaderAndOneQuotedRowPerStudent() throws {
    let csv = try report(["--csv"]).stdout
    #expect(csv.hasPrefix("\u{FEFF}user,id,attempts,finishedAttempts,countedAttempts,percent,"))
    let rows = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(rows.count == 6, "a header and five students: \(rows)")
    #expect(rows.contains { $0.hasPrefix("\"Cai, Jr\",") })
    #expect(rows.contains { $0.hasPrefix("'=Dee,") }, "a name that looks like a formula is defused")
    let ana = try #require(rows.first { $0.hasPrefix("Ana,") }).components(separatedBy: ",")
    #expect(ana[5] == "75.0" && ana[6] == "yes")
  }

  @Test func terminalAndHTML() throws {
    let page = sandbox.root.appendingPathComponent("class.html")
    let text = try report(["--html", page.path]).stdout
    #expect(text.contains("Class report: Demo quiz (demo-quiz)"))
    #expect(text.contains("demo-lesson/pick"))
    #expect(!text.contains("\u{1B}"), "no colour on a pipe")
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains("<svg ") && !html.lowercased().contains("http"))
  }

  /// The HTML report as a teacher sees it: rendered by headless Chromium (Debian's
  /// chromium-headless-shell, which `make test` installs), the screenshot must show text
  /// and coloured charts, and the page's DOM the students and questions.
  @Test func theHTMLReportLooksRightInHeadlessChromium() throws {
    let page = sandbox.root.appendingPathComponent("class.html")
    _ = try report(["--html", page.path])
    let browser = try #require(
      ["/usr/bin/chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"]
        .first { FileManager.default.isExecutableFile(atPath: $0) },
      "headless Chromium is not installed: `apt-get install chromium-headless-shell` (scripts/ensure-deps.sh does)")
    let shot = sandbox.root.appendingPathComponent("class.png")
    let flags = ["--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,1800"]
    let rendered = try Subprocess.run(browser, flags + ["--screenshot=\(shot.path)", page.absoluteString])
    #expect(rendered.status == 0, "\(rendered.output)")
    let dom = try Subprocess.run(browser, flags + ["--dump-dom", page.absoluteString])
    for text in ["Ana", "Cai, Jr", "demo-lesson/pick", "Facility", "<svg"] {
      #expect(dom.stdout.contains(text), "the rendered page lacks \(text)")
    }
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scripts/png-stats.py")
    let stats = try Subprocess.run("/usr/bin/env", ["python3", script.path, shot.path])
    let figures = try #require(
      try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Double], "\(stats.output)")
    #expect(figures["width"] == 1200)
    #expect((figures["nonWhite"] ?? 0) > 0.02, "mostly blank: \(figures)")
    #expect((figures["saturated"] ?? 0) > 0.005, "no coloured charts: \(figures)")
    #expect((figures["rowsWithInk"] ?? 0) > 0.3, "content only at the top: \(figures)")
  }

  @Test func anUnknownQuizAnEmptyFolderOrAnUnwritablePageIsAnError() throws {
    let unknown = try sandbox.run(["report", "--data", sandbox.data.path, "--quiz", "demo-quiz2"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("Quizzes taken: demo-quiz."))
    let empty = try sandbox.run(["report", "--data", sandbox.root.appendingPathComponent("nobody").path])
    #expect(empty.status == 1)
    #expect(empty.stderr.contains("No student records"))
    let page = sandbox.root.appendingPathComponent("no-such-folder/class.html").path
    let unwritable = try sandbox.run(["report", "--data", sandbox.data.path, "--html", page])
    #expect(unwritable.status == 1)
    #expect(unwritable.stderr.contains("Cannot write the report to \(page): "), "\(unwritable.stderr)")
  }
}
