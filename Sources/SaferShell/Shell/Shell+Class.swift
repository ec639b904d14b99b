import Foundation
import SaferCore

/// `join HOST:PORT CODE`: taking part in a live class quiz the teacher hosts.
///
/// The host decides everything (which question is open, the time, the marks); the shell
/// shows it, takes answers with the usual line editing, and saves each answer to the
/// student's record when the host acknowledges it, before saying "answer received". The
/// rejoin token is saved before connecting, so after a dropped network or a killed
/// terminal the same `join` brings the student back as the same player.
extension Shell {
  func join(_ argument: String) {
    let words = argument.split(separator: " ").map(String.init)
    guard words.count == 2 else {
      error(
        "Type `join ADDRESS CODE` with the address and the 6-digit code your teacher gives, e.g. `join 192.168.1.20:8040 123456`."
      )
      return
    }
    join(address: words[0], code: words[1])
  }

  /// `join` with its two words apart (the command line gives them so).
  func join(address typed: String, code: String) {
    guard let connect = env.connectToClass else {
      error("This shell cannot join a live class.")
      return
    }
    let address: ClassAddress
    do { address = try ClassAddress.parse(typed) } catch {
      self.error(error.description)
      return
    }
    guard (4...12).contains(code.count), code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else {
      error("The code is the 6 digits your teacher gives, e.g. `join \(address) 123456`.")
      return
    }
    guard let recordHandle else { return }
    if let runner, !runner.isFinished {
      say("“\(TerminalSafe.clean(runner.title))” is paused; `resume` continues it after the class.")
      self.runner = nil
    }
    let token: String
    // The code names the session; the address may be any of the host's (it prints several).
    if let saved = recordHandle.record.profile.classJoin, saved.code == code {
      token = saved.token
    } else {
      token = ClassSession.makeToken()
      do {
        try recordHandle.update {
          $0.profile.classJoin = UserRecord.ClassJoin(address: address.description, code: code, token: token)
        }
      } catch {
        self.error("You cannot join: your record could not be saved (\(error.description)).")
        return
      }
    }
    var live = LiveClass(address: address, code: code, token: token)
    classLetters = []
    defer { classLetters = nil }
    say(style.dim("Joining the class at \(address)…"))
    live.connect(using: connect, name: recordHandle.record.profile.displayName)
    runClass(&live, connect: connect)
    live.link?.close()
    if env.leaveAfterFirstAction { shouldQuit = true }
  }

  /// The class's loop: events from the host, lines from the student, until the class
  /// ends, the student leaves or the connection is lost for good.
  private func runClass(_ live: inout LiveClass, connect: ClassConnector) {
    while !live.isOver {
      for event in live.inbox.take() { handle(event, in: &live) }
      if live.isOver { break }
      if live.isLost {
        reconnect(&live, connect: connect)
        continue
      }
      let inbox = live.inbox
      var woken: [(generation: Int, event: ClassLinkEvent)] = []
      let wake = LineWake(descriptor: inbox.descriptor) {
        woken = inbox.take()
        return !woken.isEmpty
      }
      let input = env.editor.readLine(prompt: classPrompt(live), countdown: classCountdown(live), wake: wake)
      for event in woken { handle(event, in: &live) }
      switch input {
      case .woken:
        continue
      case .timedOut:
        say(style.yellow("⏱ Time is up.") + " Waiting for your teacher…")
        live.question = nil
      case .interrupted:
        out.line()
        say(style.dim("(Type `leave` to leave the class. Your answers are saved.)"))
      case .endOfInput:
        // Piped input ends: stay until the class does, so a scripted student is counted.
        if !env.editor.isInteractive && live.welcome != nil {
          waitForEnd(&live)
        } else {
          live.link?.send(.leave)
          say("You left the class. `join \(live.address) \(live.code)` brings you back.")
        }
        live.isOver = true
      case .line(let text):
        guard fitsLineLimit(text) else { continue }
        take(text, in: &live)
      }
    }
  }

  /// A typed line: `leave`, `help`, or the answer to the open question.
  private func take(_ text: String, in live: inout LiveClass) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return }
    switch trimmed.lowercased() {
    case "leave", "/leave", "quit", "/quit", "exit":
      live.link?.send(.leave)
      say("You left the class. `join \(live.address) \(live.code)` brings you back.")
      live.isOver = true
      return
    case "help", "/help":
      say(
        "In a live class your teacher opens each question. Type your answer and press Enter; you see if it was right when your teacher reveals the answer. `leave` leaves the class (joining again brings you back)."
      )
      return
    default:
      break
    }
    guard let question = live.question, !live.answered.contains(question.number) else {
      say(style.dim("Wait for your teacher to open the next question."))
      return
    }
    guard !live.paused else {
      say(style.dim("Your teacher paused the quiz. Answer when it goes on."))
      return
    }
    guard live.pending == nil else {
      say(style.dim("Your answer is on its way…"))
      return
    }
    live.pending = question.number
    live.link?.send(.answer(question: question.number, response: trimmed, player: nil))
    // Wait a moment for the host's receipt, so "answer received" follows the Enter.
    let waitUntil = Date().addingTimeInterval(3)
    while live.pending != nil && !live.isOver && !live.isLost && Date() < waitUntil {
      for event in live.inbox.wait(seconds: waitUntil.timeIntervalSinceNow) { handle(event, in: &live) }
    }
    if live.pending != nil && !live.isLost { say(style.dim("Sent; waiting for the host to confirm…")) }
  }

  /// Without a keyboard (piped input used up), the class goes on until the host ends it.
  private func waitForEnd(_ live: inout LiveClass) {
    while !live.isOver && !live.isLost {
      for event in live.inbox.wait(seconds: 1) { handle(event, in: &live) }
    }
  }

  /// After a dropped connection: join again with the same token, a few times.
  private func reconnect(_ live: inout LiveClass, connect: ClassConnector) {
    live.reconnects += 1
    live.totalReconnects += 1
    guard live.reconnects <= 5, live.totalReconnects <= 20, live.welcome != nil,
      let name = recordHandle?.record.profile.displayName
    else {
      say(
        "The connection to the class was lost\(live.lostReason.map { " (\(TerminalSafe.clean($0, keepNewlines: false)))" } ?? ""). Your answers are saved: `join \(live.address) \(live.code)` brings you back."
      )
      live.isOver = true
      return
    }
    say(style.yellow("Connection lost.") + " Joining again (try \(live.reconnects) of 5)…")
    Thread.sleep(forTimeInterval: Double(live.reconnects))
    live.connect(using: connect, name: name)
  }

  // MARK: - Events

  private func handle(_ tagged: (generation: Int, event: ClassLinkEvent), in live: inout LiveClass) {
    guard tagged.generation == live.generation else { return }
    let now = env.clock.now()
    switch tagged.event {
    case .lost(let reason):
      guard !live.isOver else { return }
      live.isLost = true
      live.lostReason = reason
      live.pending = nil
    case .message(let message):
      handle(message, in: &live, now: now)
    }
  }

  private func handle(_ message: ServerMessage, in live: inout LiveClass, now: Date) {
    switch message {
    case .welcome(let welcome):
      live.welcome = welcome
      live.reconnects = 0
      live.answered = Set(welcome.answers.map(\.question))
      save("the class", now: now) { ClassAttemptLog.begin(welcome, in: &$0, now: now) }
      let title = TerminalSafe.clean(welcome.title, keepNewlines: false)
      let name = TerminalSafe.clean(welcome.name, keepNewlines: false)
      if welcome.rejoined {
        say(
          style.green("Welcome back, \(name).")
            + " “\(title)”: your \(welcome.answers.count) answer\(welcome.answers.count == 1 ? " is" : "s are") with your teacher; score \(QuestionRenderer.points(welcome.score))."
        )
      } else {
        say(
          style.green("You joined “\(title)” as \(name).")
            + " \(welcome.questions) questions. Wait for your teacher to open the first one; `leave` leaves.")
      }
    case .refused(let refusal):
      error(refusal.message)
      if refusal.reason == .nameTaken {
        say(style.dim("Start the shell with your full name (`safer --user \"…\"`) and join again."))
      }
      live.isOver = true
    case .question(let open):
      live.question = open.question
      live.questions[open.question.number] = open.question
      classLetters = open.question.options.indices.map { Grader.label($0, of: open.question.options.count) }
      live.paused = open.paused
      live.deadline = now.addingTimeInterval(open.secondsLeft)
      live.pending = nil
      if open.answered { live.answered.insert(open.question.number) }
      out.line()
      out.lines(renderer.liveQuestion(open.question))
      if open.answered { say(style.dim("You already answered this one. Wait for the next question.")) }
      if open.paused { say(style.yellow("Paused by your teacher.")) }
    case .received(let receipt):
      let session = live.welcome?.session ?? ""
      let saved = save("your answer", now: now) { ClassAttemptLog.add(receipt, session: session, in: &$0, now: now) }
      if saved { answersSaved += 1 }
      live.answered.insert(receipt.question)
      if live.pending == receipt.question { live.pending = nil }
      if receipt.late {
        say(style.yellow("Your answer arrived after the question closed: it is kept, but scores nothing."))
      } else {
        say(style.green("✓ Answer received.") + style.dim(" You will see if it is right when your teacher reveals it."))
      }
    case .rejected(let rejection):
      if live.pending == rejection.question { live.pending = nil }
      if rejection.reason == .duplicate, let number = rejection.question { live.answered.insert(number) }
      error(rejection.message)
    case .closed(let closed):
      if !live.answered.contains(closed.question), let question = live.questions[closed.question] {
        recordMissed(question, in: live, now: now)
      }
      if live.question?.number == closed.question {
        live.question = nil
        let answered = live.answered.contains(closed.question)
        say(
          (answered ? style.dim("Question closed") : style.yellow("⏱ Time is up"))
            + style.dim(": \(closed.answered) of \(closed.players) answered. Wait for the answer…"))
      }
    case .paused(let pause):
      live.paused = pause.paused
      if let left = pause.secondsLeft, !pause.paused { live.deadline = now.addingTimeInterval(left) }
      say(pause.paused ? style.yellow("Paused by your teacher.") : style.green("Go on!"))
    case .reveal(let reveal):
      if live.question?.number == reveal.question { live.question = nil }
      if !live.answered.contains(reveal.question), let question = live.questions[reveal.question] {
        recordMissed(question, in: live, now: now)
      }
      out.line()
      out.lines(renderer.reveal(reveal))
    case .result(let result):
      say(renderer.liveResult(result))
    case .leaderboard(let standings):
      out.lines(renderer.leaderboard(standings))
    case .kicked(let message):
      error(message)
      live.isOver = true
    case .ended(let final):
      if let session = live.welcome?.session {
        save("the end of the class", now: now) { ClassAttemptLog.finish(session: session, in: &$0, now: now) }
      }
      out.line()
      say(
        style.bold("The class quiz has ended.")
          + " You got \(final.correct) of \(final.questions) right: \(QuestionRenderer.points(final.score)) points, rank \(final.rank) of \(final.players)."
      )
      out.lines(renderer.leaderboard(final.leaderboard, title: "Top of the class"))
      live.isOver = true
    }
  }

  /// A question the student saw and did not answer, kept as skipped (once), so their
  /// record's score counts it as the teacher's results do.
  private func recordMissed(_ question: LiveQuestion, in live: LiveClass, now: Date) {
    guard let session = live.welcome?.session else { return }
    save("the question you missed", now: now) {
      ClassAttemptLog.skip(questionID: question.id, maxMarks: question.points, session: session, in: &$0, now: now)
    }
  }

  /// Saves a change to the record; says so if the disk refused (the host still holds
  /// the answers, and joining again copies them back).
  @discardableResult
  private func save(_ what: String, now: Date, _ change: (inout UserRecord) -> Void) -> Bool {
    guard let recordHandle else { return false }
    do {
      try recordHandle.update(change)
      return true
    } catch {
      self.error(
        "Could not save \(what) to your record (\(error.description)). Your teacher has it; joining again copies it back."
      )
      return false
    }
  }

  // MARK: - Prompt

  private func classPrompt(_ live: LiveClass) -> String {
    guard env.editor.isInteractive else { return "" }
    var prompt = displayName + " · class"
    if let question = live.question {
      prompt += " \(question.number)/\(question.total)"
      if live.paused { prompt += " (paused)" }
    }
    return prompt + " › "
  }

  private func classCountdown(_ live: LiveClass) -> Countdown? {
    guard env.editor.isInteractive, let question = live.question, let deadline = live.deadline, !live.paused,
      !live.answered.contains(question.number)
    else { return nil }
    return Countdown(deadline: deadline, before: displayName + " · class \(question.number)/\(question.total) ⏱ ", after: " › ")
  }
}

/// Where a student stands in a live class, kept by the shell while it lasts.
struct LiveClass {
  let address: ClassAddress
  let code: String
  let token: String
  /// Events with the connection they came from (`generation`): a lost connection's late
  /// events are dropped once another has replaced it.
  let inbox = WakeQueue<(generation: Int, event: ClassLinkEvent)>()
  var generation = 0
  var link: (any ClassLink)?
  var welcome: ClassWelcome?
  /// The open question, while it is open.
  var question: LiveQuestion?
  var questions: [Int: LiveQuestion] = [:]
  var deadline: Date?
  var paused = false
  /// Questions answered (acknowledged by the host).
  var answered: Set<Int> = []
  /// The question whose answer was sent and not yet acknowledged.
  var pending: Int?
  var isOver = false
  var isLost = false
  var lostReason: String?
  /// Tries since the last welcome, and in all (a host that keeps dropping the shell is
  /// given up on, whatever welcomes it sends).
  var reconnects = 0
  var totalReconnects = 0

  init(address: ClassAddress, code: String, token: String) {
    self.address = address
    self.code = code
    self.token = token
  }

  mutating func connect(using connect: ClassConnector, name: String) {
    link?.close()
    isLost = false
    generation += 1
    let inbox = self.inbox
    let tag = generation
    let link = connect(address) { inbox.post((tag, $0)) }
    link.send(.join(code: code, name: name, token: token))
    self.link = link
  }
}
