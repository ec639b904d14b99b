import Foundation
import SaferCore
import SaferShell
import Testing

@Suite struct HelplineTests {
  static let lesson = """
    id: help-lesson
    title: Help
    topic: cyberbullying
    level: "10-13"
    objectives: [Know where to get help]
    sources: [{title: Test}]
    steps:
      - explain: If it gets too much, call {{helpline}}.
      - id: who
        kind: truefalse
        prompt: You can talk to {{helpline}} about it.
        answer: true
        feedback: {correct: "Yes: {{helpline}}.", wrong: "You can."}
    """

  @Test func theInstallationsHelplineFillsThePlaceholder() throws {
    let folder = try Fixtures.lessonFolder(extra: ["help.yaml": Self.lesson])
    let output = BufferOutput()
    let shell = Shell(
      environment: ShellEnvironment(
        library: LibraryLoader(LessonLibrary.load(paths: [folder])), store: MemoryRecordStore(),
        editor: ScriptedLineEditor(lines: ["start help-lesson", "true"]), output: output, style: Style(enabled: false),
        settings: InstallationSettings(helpline: "ALO 116 111"), userName: "Ana"))
    _ = shell.run()
    #expect(output.text.contains("If it gets too much, call ALO 116 111."))
    #expect(output.text.contains("You can talk to ALO 116 111 about it."))
    #expect(output.text.contains("Yes: ALO 116 111."))
    #expect(!output.text.contains("{{"))
  }

  @Test func withoutASettingTheDefaultIsShown() throws {
    let folder = try Fixtures.lessonFolder(extra: ["help.yaml": Self.lesson])
    let text = Fixtures.transcript(["start help-lesson"], library: LessonLibrary.load(paths: [folder]))
    #expect(text.contains("116 111 in many countries"))
  }

  @Test func settingsFileAndEnvironment() throws {
    let folder = try Fixtures.lessonFolder()
    let path = folder + "/settings.yaml"
    try "helpline: \"Linja e Këshillimit 116 111\"\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(InstallationSettings.load(path: path, environment: [:]).0.helpline == "Linja e Këshillimit 116 111")
    #expect(InstallationSettings.load(path: path, environment: ["SAFER_HELPLINE": "116 111"]).0.helpline == "116 111")
    try "helpline: x\ncolour: red\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(InstallationSettings.load(path: path, environment: [:]).1.first?.contains("unknown setting `colour`") == true)
    #expect(InstallationSettings.load(path: folder + "/none.yaml", environment: [:]).0 == InstallationSettings())
  }

  @Test func checkWarnsAboutAnUnknownPlaceholder() throws {
    let folder = try Fixtures.lessonFolder(
      extra: ["help.yaml": Self.lesson.replacingOccurrences(of: "call {{helpline}}", with: "call {{hotline}}")])
    let library = LessonLibrary.load(paths: [folder])
    let warning = try #require(library.diagnostics.first { $0.message.contains("{{hotline}}") })
    #expect(warning.severity == .warning)
    #expect(warning.location.line == 8)
  }
}
