import Foundation
import SaferCore

/// The teacher's side of a live class (`safer class host`): a libedit prompt with the
/// class's state in it, commands to run the quiz, and students' joins and answers shown
/// as they happen (the network's events wake the read; see `LineWake`).
///
/// Every name and text from students reaches the screen through `TerminalSafe`.
public final class HostConsole {
  let host: ClassHost
  let editor: any LineEditor
  let output: any TextOutput
  let style: Style
  let width: () -> Int
  let events: WakeQueue<ClassEvent>
  /// Set when the class has ended and the results are saved.
  private(set) var finished = false

  public static let commands: [(name: String, usage: String, summary: String)] = [
    ("next", "next", "open the next question (the first `next` opens question 1; an open one is closed)"),
    ("reveal", "reveal", "close the question and show the answer, how the class answered, and the ranks"),
    ("pause", "pause", "stop the clock of the open question"),
    ("go", "go", "start the clock again"),
    ("students", "students", "who has joined, who is connected, their scores"),
    ("kick", "kick NAME", "remove a student from the class (they cannot join again)"),
    ("lock", "lock", "let no new students in (those who joined can still come back)"),
    ("leaderboard", "leaderboard", "show the ranking"),
    ("end", "end", "finish the class quiz, save the results and show the summary"),
    ("help", "help", "list these commands"),
  ]

  public init(
    host: ClassHost, events: WakeQueue<ClassEvent>, editor: any LineEditor, output: any TextOutput, style: Style,
    width: @escaping () -> Int
  ) {
    self.host = host
    self.events = events
    self.editor = editor
    self.output = output
    self.style = style
    self.width = width
  }

  var renderer: QuestionRenderer { QuestionRenderer(style: style, width: width()) }

  /// Runs until `end` (or the terminal goes away, when the results are saved as they are).
  public func run() {
    editor.completer = HostCompleter(console: self)
    while !finished {
      show(events.take())
      if TerminationSignals.received != nil {
        finish(now: Date())
        break
      }
      var woken: [ClassEvent] = []
      let wake = LineWake(descriptor: events.descriptor) { [self] in
        let arrived = events.take()
        woken += arrived
        // Joins and problems are printed above the prompt; a closed question ends the read
        // so the prompt loses its clock.
        show(arrived)
        editor.updatePrompt(prompt(), countdown: countdown())
        return arrived.contains { if case .closed = $0 { true } else { false } }
      }
      switch editor.readLine(prompt: prompt(), countdown: countdown(), wake: wake) {
      case .line(let line):
        run(line.trimmingCharacters(in: .whitespaces))
      case .woken, .timedOut:
        continue
      case .interrupted:
        output.line()
      case .endOfInput:
        if TerminationSignals.received != nil || !editor.isInteractive {
          if !editor.isInteractive { waitUntilEnded() }
          finish(now: Date())
        } else {
          say(style.dim("Type `end` to finish the class quiz and save the results."))
        }
      }
    }
  }

  /// Piped commands ran out: the class goes on until its questions close, then ends.
  private func waitUntilEnded() {
    while case .open = host.snapshot.phase {
      show(events.wait(seconds: 0.5))
    }
  }

  // MARK: - Commands

  func run(_ line: String) {
    guard !line.isEmpty else { return }
    if editor.isInteractive { editor.addToHistory(line) }
    let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
    let word = parts[0].lowercased()
    let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
    let now = Date()
    do {
      switch word {
      case "next":
        try host.command(now: now) { session throws(ClassCommandProblem) in try session.next(now: now) }
        let session = host.snapshot
        output.line()
        output.lines(renderer.liveQuestion(session.liveQuestion(session.currentNumber)))
        say(
          style.dim(
            "Right answer: "
              + TerminalSafe.clean(Grader.rightAnswer(of: session.items[session.currentNumber - 1].question), keepNewlines: false)
          ))
      case "reveal":
        try host.command(now: now) { session throws(ClassCommandProblem) in try session.reveal(now: now) }
        let session = host.snapshot
        output.line()
        output.lines(renderer.reveal(session.reveal(of: session.currentNumber)))
        output.lines(renderer.leaderboard(Array(session.leaderboard().prefix(5))))
        if session.currentNumber == session.items.count {
          say(style.dim("That was the last question: `end` saves the results."))
        }
      case "pause":
        try host.command(now: now) { session throws(ClassCommandProblem) in try session.pause(now: now) }
        say(style.yellow("Paused.") + " `go` starts the clock again.")
      case "go":
        try host.command(now: now) { session throws(ClassCommandProblem) in try session.go(now: now) }
        say(style.green("Going on."))
      case "kick":
        guard !argument.isEmpty else {
          say("Type `kick NAME`.")
          return
        }
        try host.command(now: now) { session throws(ClassCommandProblem) in try session.kick(argument, now: now) }
      case "lock":
        try host.command(now: now) { session in session.lock() }
        say("Locked: no new students; those who joined can still come back.")
      case "leaderboard":
        output.lines(renderer.leaderboard(host.snapshot.leaderboard()))
      case "students", "roster":
        showStudents()
      case "end":
        finish(now: now)
      case "help":
        for command in Self.commands {
          say(style.bold(command.usage) + "  " + style.dim(command.summary))
        }
      default:
        let suggestion = Suggestion.sentence(for: word, among: Self.commands.map(\.name))
        say("Unknown command `\(TerminalSafe.clean(word, keepNewlines: false))`.\(suggestion) Type `help`.")
      }
    } catch {
      say(style.red("!") + " " + TerminalSafe.clean(error.description))
    }
  }

  /// Ends the session, saves the results, and prints where and a summary.
  func finish(now: Date) {
    if host.snapshot.phase != .ended {
      try? host.command(now: now) { session in session.end(now: now) }
    }
    finished = true
    do { try host.saveResults() } catch {
      say(style.red("!") + " " + TerminalSafe.clean(error.description))
      return
    }
    let results = ClassResults(host.snapshot)
    output.line()
    say(
      style.bold("The class quiz has ended.")
        + " Results: \(TerminalSafe.clean(host.resultsJSON)) and \(TerminalSafe.clean(host.resultsCSV))")
    output.lines(summary(results))
    say(style.dim("`safer report` on this data folder includes them."))
  }

  /// Class average, the hardest questions, and who may need help.
  func summary(_ results: ClassResults) -> [String] {
    var lines: [String] = []
    let students = results.students.filter { !$0.removed }
    guard !students.isEmpty else { return [style.dim("Nobody joined.")] }
    let average = results.averagePercent.map { "\(Int($0.rounded()))%" } ?? "-"
    lines.append(
      "\(students.count) student\(students.count == 1 ? "" : "s"), \(results.questionsAsked) questions; class average \(average)."
    )
    let hardest = results.hardestQuestions()
    if !hardest.isEmpty {
      lines.append(style.bold("Hardest questions"))
      for question in hardest {
        let facility = Int(((question.facility ?? 0) * 100).rounded())
        let prompt = DisplayWidth.truncate(TerminalSafe.clean(question.prompt, keepNewlines: false), to: max(20, width() - 24))
        lines.append("  Q\(question.number) \(facility)% right  " + style.dim(prompt))
      }
    }
    let help = results.mayNeedHelp
    if !help.isEmpty {
      lines.append(style.bold("May need help") + style.dim(" (below half marks)"))
      for student in help {
        lines.append(
          "  " + TerminalSafe.clean(student.name, keepNewlines: false)
            + style.dim("  \(Int(student.percent.rounded()))%, \(student.correct) right"))
      }
    }
    lines += renderer.leaderboard(Array(host.snapshot.leaderboard().prefix(10)), title: "Final ranking")
    return lines
  }

  private func showStudents() {
    let session = host.snapshot
    guard !session.players.isEmpty else {
      say(style.dim("Nobody has joined yet."))
      return
    }
    for player in session.players {
      let state = player.kicked ? "removed" : player.isConnected ? "connected" : "not connected"
      say(
        TerminalSafe.clean(player.name, keepNewlines: false)
          + style.dim("  \(state), \(player.answers.count) answers, \(QuestionRenderer.points(player.score)) points"))
    }
  }

  // MARK: - Events and prompt

  /// Prints what happened since the last look (joins, problems, questions closing).
  func show(_ arrived: [ClassEvent]) {
    for event in arrived {
      switch event {
      case .joined(let name, let rejoined, let count):
        let who = TerminalSafe.clean(name, keepNewlines: false)
        say(rejoined ? style.cyan("↻ \(who) is back") : style.green("+ \(who) joined") + style.dim(" (\(count) in the class)"))
      case .left(let name):
        say(style.dim("− \(TerminalSafe.clean(name, keepNewlines: false)) left"))
      case .refused(let name, let reason, let address):
        let who = TerminalSafe.clean(String(name.prefix(40)), keepNewlines: false)
        switch reason {
        case .wrongCode, .tooManyTries:
          say(style.yellow("! A wrong code from \(TerminalSafe.clean(address, keepNewlines: false))") + style.dim(" (logged)"))
        case .nameTaken:
          say(style.yellow("! Someone else tried to join as “\(who)”: refused (the name is taken)"))
        default:
          say(style.yellow("! “\(who)” could not join: \(reason.rawValue)"))
        }
      case .answered:
        break
      case .closed(let closed):
        let why =
          switch closed.reason {
          case .time: "time is up"
          case .everyone: "everyone connected answered"
          case .teacher: "closed"
          }
        say(
          style.bold("Question \(closed.question) closed") + " (\(why)): \(closed.answered) of \(closed.players) answered."
            + style.dim(" `reveal` shows the answer."))
      case .kicked(let name):
        say("\(TerminalSafe.clean(name, keepNewlines: false)) was removed from the class.")
      case .problem(let address, let description):
        say(
          style.yellow(
            "! \(TerminalSafe.clean(address, keepNewlines: false)): \(TerminalSafe.clean(description, keepNewlines: false))")
            + style.dim(" (refused, logged)"))
      }
    }
  }

  func prompt() -> String {
    guard editor.isInteractive else { return "" }
    let session = host.snapshot
    let students = session.activeCount
    switch session.phase {
    case .lobby: return "host · \(students) student\(students == 1 ? "" : "s") › "
    case .open(let number):
      return
        "host · Q\(number) \(session.answeredCount(number))/\(students) answered\(session.pausedLeft != nil ? " (paused)" : "") › "
    case .closed(let number): return "host · Q\(number) closed \(session.answeredCount(number))/\(students) › "
    case .revealed(let number): return "host · Q\(number)/\(session.items.count) › "
    case .ended: return "host › "
    }
  }

  func countdown() -> Countdown? {
    guard editor.isInteractive else { return nil }
    let session = host.snapshot
    // Past the deadline (the host's tick closes it within 100 ms) there is nothing to count.
    guard case .open(let number) = session.phase, session.pausedLeft == nil, let deadline = session.deadline,
      deadline > Date()
    else {
      return nil
    }
    return Countdown(
      deadline: deadline, before: "host · Q\(number) \(session.answeredCount(number))/\(session.activeCount) answered ⏱ ",
      after: " › ")
  }

  /// Prints wrapped text.
  func say(_ text: String) {
    output.lines(TextWrapper(width: width()).wrap(text))
  }
}

/// Tab in the teacher's console: commands, and students' names after `kick`.
final class HostCompleter: Completer {
  private weak var console: HostConsole?

  init(console: HostConsole) { self.console = console }

  func completions(forLineBeforeCursor text: String) -> [String] {
    guard let console else { return [] }
    if let space = text.firstIndex(of: " ") {
      guard text[..<space].lowercased() == "kick" else { return [] }
      let prefix = text[text.index(after: space)...].lowercased()
      return console.host.snapshot.activePlayers.map(\.name).filter { $0.lowercased().hasPrefix(prefix) }
    }
    return HostConsole.commands.map(\.name).filter { $0.hasPrefix(text.lowercased()) }
  }
}
