import Foundation
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

  /// `--user NAME --data DATA --lessons LESSONS`: the shell, fully pinned to this sandbox.
  func shellArguments(user: String? = "Ana") -> [String] {
    (user.map { ["--user", $0] } ?? []) + ["--data", data.path, "--lessons", lessons.path]
  }

  /// Runs the binary to completion inside this sandbox (HOME is ours).
  func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> RunResult {
    try BinaryRunner.run(arguments, stdin: stdin, home: home.path, environment: environment)
  }

  var usersFolder: URL { data.appendingPathComponent("users") }

  func recordURL(id: String = "ana") -> URL { usersFolder.appendingPathComponent("\(id).json") }

  /// The record as plain JSON, the way any other tool (or a teacher) would read it.
  func record(id: String = "ana") throws -> [String: Any] {
    let bytes = try Data(contentsOf: recordURL(id: id))
    let object = try JSONSerialization.jsonObject(with: bytes)
    return try #require(object as? [String: Any], "the record of \(id) is not a JSON object")
  }

  /// Every answer of every attempt in the record.
  func answers(id: String = "ana") throws -> [[String: Any]] {
    let attempts = try record(id: id)["attempts"] as? [[String: Any]] ?? []
    return attempts.flatMap { $0["answers"] as? [[String: Any]] ?? [] }
  }
}

/// The fixture lesson (same as `Tests/SaferShellTests/Fixtures.swift`): one question of
/// every kind, a branching scenario and closing text.
enum DemoLesson {
  static let yaml = """
    id: demo-lesson
    title: Demo lesson
    topic: passwords
    level: "10-13"
    minutes: 5
    objectives: [Try every kind of question]
    sources: [{title: Test fixture}]
    steps:
      - explain: |
          A *long* passphrase beats a short one.
          - use random words
          - never reuse `passwords`
      - id: pick
        kind: single
        prompt: Which is strongest?
        choices:
          - {text: "P@ss1", feedback: Too short.}
          - {text: "river candle jump moon", correct: true, feedback: Long and random.}
        hints: [Count the letters., Longer is better.]
      - id: all
        kind: multiple
        prompt: Which are good habits?
        choices:
          - {text: Use a password manager, correct: true, feedback: It remembers for you.}
          - {text: Reuse one password, feedback: One breach opens everything.}
          - {text: Turn on two-step verification, correct: true, feedback: A stolen password is not enough.}
      - id: tf
        kind: truefalse
        prompt: A padlock means the site is honest.
        answer: false
        feedback: {correct: It only means the connection is encrypted., wrong: The padlock is about encryption only.}
      - id: word
        kind: text
        prompt: What do you call a password made of several words?
        accept: [passphrase, pass phrase]
        feedback: {correct: Yes., wrong: It is called a passphrase.}
      - id: num
        kind: number
        prompt: How many characters at least, with no second factor?
        answer: 15
        unit: characters
        feedback: {correct: Right., wrong: NIST says 15.}
      - id: steps
        kind: order
        prompt: Put these in order.
        items: [Screenshot, Block, Report]
        feedback: {correct: Good order., wrong: Evidence first.}
      - id: photo
        kind: scenario
        prompt: A stranger asks for a photo.
        choices:
          - {text: Send it, feedback: Photos spread., next: pressure}
          - {text: Say no and tell an adult, correct: true, feedback: Well done., next: wrap}
      - id: pressure
        kind: scenario
        prompt: They ask for more.
        choices:
          - {text: Stop replying and tell an adult, correct: true, feedback: That is the way out.}
          - {text: Send more, feedback: It never stops there.}
      - id: wrap
        explain: Always tell an adult you trust.
    """

  /// A run through the lesson taking the short branch (`b` at the scenario): 7 answers.
  /// The order answer is wrong on purpose (shown order is a, c, b), so the summary has
  /// something "to look at again".
  static let shortRun = ["b", "a c", "false", "passphrase", "15", "a b c", "b"]
  static let shortRunQuestionIDs = ["pick", "all", "tf", "word", "num", "steps", "photo"]
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
