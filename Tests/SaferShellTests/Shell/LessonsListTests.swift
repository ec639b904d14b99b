import Foundation
import SaferCore
import SaferShell
import Testing

/// `lessons` on a screen too short for the whole list: one line per topic instead.
@Suite struct LessonsListTests {
  static func transcript(_ lines: [String], height: Int?) throws -> String {
    let output = BufferOutput()
    var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
      root.deleteLastPathComponent()
    }
    let bundled = LessonLibrary.load(paths: [root.appendingPathComponent("Lessons").path])
    var environment = ShellEnvironment(
      library: LibraryLoader(bundled), store: MemoryRecordStore(), editor: ScriptedLineEditor(lines: lines),
      output: output, style: Style(enabled: false), width: { 80 }, clock: ManualTime(), userName: "Ana")
    environment.height = { height }
    _ = Shell(environment: environment).run()
    return output.text
  }

  @Test func aListTallerThanTheScreenIsSummarisedByTopic() throws {
    let text = try Self.transcript(["lessons"], height: 35)
    #expect(text.contains("  passwords  2 lessons"))
    #expect(text.contains("`lessons <topic>` for one topic"))
    #expect(!text.contains("passwords-basics"))
    #expect(text.split(separator: "\n").count < 35)
  }

  @Test func oneTopicOrEverythingIsListedInFull() throws {
    let topic = try Self.transcript(["lessons passwords"], height: 35)
    #expect(topic.contains("passwords-basics"))
    let all = try Self.transcript(["lessons all"], height: 35)
    #expect(all.contains("passwords-basics") && all.contains("phishing-basics"))
    let piped = try Self.transcript(["lessons"], height: nil)
    #expect(piped.contains("phishing-basics"), "without a terminal nothing is cut short")
  }
}
