import Foundation
import SaferCore
import Testing

@testable import SaferShell

/// Whole shell sessions: lines in, screen text out. Some compare the whole screen with a
/// recording in `Transcripts/` (`Fixtures.expectRecorded`). A missing or different
/// recording fails the test; to write recordings, run with `SAFER_RECORD_TRANSCRIPTS=1`
/// (e.g. `SAFER_RECORD_TRANSCRIPTS=1 swift test --filter wholeLessonWithEveryKindOfQuestion`),
/// then read the new file and commit it.
@Suite struct ShellTranscriptTests {
  @Test func wholeLessonWithEveryKindOfQuestion() throws {
    let text = Fixtures.transcript(
      ["start demo-lesson", "hint", "hint", "hint", "b", "a", "false", "Pass-Phrase!", "15", "zz", "a b c", "a", "a"],
      library: try Fixtures.library())
    try Fixtures.expectRecorded(text, name: "whole-lesson")
    #expect(text.contains("Count the letters. (hint 1 of 2)"))
    #expect(text.contains("No more hints for this question."))
    #expect(text.contains("◐ Partly right."))
    #expect(text.contains("Put every letter in order, each once"))
    #expect(text.contains("— finished"))
    #expect(text.contains("They ask for more."), "choosing `a` in the scenario leads to its `next` step")
  }

  /// The history (Up arrow, the history file) keeps commands, never answers: the next
  /// student at the computer cannot scroll back through them.
  @Test func historyKeepsCommandsNotAnswers() throws {
    let editor = ScriptedLineEditor(lines: ["start demo-lesson", "b", "hint", "a c", "progress"], interactive: false)
    let shell = Shell(
      environment: ShellEnvironment(
        library: LibraryLoader(try Fixtures.library()), store: MemoryRecordStore(), editor: editor, output: BufferOutput(),
        style: Style(enabled: false), width: { 80 }, clock: ManualTime(), userName: "Ana"))
    _ = shell.run()
    #expect(editor.history == ["start demo-lesson", "hint", "progress"])
  }

  /// "Due Friday 15 Jan" within the week, the teacher's date further out.
  @Test func dueDatesReadAsDaysWhenTheyAreNear() throws {
    let now = try #require(Assignment.day("2027-01-12"))
    #expect(Shell.dueText("2027-01-15", now: now) == "Friday 15 Jan")
    #expect(Shell.dueText("2027-03-01", now: now) == "2027-03-01")
  }

  @Test func unknownCommandSuggestsTheNearest() throws {
    let text = Fixtures.transcript(["strat demo-lesson", "halp", "xyzzy"], library: try Fixtures.library())
    #expect(text.contains("Unknown command `strat`. Did you mean `start`?"))
    #expect(text.contains("Did you mean `help`?"))
    #expect(text.contains("Type `help` to see the commands."))
  }

  @Test func typingALessonIdExplainsHowToStartIt() throws {
    let text = Fixtures.transcript(["demo-lesson"], library: try Fixtures.library())
    #expect(text.contains("type `start demo-lesson`"))
  }

  @Test func resumeContinuesInANewSessionAndResetStartsOver() throws {
    let library = try Fixtures.library()
    let store = MemoryRecordStore()
    _ = Fixtures.transcript(["start demo-lesson", "b", "a c"], library: library, store: store)
    let second = Fixtures.transcript(["resume"], library: library, store: store)
    #expect(second.contains("Continuing “Demo lesson” at question 3 of 8"))
    #expect(second.contains("A padlock means the site is honest."))
    let third = Fixtures.transcript(["reset demo-lesson"], library: library, store: store)
    #expect(third.contains("Starting “demo-lesson” again from the beginning"))
    #expect(third.contains("Question 1 of 8"))
    let record = try store.read(displayName: "Ana")
    #expect(record.attempts.map(\.status) == [.abandoned, .inProgress])
    #expect(record.attempts[0].answers.count == 2, "earlier answers stay in the record")
  }

  @Test func finishedLessonCanBeTakenAgain() throws {
    let library = try Fixtures.library()
    let store = MemoryRecordStore()
    let answers = ["b", "a c", "false", "passphrase", "15"]
    let order = try #require(orderAnswer(library))
    _ = Fixtures.transcript(["start demo-lesson"] + answers + [order, "b"], library: library, store: store)
    let again = Fixtures.transcript(["start demo-lesson", "progress"], library: library, store: store)
    #expect(again.contains("Question 1 of 8"))
    let record = try store.read(displayName: "Ana")
    #expect(record.attempts.count == 2)
    #expect(record.attempts[0].status == .completed)
    #expect(record.attempts[0].score == 7)
  }

  @Test func commandsWorkWhileAQuestionIsOpen() throws {
    let text = Fixtures.transcript(
      ["start demo-lesson", "again", "whoami", "skip", "help skip"], library: try Fixtures.library())
    #expect(text.components(separatedBy: "Which is strongest?").count == 3, "`again` shows the question again")
    #expect(text.contains("You are Ana (id `\(UserID.make(from: "Ana") ?? "")`)."))
    #expect(text.contains("Skipped."))
    #expect(text.contains("skip the current question"))
  }

  @Test func pipedSessionWithoutUserReadsTheNameFromTheFirstLine() throws {
    let text = Fixtures.transcript(["Elvin", "whoami"], library: try Fixtures.library(), user: nil)
    #expect(text.contains("You are Elvin (id `\(UserID.make(from: "Elvin") ?? "")`)."))
  }

  @Test func brokenLessonFileIsNamedOnceAndTheRestLoads() throws {
    let library = try Fixtures.library(extra: ["broken.yaml": "id: [oops\n"])
    let text = Fixtures.transcript(["lessons"], library: library)
    #expect(text.components(separatedBy: "broken.yaml").count == 2)
    #expect(text.contains("demo-lesson"))
  }

  @Test func lessonTextCannotInjectEscapeSequences() throws {
    let hostile = Fixtures.lessonYAML
      .replacingOccurrences(of: "title: Demo lesson", with: "title: \"Demo \\e]0;pwned\\a\\e[2J lesson\"")
      .replacingOccurrences(of: "prompt: Which is strongest?", with: "prompt: \"Which \\e[31mis\\u009b strongest?\"")
    let folder = try Fixtures.lessonFolder()
    try hostile.write(toFile: folder + "/demo.yaml", atomically: true, encoding: .utf8)
    let text = Fixtures.transcript(
      ["start demo-lesson", "progress", "start \u{1B}]0;x\u{7}", "user \u{1B}[2J\u{9B}1m"],
      library: LessonLibrary.load(paths: [folder]))
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
    #expect(text.contains("Which [31mis strongest?"))
    // A name with escape sequences is refused, and the refusal does not echo them.
    let refused = Fixtures.transcript(["whoami"], library: LessonLibrary.load(paths: [folder]), user: "Ana\u{1B}[2J\u{7}")
    #expect(refused.contains("cannot contain control characters"))
    #expect(!refused.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
  }

  @Test(arguments: [24, 40, 63])
  func outputWrapsToTheTerminalWidth(width: Int) throws {
    let wide = Fixtures.lessonYAML.replacingOccurrences(
      of: "A *long* passphrase beats a short one.",
      with: "Çdo fëmijë në Tiranë dhe Bakı duhet të dijë: 你好世界你好世界你好世界你好世界 a very long explanation line.")
    let folder = try Fixtures.lessonFolder()
    try wide.write(toFile: folder + "/demo.yaml", atomically: true, encoding: .utf8)
    let text = Fixtures.transcript(["start demo-lesson", "help"], library: LessonLibrary.load(paths: [folder]), width: width)
    for line in text.split(separator: "\n") {
      #expect(DisplayWidth.visible(String(line)) <= width, "too wide: \(line)")
    }
  }

  private func orderAnswer(_ library: LessonLibrary) -> String? {
    guard let question = library.lesson(id: "demo-lesson")?.questions.first(where: { $0.id == "steps" }) else { return nil }
    let display = Grader.displayOrder(of: question)
    return (0..<display.count).compactMap { item in display.firstIndex(of: item).map(Grader.letter) }.joined(separator: " ")
  }
}
