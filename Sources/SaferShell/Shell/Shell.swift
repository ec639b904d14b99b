import Foundation
import SaferCore

/// The interactive shell: reads lines, runs commands, presents lessons and takes answers.
///
/// It only talks to the world through `ShellEnvironment`, so the same code runs under
/// libedit, on piped input and in transcript tests.
public final class Shell {
  var env: ShellEnvironment
  /// The student's record, held open (and locked) while they are logged in.
  var recordHandle: (any RecordHandle)?
  /// The lesson or quiz whose question is open, if any.
  var runner: ActivityRunner?
  /// The lessons once a command has needed them (`nil`: still loading, or not yet asked).
  private var loadedLibrary: LessonLibrary?
  var shouldQuit = false
  /// Answers saved during this session, for the goodbye line.
  var answersSaved = 0
  /// Set while the shell asks something other than a command (for completion).
  var asking: Asking?
  /// The deadline of a question whose closing could not be saved; not retried on its own.
  var expiryFailed: Date?
  /// Who gives the options of the `quiz` command being run (see `firstActionAuthority`).
  var quizAuthority: QuizOverrides.Authority = .student

  /// While in a live class: the open question's letters (for Tab), else an empty list.
  var classLetters: [String]?

  enum Asking { case userName }

  /// Longest line taken: an answer, a command or a name fits many times over, and a
  /// pasted file or a runaway script is refused before anything works on it.
  static let maximumLineBytes = 4096

  public init(environment: ShellEnvironment) {
    self.env = environment
  }

  var out: any TextOutput { env.output }
  var style: Style { env.style }
  var renderer: QuestionRenderer { QuestionRenderer(style: style, width: env.width(), settings: env.settings) }

  /// Runs until `quit`, Ctrl-D or the end of piped input. Returns the exit status.
  public func run() -> Int32 {
    env.editor.completer = ShellCompleter(shell: self)
    if env.editor.isInteractive {
      say(style.bold("Safer Shell") + style.dim(" — practise staying safe online. Type `help` for commands, Ctrl-D to leave."))
    }
    guard chooseUser() else { return 1 }
    if let first = env.firstAction {
      quizAuthority = env.firstActionAuthority
      switch first {
      case .quiz(let target, let options): quiz(target, options: options)
      case .join(let address, let code): join(address: address, code: code)
      }
      quizAuthority = .student
      if env.leaveAfterFirstAction { shouldQuit = true }
    }
    while !shouldQuit {
      // A question whose time ran out while nobody was typing (a pause, a restart).
      if let deadline = runner?.questionDeadline, env.clock.now() >= deadline, deadline != expiryFailed {
        timeUp()
        continue
      }
      switch env.editor.readLine(prompt: prompt(), countdown: countdown()) {
      case .endOfInput:
        shouldQuit = true
      case .timedOut:
        timeUp()
      case .woken:
        continue
      case .interrupted:
        interrupted()
      case .line(let line):
        guard fitsLineLimit(line) else { continue }
        handle(line: line, remember: true)
      }
    }
    leave()
    return 0
  }

  // MARK: - Input

  /// Whether `line` is short enough to work on; says so when it is not.
  func fitsLineLimit(_ line: String) -> Bool {
    guard line.utf8.count > Self.maximumLineBytes else { return true }
    error("That line is too long: lines are limited to \(Self.maximumLineBytes) bytes. It was ignored.")
    return false
  }

  /// Runs one line. With `remember`, a command goes into the history (Up arrow, the
  /// history file); an answer never does, so the next student at the same computer cannot
  /// scroll back through this one's answers.
  func handle(line: String, remember: Bool = false) {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    var words = trimmed.split(separator: " ", maxSplits: 1).map(String.init)
    let forcedCommand = words.first?.hasPrefix("/") == true
    if forcedCommand { words[0].removeFirst() }
    let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
    // While a question is open, a line is an answer unless it is a command; a command
    // that needs an argument (`start`, `quiz`, `user`) counts only with one, so a
    // one-word answer is never taken for it. `/word` always means the command.
    if let runner, runner.present()?.question != nil {
      if let word = words.first, let command = ShellCommand.named(word),
        forcedCommand || !argument.isEmpty || !command.needsArgument
      {
        if remember { env.editor.addToHistory(line) }
        run(command, argument: argument)
      } else {
        answer(trimmed)
      }
      return
    }
    guard let word = words.first else { return }
    if remember { env.editor.addToHistory(line) }
    if let command = ShellCommand.named(word) {
      run(command, argument: argument)
    } else if library.lesson(id: trimmed) != nil || library.quiz(id: trimmed) != nil {
      say("To begin “\(TerminalSafe.clean(trimmed))”, type `start \(TerminalSafe.clean(trimmed))`.")
    } else {
      let suggestion = Suggestion.closest(to: word, among: ShellCommand.allNames)
      let safeWord = TerminalSafe.clean(word, keepNewlines: false)
      say("Unknown command `\(safeWord)`." + (suggestion.map { " Did you mean `\($0)`?" } ?? " Type `help` to see the commands."))
    }
  }

  func run(_ command: ShellCommand, argument: String) {
    switch command.name {
    case .help: help(argument)
    case .lessons: listLessons(topic: argument)
    case .start: start(argument)
    case .quiz: quiz(argument)
    case .resume: resume()
    case .hint: hint()
    case .skip: skip()
    case .again: again()
    case .retry: retry()
    case .reset: reset(argument)
    case .progress: showProgress()
    case .whoami: whoami()
    case .user: switchUser(argument)
    case .pin: changePIN(argument)
    case .join: join(argument)
    case .review: review(argument)
    case .next: showNext()
    case .certificate: certificate()
    case .lab: lab(argument)
    case .quit: shouldQuit = true
    }
  }

  func interrupted() {
    if let runner, !runner.isFinished {
      let place = runner.present().map { "question \($0.number) of \($0.total)" } ?? "your place"
      out.line()
      say("Stopped “\(TerminalSafe.clean(runner.title))” at \(place). Your answers are saved; `resume` continues.")
      self.runner = nil
    } else {
      out.line()
      say(style.dim("(Type `quit` or press Ctrl-D to leave.)"))
    }
  }

  // MARK: - Output helpers

  /// Prints a wrapped message.
  func say(_ text: String) {
    out.lines(TextWrapper(width: env.width()).wrap(text))
  }

  /// Prints a wrapped problem. Error texts quote what people typed and what files hold,
  /// so they are made terminal-safe here, once, for every caller.
  func error(_ text: String) {
    out.lines(TextWrapper(width: env.width()).wrap(style.red("!") + " " + TerminalSafe.clean(text), indent: "  "))
  }

  var displayName: String { TerminalSafe.clean(recordHandle?.record.profile.displayName ?? "", keepNewlines: false) }

  /// The open question's clock, shown in the prompt while the student types.
  func countdown() -> Countdown? {
    guard env.editor.isInteractive, let runner, let deadline = runner.questionDeadline, deadline != expiryFailed,
      let presentation = runner.present()
    else { return nil }
    if style.plain {
      // Words a screen reader says well: "Ana, quiz question 2 of 8, time left 20 s >".
      return Countdown(
        deadline: deadline,
        before: displayName + ", \(runner.contentID) question \(presentation.number) of \(presentation.total), time left ",
        after: " > ")
    }
    return Countdown(
      deadline: deadline, before: displayName + " · \(runner.contentID) \(presentation.number)/\(presentation.total) ⏱ ",
      after: " › ")
  }

  func prompt() -> String {
    guard env.editor.isInteractive else { return "" }
    var prompt = displayName
    if let runner, let presentation = runner.present(), presentation.question != nil {
      prompt +=
        style.plain
        ? ", \(runner.contentID) question \(presentation.number) of \(presentation.total)"
        : " · \(runner.contentID) \(presentation.number)/\(presentation.total)"
    } else {
      let due = dueReviewCount(at: env.clock.now())
      if due > 0 { prompt += (style.plain ? ", " : " · ") + "\(due) to review" }
    }
    return prompt + (style.plain ? " > " : " › ")
  }

  /// The lessons, waiting for them on first use; the files that failed to load are named
  /// then, once.
  var library: LessonLibrary {
    get {
      if let loadedLibrary { return loadedLibrary }
      let library = env.libraryLoader.library()
      loadedLibrary = library
      reportBrokenFiles(library)
      return library
    }
    set { loadedLibrary = newValue }
  }

  func reportBrokenFiles(_ library: LessonLibrary) {
    guard !library.brokenFiles.isEmpty else { return }
    let files = Array(Set(library.brokenFiles)).sorted()
    let names = files.map { TerminalSafe.clean($0, keepNewlines: false) }.joined(separator: ", ")
    error(
      "\(files.count) lesson file\(files.count == 1 ? " has" : "s have") problems and \(files.count == 1 ? "was" : "were") left out: \(names). Run `safer check` for details."
    )
  }

  func leave() {
    guard let recordHandle else { return }
    let record = recordHandle.record
    var message: String
    if recordHandle.isReadOnly {
      message = "Nothing was saved (read-only record)"
    } else if answersSaved == 0 {
      message = "No answers this session"
    } else {
      message =
        "Saved: \(answersSaved) answer\(answersSaved == 1 ? "" : "s") this session in \(TerminalSafe.clean(recordHandle.location))"
    }
    if let runner, !runner.isFinished {
      message += ". “\(TerminalSafe.clean(runner.title))” waits for you: `resume` continues it"
    }
    say(message + ". Bye, \(TerminalSafe.clean(record.profile.displayName, keepNewlines: false))!")
    recordHandle.close()
    self.recordHandle = nil
  }
}
