import Foundation
import SaferCore
import SaferShell

/// A small lesson using every question kind, independent of the bundled curriculum so
/// that editing `Lessons/` never breaks these tests.
enum Fixtures {
  static let lessonYAML = """
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

  /// Writes the fixture lesson (and any extra files) into a new temporary folder.
  static func lessonFolder(extra: [String: String] = [:]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safer-shell-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try lessonYAML.write(to: folder.appendingPathComponent("demo.yaml"), atomically: true, encoding: .utf8)
    for (name, text) in extra {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return folder.path
  }

  static func library(extra: [String: String] = [:]) throws -> LessonLibrary {
    LessonLibrary.load(paths: [try lessonFolder(extra: extra)])
  }

  /// Runs a whole shell session over `lines` and returns what it printed.
  static func transcript(
    _ lines: [String], library: LessonLibrary, store: any RecordStore = MemoryRecordStore(), user: String? = "Ana",
    width: Int = 80, color: Bool = false
  ) -> String {
    let output = BufferOutput()
    let shell = Shell(
      environment: ShellEnvironment(
        library: library, store: store, editor: ScriptedLineEditor(lines: lines), output: output,
        style: Style(enabled: color), width: { width }, clock: ManualTime(), userName: user))
    _ = shell.run()
    return output.text
  }

  /// Compares with `Transcripts/<name>.txt`; `SAFER_RECORD=1` writes the file instead.
  static func matchesRecorded(_ text: String, name: String, filePath: String = #filePath) throws -> Bool {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
      .appendingPathComponent("Transcripts/\(name).txt")
    // Temporary folders differ per run; hide them.
    let stable = text.replacingOccurrences(of: #"/[^ ]*safer-shell-[^/ ]*"#, with: "<lessons>", options: .regularExpression)
    if ProcessInfo.processInfo.environment["SAFER_RECORD"] != nil || !FileManager.default.fileExists(atPath: url.path) {
      try stable.write(to: url, atomically: true, encoding: .utf8)
      return true
    }
    return try String(contentsOf: url, encoding: .utf8) == stable
  }
}
