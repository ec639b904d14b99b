import Foundation
import SaferCore
import SaferShell

/// Reads `Tests/Fixtures/demo-lesson.yaml`, the lesson both test layers use.
enum DemoLessonFile {
  static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/demo-lesson.yaml").path
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
