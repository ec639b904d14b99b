import Foundation
import SaferCore
import SaferShell
import Testing

/// `Tests/SaferShellTests`, the folder of this test target (this file is in its `Support/`).
enum TestTarget {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
}

/// Reads `Tests/Fixtures/demo-lesson.yaml`, the lesson both test layers use.
enum DemoLessonFile {
  static let path = TestTarget.folder.deletingLastPathComponent().appendingPathComponent("Fixtures/demo-lesson.yaml")
    .path
  // The file is part of the repository; a test run without it cannot mean anything.
  static let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}

/// A small lesson using every question kind, independent of the bundled curriculum so
/// that editing `Lessons/` never breaks these tests.
enum Fixtures {
  /// Shared with the end-to-end tests: `Tests/Fixtures/demo-lesson.yaml`.
  static let lessonYAML = DemoLessonFile.text

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
        library: LibraryLoader(library), store: store, editor: ScriptedLineEditor(lines: lines), output: output,
        style: Style(enabled: color), width: { width }, clock: ManualTime(), userName: user))
    _ = shell.run()
    return output.text
  }

  /// `Tests/SaferShellTests/Shell/Transcripts/`, the recorded screens.
  static let transcriptsFolder = TestTarget.folder.appendingPathComponent("Shell/Transcripts")

  /// The environment variable that writes recordings instead of comparing with them.
  static let recordVariable = "SAFER_RECORD_TRANSCRIPTS"

  /// Compares `text` with the recording `Shell/Transcripts/<name>.txt` and records a test
  /// failure if they differ, naming the first line that does. A missing recording fails
  /// too: with `SAFER_RECORD_TRANSCRIPTS=1` in the environment the file is written (or
  /// rewritten) instead, to be read and committed like any other change.
  static func expectRecorded(
    _ text: String, name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let url = transcriptsFolder.appendingPathComponent("\(name).txt")
    let shown = "Tests/SaferShellTests/Shell/Transcripts/\(name).txt"
    // Temporary folders differ per run; hide them.
    let stable = text.replacingOccurrences(of: #"/[^ ]*safer-shell-[^/ ]*"#, with: "<lessons>", options: .regularExpression)
    if ProcessInfo.processInfo.environment[recordVariable] == "1" {
      try stable.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard FileManager.default.fileExists(atPath: url.path) else {
      let test = Test.current.map { String($0.name.prefix { $0 != "(" }) } ?? "<test name>"
      Issue.record(
        """
        No recording \(shown). To write it, run `\(recordVariable)=1 swift test --filter \(test)`, \
        then read the file and commit it.
        """, sourceLocation: sourceLocation)
      return
    }
    let recorded = try String(contentsOf: url, encoding: .utf8)
    guard recorded != stable else { return }
    let old = recorded.components(separatedBy: "\n")
    let new = stable.components(separatedBy: "\n")
    let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
    let was = line < old.count ? old[line] : "(end of file)"
    let now = line < new.count ? new[line] : "(end of screen)"
    Issue.record(
      """
      The screen differs from \(shown) at line \(line + 1):
        recorded: \(was)
        now:      \(now)
      If the change is meant, rerun with `\(recordVariable)=1` to rewrite the recording and review its diff.
      """, sourceLocation: sourceLocation)
  }
}
