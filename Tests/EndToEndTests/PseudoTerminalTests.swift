import Foundation
import Testing

/// What a student sees: the real binary on a real pseudo-terminal (through tmux), so
/// libedit's prompt, Tab completion, history, Ctrl-C, Ctrl-D and colour are all in play.
///
/// Each test has its own sandbox (HOME, data, lessons) and its own tmux server. Waits
/// poll the screen; the last line is where the shell waits for input, so checking it
/// ("Ana › ") also proves the shell is ready before the next key is sent.
@Suite("Pseudo-terminal sessions")
struct PseudoTerminalTests {
  let sandbox: Sandbox
  static let prompt = "Ana › "

  init() throws { sandbox = try Sandbox() }

  /// A shell for Ana (unless `user` says otherwise), waiting at its first prompt.
  private func openShell(
    user: String? = "Ana", waitForPrompt: Bool = true, environment: [String: String] = [:]
  ) throws -> TmuxSession {
    let shell = try TmuxSession(sandbox: sandbox, arguments: sandbox.shellArguments(user: user), environment: environment)
    if user != nil && waitForPrompt { try shell.waitForLastLine(Self.prompt) }
    return shell
  }

  /// Starts the demo lesson and waits for its first question.
  private func startLesson(in shell: TmuxSession) throws {
    try shell.enter("start demo-lesson")
    try shell.waitForLastLine("Ana · demo-lesson 1/8 › ")
  }

  @Test func asksForANameThenWhoamiShowsTheRecord() throws {
    let shell = try openShell(user: nil)
    defer { shell.close() }
    try shell.waitFor(text: "Who is there? Type your name")
    try shell.waitForLastLine("name › ")
    try shell.enter("Ana")
    try shell.waitFor(text: "Hello, Ana!")
    try shell.waitForLastLine(Self.prompt)
    try shell.enter("whoami")
    try shell.waitFor(text: "You are Ana (id `\(sandbox.recordID())`). Your record: \(sandbox.recordURL().path)")
  }

  @Test func tabCompletesACommandAndThenALessonID() throws {
    let shell = try openShell()
    defer { shell.close() }
    try shell.type("sta")
    try shell.press("Tab")
    try shell.waitForLastLine("Ana › start ")
    try shell.type("dem")
    try shell.press("Tab")
    try shell.waitForLastLine("Ana › start demo-lesson ")
    try shell.press("Enter")
    try shell.waitFor(text: "Question 1 of 8")
    try shell.waitForLastLine("Ana · demo-lesson 1/8 › ")
  }

  /// A file name with spaces: Tab writes it escaped, as a shell does, and `quiz` reads it
  /// so (or quoted).
  @Test func tabCompletesAFileNameWithSpacesEscaped() throws {
    let folder = sandbox.root.appendingPathComponent("my banks")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "::Padlock::Does a padlock prove a site is safe? {F}\n"
      .write(to: folder.appendingPathComponent("Class Quiz.gift"), atomically: true, encoding: .utf8)
    let shell = try openShell()
    defer { shell.close() }
    try shell.type("quiz \(sandbox.root.path)/my")
    try shell.press("Tab")
    try shell.waitForLastLine("Ana › quiz \(sandbox.root.path)/my\\ banks/")
    try shell.type("Cl")
    try shell.press("Tab")
    try shell.waitForLastLine("Ana › quiz \(sandbox.root.path)/my\\ banks/Class\\ Quiz.gift ")
    try shell.press("Enter")
    try shell.waitFor(text: "Does a padlock prove a site is safe?")
    try shell.enter("false")
    try shell.waitFor(text: "✓ Right!")
    try shell.enter("quiz \"\(folder.path)/Class Quiz.gift\"")
    try shell.waitFor(text: "Class Quiz — finished")
  }

  /// Plain mode at 40 columns, as a braille display or screen reader user runs it: no
  /// symbol, bar or colour on the screen, progress and verdicts in words, nothing wider
  /// than the terminal.
  @Test func plainModeAtFortyColumnsHasWordsOnly() throws {
    let shell = try TmuxSession(
      sandbox: sandbox, arguments: sandbox.shellArguments(user: "Ana") + ["--plain"], columns: 40)
    defer { shell.close() }
    try shell.waitForLastLine("Ana > ")
    try shell.enter("start demo-lesson")
    try shell.waitForLastLine("Ana, demo-lesson question 1 of 8 > ")
    try shell.enter("hint")
    try shell.waitFor(text: "Hint: ")
    try shell.waitForLastLine("Ana, demo-lesson question 1 of 8 > ")
    try shell.enter("b")
    try shell.waitFor(text: "Right!")
    try shell.waitForLastLine("Ana, demo-lesson question 2 of 8 > ")
    try shell.enter("progress")
    _ = try shell.waitFor(text: "in progress")
    try shell.waitForLastLine("Ana, demo-lesson question 2 of 8 > ")
    // Colours as escape sequences, lines the terminal had to wrap joined again.
    let screen = try shell.screen(escapes: true)
    #expect(screen.contains("percent"))
    let symbols = screen.unicodeScalars.filter { $0.value >= 0x2010 && !"“”’‘".unicodeScalars.contains($0) }
    #expect(symbols.isEmpty, "symbols on a plain screen: \(String(String.UnicodeScalarView(symbols)))")
    #expect(!screen.contains("\u{1B}["), "no colour")
    let tooWide = screen.split(separator: "\n").filter {
      !$0.hasPrefix("Ana") && $0.trimmingCharacters(in: .whitespaces).count > 40  // typed lines aside
    }
    #expect(tooWide.isEmpty, "lines the terminal had to wrap: \(tooWide)")
  }

  @Test func tabListsTheCandidatesWhenThereAreSeveral() throws {
    let shell = try openShell()
    defer { shell.close() }
    try shell.type("h")
    try shell.press("Tab")
    // `help` and `hint` share only the `h` already typed: the shell lists them in columns
    // and draws the prompt again with the line as it was.
    let screen = try shell.waitFor("the list of `h` commands") { screen in
      screen.split(separator: "\n").contains { $0.hasPrefix("help") && $0.contains("hint") }
    }
    #expect(!screen.contains("hash"))
    try shell.waitForLastLine("Ana › h")
  }

  @Test func answeringAQuestionShowsTheVerdictAndTheNextQuestion() throws {
    let shell = try openShell()
    defer { shell.close() }
    try startLesson(in: shell)
    try shell.enter("b")
    try shell.waitFor(text: "✓ Right! +1 of 1")
    try shell.waitForLastLine("Ana · demo-lesson 2/8 › ")
    try shell.enter("b")
    // The verdict comes first, then feedback and the right answer: wait for the last.
    let screen = try shell.waitFor(text: "Right answer: a) Use a password manager; c) Turn on two-step verification")
    #expect(screen.contains("✗ Not quite."))
    try shell.waitForLastLine("Ana · demo-lesson 3/8 › ")
    #expect(try sandbox.answers().count == 2)
  }

  @Test func upArrowRecallsTheLastLineAndHistoryOutlivesTheSession() throws {
    let first = try openShell()
    defer { first.close() }
    try first.enter("whoami")
    try first.waitFor(text: "You are Ana")
    try first.waitForLastLine(Self.prompt)
    try first.press("Up")
    try first.waitForLastLine("Ana › whoami")
    try first.press("Enter")
    try first.waitFor("whoami to run again") { $0.components(separatedBy: "You are Ana").count == 3 }
    try first.waitForLastLine(Self.prompt)
    try first.press("C-d")
    #expect(try first.exitStatus() == 0)
    first.close()

    let historyFile = sandbox.data.appendingPathComponent("history/\(sandbox.recordID()).history")
    let saved = try String(contentsOf: historyFile, encoding: .utf8)
    #expect(saved.contains("whoami"), "history file: \(saved)")

    let second = try openShell()
    defer { second.close() }
    try second.press("Up")
    try second.waitForLastLine("Ana › whoami")
  }

  /// A link planted at the history file is neither read into the Up arrow nor written
  /// through: the file it points to stays as it was, and the history becomes a real file.
  @Test func aLinkAtTheHistoryFileIsNotFollowed() throws {
    let secret = sandbox.root.appendingPathComponent("secret.txt")
    try "_HiStOrY_V2_\nthe\\040secret\\040line\n".write(to: secret, atomically: true, encoding: .utf8)
    let folder = sandbox.data.appendingPathComponent("history")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let historyFile = folder.appendingPathComponent("\(sandbox.recordID()).history")
    try FileManager.default.createSymbolicLink(at: historyFile, withDestinationURL: secret)

    let shell = try openShell()
    defer { shell.close() }
    try shell.press("Up")
    Thread.sleep(forTimeInterval: 0.3)
    #expect(!(try shell.lastLine()).contains("secret"), "the linked file was loaded as history")
    try shell.press("C-u")
    try shell.enter("whoami")
    try shell.waitFor(text: "You are Ana")
    try shell.waitForLastLine(Self.prompt)
    try shell.press("C-d")
    #expect(try shell.exitStatus() == 0)

    #expect(try String(contentsOf: secret, encoding: .utf8) == "_HiStOrY_V2_\nthe\\040secret\\040line\n")
    let attributes = try FileManager.default.attributesOfItem(atPath: historyFile.path)
    #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    #expect(try String(contentsOf: historyFile, encoding: .utf8).contains("whoami"))
  }

  /// A timed quiz: the countdown runs in the prompt while the student types, "time is up"
  /// comes at the deadline without Enter, and Ctrl-C then `resume` does not reset the clock.
  @Test func theCountdownRunsAndTimeIsUpWithoutEnter() throws {
    let quiz = "kind: quiz\nid: timed\ntitle: Timed quiz\nselect: [{lesson: demo-lesson}]\ncount: 2\ntimeLimit: 3\n"
    try quiz.write(to: sandbox.lessons.appendingPathComponent("timed.yaml"), atomically: true, encoding: .utf8)
    let shell = try openShell()
    defer { shell.close() }
    try shell.enter("quiz timed")
    try shell.waitFor("a countdown in the prompt") { $0.contains("Ana · timed 1/2 ⏱ 0:0") }
    try shell.type("a")
    let screen = try shell.waitFor(text: "⏱ Time is up for this question: no answer came in time, so it scores 0.")
    #expect(screen.contains("Right answer:"))
    try shell.waitFor("the second question's countdown") { $0.contains("Ana · timed 2/2 ⏱ 0:0") }

    // Pause the second question and come back: its clock went on, and ran out.
    try shell.press("C-c")
    try shell.waitForLastLine(Self.prompt)
    Thread.sleep(forTimeInterval: 3.2)
    try shell.enter("resume")
    try shell.waitFor("the second question to run out while paused") { screen in
      screen.components(separatedBy: "Time is up for this question").count == 3
    }
    try shell.waitFor(text: "Timed quiz — finished")
    let answers = try sandbox.answers()
    #expect(answers.count == 2)
    #expect(answers.allSatisfy { $0["timedOut"] as? Bool == true && $0["points"] as? Double == 0 })
  }

  /// `user Laa` (a typo for Lea) asks before it creates a new student.
  @Test func aNameCloseToAnExistingStudentAsksFirst() throws {
    _ = try sandbox.run(sandbox.shellArguments(user: "Lea"), stdin: "start demo-lesson\nb\n")
    let shell = try openShell()
    defer { shell.close() }
    try shell.enter("user Laa")
    try shell.waitFor(text: "There is no student called “Laa” yet. Did you mean “Lea”?")
    try shell.waitForLastLine("y/n › ")
    try shell.enter("y")
    try shell.waitFor(text: "Welcome back, Lea!")
    try shell.waitForLastLine("Lea › ")
    try shell.enter("user Laa")
    try shell.waitForLastLine("y/n › ")
    try shell.enter("n")
    try shell.waitFor(text: "Hello, Laa!")
    try shell.waitForLastLine("Laa › ")
  }

  /// A PIN is typed with echo off, asked when the record is opened, and never written to
  /// the screen, the history or the record.
  @Test func aPINIsAskedWithEchoOffAndNeverKept() throws {
    let shell = try openShell()
    defer { shell.close() }
    try shell.enter("pin")
    try shell.waitFor(text: "New PIN (4 or more characters, not shown):")
    try shell.enter("4821")
    try shell.waitFor(text: "The same PIN again:")
    try shell.enter("4821")
    try shell.waitFor(text: "Your PIN is set.")
    try shell.waitForLastLine(Self.prompt)
    try shell.press("C-d")
    #expect(try shell.exitStatus() == 0)
    #expect(!(try shell.screen()).contains("4821"), "the PIN was shown")
    shell.close()

    let again = try TmuxSession(sandbox: sandbox, arguments: sandbox.shellArguments(user: "Ana"))
    defer { again.close() }
    try again.waitFor(text: "PIN for Ana:")
    try again.enter("1111")
    try again.waitFor(text: "That PIN is not right. Try again.")
    try again.waitFor("the PIN asked again") { $0.components(separatedBy: "PIN for Ana:").count == 3 }
    try again.enter("4821")
    try again.waitFor(text: "Hello, Ana!")
    try again.waitForLastLine(Self.prompt)
    let screen = try again.screen()
    #expect(!screen.contains("4821") && !screen.contains("1111"))
    let history = sandbox.data.appendingPathComponent("history/\(sandbox.recordID()).history")
    #expect(!((try? String(contentsOf: history, encoding: .utf8)) ?? "").contains("4821"))
    #expect(!(try String(contentsOf: sandbox.recordURL(), encoding: .utf8)).contains("4821"))
  }

  /// A new student is asked their age group once; a 10-13 student's list and commands
  /// never offer 14-18 lessons.
  @Test func aNewStudentIsAskedTheirAgeGroupOnce() throws {
    try sandbox.addLesson("older.yaml", DemoLesson.olderYAML)
    let shell = try openShell(user: "Ana", waitForPrompt: false, environment: ["SAFER_BAND": ""])
    defer { shell.close() }
    try shell.waitFor(text: "Which age group are you in?")
    try shell.waitForLastLine("age › ")
    try shell.enter("12")
    try shell.waitForLastLine(Self.prompt)
    try shell.enter("lessons")
    let screen = try shell.waitFor(text: "Type `start <id>`")
    #expect(screen.contains("demo-lesson") && !screen.contains("older-lesson"))
    try shell.enter("start older-lesson")
    try shell.waitFor(text: "is for ages 14-18")
    try shell.press("C-d")
    #expect(try shell.exitStatus() == 0)
    shell.close()
    let again = try openShell(environment: ["SAFER_BAND": ""])
    defer { again.close() }
    #expect(!(try again.screen()).contains("Which age group"), "asked once")
  }

  /// As in bash and Python: Ctrl-C on a half-typed answer throws the line away and asks
  /// again; only on an empty line does it leave the question.
  @Test func ctrlCOnAHalfTypedAnswerClearsTheLineOnly() throws {
    let shell = try openShell()
    defer { shell.close() }
    try startLesson(in: shell)
    try shell.type("a half-typed answer")
    try shell.press("C-c")
    try shell.waitFor(text: "a half-typed answer^C")
    try shell.waitForLastLine("Ana · demo-lesson 1/8 › ")
    try shell.enter("b")
    try shell.waitFor(text: "✓ Right!")
    #expect(try sandbox.answers().count == 1, "the thrown-away line was never an answer")
  }

  @Test func ctrlCStopsTheLessonKeepsProgressAndResumeContinues() throws {
    let shell = try openShell()
    defer { shell.close() }
    try startLesson(in: shell)
    try shell.enter("b")
    try shell.waitForLastLine("Ana · demo-lesson 2/8 › ")
    try shell.press("C-c")
    try shell.waitFor(text: "Stopped “Demo lesson” at question 2 of 8. Your answers are saved")
    try shell.waitForLastLine(Self.prompt)
    #expect(try sandbox.answers().count == 1)

    try shell.enter("resume")
    try shell.waitFor(text: "Continuing “Demo lesson” at question 2 of 8")
    try shell.waitForLastLine("Ana · demo-lesson 2/8 › ")
    let afterResume = try #require(try shell.screen().components(separatedBy: "Continuing").last)
    #expect(afterResume.contains("Which are good habits?"))
    #expect(!afterResume.contains("Which is strongest?"), "the answered question is not asked again")
  }

  /// `make run` starts the shell under make, which Ctrl-C would kill if it were a signal
  /// to the whole process group.
  @Test func ctrlCDoesNotKillTheProgramThatStartedTheShell() throws {
    let shell = try TmuxSession(sandbox: sandbox, arguments: sandbox.shellArguments(user: "Ana"), parentTrapsCtrlC: false)
    defer { shell.close() }
    try shell.waitForLastLine(Self.prompt)
    try startLesson(in: shell)
    try shell.press("C-c")
    try shell.waitFor(text: "Stopped “Demo lesson”")
    try shell.waitForLastLine(Self.prompt)
    try shell.press("C-d")
    #expect(try shell.exitStatus() == 0, "the parent sh saw the shell end normally")
  }

  @Test func ctrlDSavesSaysByeAndExitsWithStatusZero() throws {
    let shell = try openShell()
    defer { shell.close() }
    try startLesson(in: shell)
    try shell.enter("b")
    try shell.waitForLastLine("Ana · demo-lesson 2/8 › ")
    try shell.press("C-d")
    let screen = try shell.waitFor(text: "Bye, Ana!")
    #expect(screen.contains("Saved: 1 answer this session in \(sandbox.recordURL().path)"))
    #expect(screen.contains("“Demo lesson” waits for you"))
    #expect(try shell.exitStatus() == 0)
  }

  @Test func colourIsOnInATerminal() throws {
    let shell = try openShell()
    defer { shell.close() }
    try startLesson(in: shell)
    try shell.enter("b")
    let screen = try shell.waitFor("a coloured verdict", escapes: true) { $0.contains("✓ Right!") }
    #expect(screen.contains("\u{1B}["), "no escape sequences on screen")
    #expect(screen.contains("\u{1B}[1mSafer Shell"), "the title is bold")
    #expect(screen.contains("\u{1B}[32m✓ Right!"), "the verdict is green")
  }

  @Test func noColorTurnsColourOff() throws {
    let shell = try openShell(environment: ["NO_COLOR": "1"])
    defer { shell.close() }
    try startLesson(in: shell)
    try shell.enter("b")
    let screen = try shell.waitFor("a plain verdict", escapes: true) { $0.contains("✓ Right!") }
    #expect(!screen.contains("\u{1B}"), "escape sequences with NO_COLOR=1:\n\(screen.debugDescription)")
  }

  @Test func aSecondShellForTheSameStudentIsRefusedWhileTheFirstIsOpen() throws {
    let shell = try openShell()
    defer { shell.close() }
    // (The first shell has written the student's age group; nothing else may change.)
    let files = [sandbox.recordURL(), sandbox.journalURL()]
    let before = files.map { try? Data(contentsOf: $0) }
    let refused = try sandbox.run(sandbox.shellArguments(), stdin: "start demo-lesson\nb\n")
    #expect(refused.status == 1)
    #expect(refused.output.contains("Ana already has Safer Shell open (process "))
    #expect(files.map { try? Data(contentsOf: $0) } == before, "the refused shell wrote nothing")

    // The first shell is unharmed, and once it is gone the student can come back.
    try shell.enter("whoami")
    try shell.waitFor(text: "You are Ana")
    try shell.waitForLastLine(Self.prompt)
    try shell.press("C-d")
    #expect(try shell.exitStatus() == 0)
    let later = try sandbox.run(sandbox.shellArguments(), stdin: "whoami\n")
    #expect(later.status == 0)
    #expect(later.stdout.contains("You are Ana (id `\(sandbox.recordID())`)."))
  }
}
