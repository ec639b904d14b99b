import Foundation
import SaferCore
import Testing

/// A throw-away world for one test: a HOME, a data folder and a lesson folder holding
/// only `demo-lesson`.
///
/// Every test gets its own, so tests can run in parallel and nothing leaks into the real
/// home folder. The bundled `Lessons/` are deliberately not used for answers: their
/// content changes, this fixture does not.
final class Sandbox: @unchecked Sendable {
  let root: URL
  let home: URL
  let data: URL
  let lessons: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("safer-e2e-\(UUID().uuidString.prefix(8))")
    home = root.appendingPathComponent("home")
    data = root.appendingPathComponent("data")
    lessons = root.appendingPathComponent("lessons")
    for folder in [home, lessons] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    try DemoLesson.yaml.write(to: lessons.appendingPathComponent("demo.yaml"), atomically: true, encoding: .utf8)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// Writes `text` as `name` in the sandbox's lesson folder.
  func addLesson(_ name: String, _ text: String) throws {
    try text.write(to: lessons.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }

  /// `--user NAME --data DATA --lessons LESSONS`: the shell, fully pinned to this sandbox.
  func shellArguments(user: String? = "Ana") -> [String] {
    (user.map { ["--user", $0] } ?? []) + ["--data", data.path, "--lessons", lessons.path]
  }

  /// Runs the binary to completion inside this sandbox (HOME is ours).
  func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> RunResult {
    try BinaryRunner.run(arguments, stdin: stdin, home: home.path, environment: environment)
  }

  var usersFolder: URL { data.appendingPathComponent("users") }

  /// The record id of a student name (`UserID`).
  func recordID(_ name: String = "Ana") -> String { UserID.make(from: name) ?? "" }

  /// The snapshot file of a student (answers since the last compaction are in the journal).
  func recordURL(name: String = "Ana") -> URL { usersFolder.appendingPathComponent("\(recordID(name)).json") }

  /// The journal beside the snapshot.
  func journalURL(name: String = "Ana") -> URL { usersFolder.appendingPathComponent("\(recordID(name)).jsonl") }

  /// The record as plain JSON with its journal replayed, the way a report reads it.
  func record(name: String = "Ana") throws -> [String: Any] {
    let record = try FileRecordStore(dataFolder: data.path).read(displayName: name)
    let bytes = try RecordSerializer().encode(record)
    let object = try JSONSerialization.jsonObject(with: bytes)
    return try #require(object as? [String: Any], "the record of \(name) is not a JSON object")
  }

  /// Every answer of every attempt in the record.
  func answers(name: String = "Ana") throws -> [[String: Any]] {
    let attempts = try record(name: name)["attempts"] as? [[String: Any]] ?? []
    return attempts.flatMap { $0["answers"] as? [[String: Any]] ?? [] }
  }
}

/// The fixture lesson (`Tests/Fixtures/demo-lesson.yaml`): one question of
/// every kind, a branching scenario and closing text.
enum DemoLesson {
  static let yaml = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  /// `Tests/Fixtures/demo-lesson.yaml`, shared with the transcript tests.
  static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/demo-lesson.yaml").path

  /// A run through the lesson taking the short branch (`b` at the scenario): 7 answers.
  /// The order answer is wrong on purpose (shown order is a, c, b), so the summary has
  /// something "to look at again".
  static let shortRun = ["b", "a c", "false", "passphrase", "15", "a b c", "b"]
  static let shortRunQuestionIDs = ["pick", "all", "tf", "word", "num", "steps", "photo"]

  /// The same lesson as `older-lesson`, for ages 14-18.
  static let olderYAML = yaml.replacingOccurrences(of: "id: demo-lesson", with: "id: older-lesson")
    .replacingOccurrences(of: "level: \"10-13\"", with: "level: \"14-18\"")

  /// `demo-quiz`: every question of the demo lesson, pass mark 50%, plus `settings` lines.
  /// The demo quiz, its choices in the file's order (`shuffleAnswers: false`) so that
  /// scripted answers can name the right letters.
  static func quizYAML(_ settings: String = "") -> String {
    "kind: quiz\nid: demo-quiz\ntitle: Demo quiz\nselect: [{lesson: demo-lesson}]\npassMark: 50\nshuffleAnswers: false\n"
      + settings
  }
}

/// Lines that tell the student an answer was taken: each is printed only after the
/// answer is on disk.
enum Verdict {
  static let prefixes = ["✓ Right!", "✗ Not quite.", "◐ Partly right.", "⏱ Time was up"]

  static func count(in output: String) -> Int {
    output.split(separator: "\n", omittingEmptySubsequences: true).reduce(0) { total, line in
      total + (line == "Skipped." || prefixes.contains { line.hasPrefix($0) } ? 1 : 0)
    }
  }
}

/// `text` with the shell's word wrapping undone (lines trimmed and joined by spaces), so a
/// check for a long message does not depend on the terminal width or the temp path length.
func unwrapped(_ text: String) -> String {
  text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
}
