import Foundation
import SaferCore
import Testing

@testable import SaferShell

/// `lab password` in the shell: the password is read like a PIN (echo off, outside the
/// line editor), and neither shown, kept in the history nor written to the record.
/// The first test compares the screen with `Transcripts/password-lab.txt`; a missing or
/// different recording fails, and `SAFER_RECORD_TRANSCRIPTS=1` writes it instead.
@Suite("The password lab in the shell")
struct PasswordLabTests {
  /// A shell at a terminal whose secret prompts are answered from `secrets` (`nil`:
  /// Ctrl-C); returns the screen (secret prompts included, as `SecretReader` writes them),
  /// the editor and the store.
  static func session(_ lines: [String], secrets: [String?], interactive: Bool = true) -> (
    screen: String, editor: ScriptedLineEditor, store: MemoryRecordStore
  ) {
    let output = BufferOutput()
    let editor = ScriptedLineEditor(lines: lines, interactive: interactive)
    let store = MemoryRecordStore()
    var environment = ShellEnvironment(
      library: LibraryLoader(LessonLibrary.load(paths: [])), store: store, editor: editor, output: output,
      style: Style(enabled: false), width: { 80 }, clock: ManualTime(), userName: "Ana")
    environment.settings.band = .younger
    var remaining = secrets
    environment.readSecret = { prompt in
      // The prompt, and the newline the terminal echoes for Enter (ECHONL).
      output.write(prompt + "\n")
      return remaining.isEmpty ? nil : remaining.removeFirst()
    }
    _ = Shell(environment: environment).run()
    return (output.text, editor, store)
  }

  /// The example passphrase is new each time; the recorded screen shows a placeholder.
  static func stable(_ screen: String) -> String {
    var lines = screen.components(separatedBy: "\n")
    for index in lines.indices.dropFirst() where lines[index - 1].hasPrefix("For example, four words") {
      lines[index] = "    <four random words>"
    }
    return lines.joined(separator: "\n")
  }

  @Test func aWeakPasswordIsExplainedAndNothingOfItIsKept() throws {
    let secrets = ["dragon2010", "Tr0ub4dour&3", "Ana2013!"]
    let (screen, editor, store) = Self.session(["lab password", "lab password", "lab password"], secrets: secrets)
    try Fixtures.expectRecorded(Self.stable(screen), name: "password-lab")
    #expect(screen.contains("Strength: ▕████████░░░░░░░░░░░░▏ 1 of 4: weak"), "\(screen)")
    #expect(screen.contains("⚠ This is a common password with small changes."))
    #expect(screen.contains("Strength: ▕████████████░░░░░░░░▏ 2 of 4: could be stronger"))
    #expect(screen.contains("Swapping letters for look-alikes"))
    #expect(screen.contains("⚠ It has your name in it"), "Ana's own name")
    #expect(screen.components(separatedBy: "your name in it").count == 2, "only in Ana2013!")
    for secret in secrets {
      #expect(!screen.contains(secret))
      #expect(!editor.history.contains { $0.contains(secret) })
      let record = try JSONEncoder().encode(try store.read(displayName: "Ana"))
      #expect(!String(decoding: record, as: UTF8.self).contains(secret))
    }
    #expect(editor.history == ["lab password", "lab password", "lab password"])
  }

  @Test func labAloneNamesTheLabs() {
    #expect(Self.session(["lab"], secrets: []).screen.contains("Labs to try: `lab password`"))
  }

  @Test func aStrongPassphraseIsPraisedWithoutTips() {
    let (screen, _, _) = Self.session(["lab password"], secrets: ["kettle sunrise pocket violin"])
    #expect(screen.contains("4 of 4: very strong"))
    #expect(screen.contains("10 times a second: more than a million years"))
    #expect(!screen.contains("Tips:"))
  }

  @Test func withoutATerminalTheLabRefusesRatherThanEchoing() {
    let (screen, _, _) = Self.session(["lab password"], secrets: ["dragon2010"], interactive: false)
    #expect(screen.contains("The password lab needs a terminal"))
    #expect(!screen.contains("Strength:"))
  }

  @Test func cancellingOrTypingNothingChecksNothing() {
    let cancelled = Self.session(["lab password"], secrets: [nil]).screen
    #expect(cancelled.contains("No password checked."))
    let empty = Self.session(["lab password"], secrets: [""]).screen
    #expect(empty.contains("Nothing typed, so nothing to check."))
  }

  @Test func tabCompletesTheLabName() {
    let shell = Shell(
      environment: ShellEnvironment(
        library: LibraryLoader(LessonLibrary.load(paths: [])), store: MemoryRecordStore(),
        editor: ScriptedLineEditor(lines: []), output: BufferOutput(), style: Style(enabled: false)))
    let completer = ShellCompleter(shell: shell)
    #expect(completer.completions(forLineBeforeCursor: "lab p") == ["password"])
    #expect(completer.completions(forLineBeforeCursor: "la").contains("lab"))
  }

  static let guessWords: [(Double, String)] = [
    (3, "only about 3"), (220, "about 200"), (23_456, "about 20 thousand"), (960_000, "about 1 million"),
    (4.2e9, "about 4 billion"), (3e14, "about 300 trillion"), (2.7e20, "more than 1 followed by 20 zeros"),
  ]

  @Test(arguments: guessWords)
  func guessesAreSaidInWords(guesses: Double, words: String) {
    #expect(QuestionRenderer.guessCount(guesses) == words)
  }

  static let day = 86_400.0
  static let timeWords: [(Double, String)] = [
    (0.2, "less than a second"), (1, "about 1 second"), (150, "about 3 minutes"), (7_200, "about 2 hours"),
    (day * 40, "about 1 month"), (day * 31 * 12 * 5, "about 5 years"), (day * 31 * 12 * 500, "more than a hundred years"),
    (1e20, "more than a million years"),
  ]

  @Test(arguments: timeWords)
  func crackTimesAreSaidInWords(seconds: Double, words: String) {
    #expect(QuestionRenderer.crackTime(seconds) == words)
  }
}
