import Foundation
import SaferCore

extension Shell {
  /// Opens the record of the student named on the command line, or asks who is there.
  func chooseUser() -> Bool {
    if let name = env.userName {
      if openUser(name) { return true }
      if !env.editor.isInteractive { return false }
    }
    while true {
      var question = "Who is there? Type your name"
      if let last = env.lastUser { question += " (Enter for \(TerminalSafe.clean(last, keepNewlines: false)))" }
      if env.editor.isInteractive { say(question + ".") }
      asking = .userName
      defer { asking = nil }
      switch env.editor.readLine(prompt: env.editor.isInteractive ? "name › " : "") {
      case .endOfInput:
        return false
      case .interrupted, .timedOut:
        continue
      case .line(let line):
        guard line.utf8.count <= Self.maximumLineBytes else {
          error("That is not a name: \(line.utf8.count) bytes. Use at most \(UserID.maximumNameLength) characters.")
          if !env.editor.isInteractive { return false }
          continue
        }
        var name = line.trimmingCharacters(in: .whitespaces)
        if name.isEmpty, let last = env.lastUser { name = last }
        if name.isEmpty { continue }
        if openUser(name) { return true }
        if !env.editor.isInteractive { return false }
      }
    }
  }

  /// Opens a student's record, telling them anything they need to know about it.
  @discardableResult
  func openUser(_ name: String) -> Bool {
    do {
      let opened = try env.store.open(displayName: name, now: env.clock.now())
      handle?.close()
      handle = opened
      runner = nil
      env.rememberUser(name)
      env.editor.useHistoryFile(env.historyFile(opened.record.profile.id))
      for notice in opened.notices { error(TerminalSafe.clean(notice)) }
      if env.editor.isInteractive { greet(opened.record) }
      return true
    } catch {
      self.error(error.description)
      return false
    }
  }

  func greet(_ record: UserRecord) {
    let name = TerminalSafe.clean(record.profile.displayName, keepNewlines: false)
    if record.attempts.isEmpty {
      say("Hello, \(style.bold(name))! Type `lessons` to see what you can learn, then `start` one.")
    } else if let open = record.resume.flatMap({ record.attempt(id: $0.attemptID) }), open.status == .inProgress {
      say(
        "Welcome back, \(style.bold(name))! You were in the middle of “\(TerminalSafe.clean(open.title))”: type `resume` to continue."
      )
    } else {
      say("Welcome back, \(style.bold(name))! Type `lessons` to pick a lesson.")
    }
  }

  func switchUser(_ name: String) {
    guard !name.isEmpty else {
      error("Whose record? Type `user <name>`.")
      return
    }
    if let current = handle, UserID.make(from: name) == current.record.profile.id {
      say("You are already \(displayName).")
      return
    }
    openUser(name)
  }

  func whoami() {
    guard let handle else { return }
    let record = handle.record
    say("You are \(style.bold(displayName)) (id `\(record.profile.id)`).")
    let answers = record.attempts.reduce(0) { $0 + $1.answers.count }
    say(
      "Your record: \(TerminalSafe.clean(handle.location)) — \(record.attempts.count) attempt\(record.attempts.count == 1 ? "" : "s"), \(answers) answer\(answers == 1 ? "" : "s")."
    )
    if handle.isReadOnly { say(style.yellow("This record is read-only: nothing will be saved.")) }
  }
}
