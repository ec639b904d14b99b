import Foundation
import SaferCore

extension Shell {
  /// Opens the record of the student named on the command line, or asks who is there.
  func chooseUser() -> Bool {
    if let name = env.userName {
      if let confirmed = confirmedName(name), openUser(confirmed) { return true }
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
      case .interrupted, .timedOut, .woken:
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
        guard let confirmed = confirmedName(name) else { continue }
        if openUser(confirmed) { return true }
        if !env.editor.isInteractive { return false }
      }
    }
  }

  /// The name to open for `name`: itself when that student exists or nobody has a
  /// similar name; otherwise, at a terminal, the student is asked whether they meant the
  /// similar one (a typo must not quietly start a new record). `nil`: asked again.
  func confirmedName(_ name: String) -> String? {
    guard UserID.problem(with: name) == nil else { return name }
    // A student coming back is the common case: checked without reading every record.
    if env.store.hasRecord(displayName: name) { return name }
    guard env.editor.isInteractive else {
      // Nobody to ask: a name that only looks like a student's (a letter from another
      // alphabet) is refused rather than made a new student.
      guard let twin = env.store.lookAlike(of: name) else { return name }
      let typed = TerminalSafe.clean(name, keepNewlines: false)
      let similar = TerminalSafe.clean(twin, keepNewlines: false)
      error(
        "There is no student called “\(typed)”, but “\(similar)” looks the same: “\(typed)” has a letter from another "
          + "alphabet. Without a terminal nobody can be asked which was meant; use --user \"\(similar)\" for \(similar)'s record."
      )
      return nil
    }
    let known = env.store.knownUsers()
    let canonical = UserID.canonical(name)
    if known.contains(where: { UserID.canonical($0) == canonical }) { return name }
    let byCanonical = Dictionary(known.map { (UserID.canonical($0), $0) }, uniquingKeysWith: { first, _ in first })
    guard let close = Suggestion.closest(to: canonical, among: byCanonical.keys).flatMap({ byCanonical[$0] }) else {
      return name
    }
    let typed = TerminalSafe.clean(name, keepNewlines: false)
    let similar = TerminalSafe.clean(close, keepNewlines: false)
    say("There is no student called “\(typed)” yet. Did you mean “\(similar)”?")
    while true {
      say("Type `y` to open \(similar)'s record, or `n` to start a new record for \(typed).")
      switch env.editor.readLine(prompt: "y/n › ") {
      case .endOfInput, .interrupted, .timedOut, .woken:
        return nil
      case .line(let line):
        switch line.trimmingCharacters(in: .whitespaces).lowercased() {
        case "y", "yes": return close
        case "n", "no": return name
        default: continue
        }
      }
    }
  }

  /// Opens a student's record, telling them anything they need to know about it.
  @discardableResult
  func openUser(_ name: String) -> Bool {
    do {
      let opened = try env.store.open(displayName: name, now: env.clock.now())
      guard unlock(opened.record) else {
        opened.close()
        return false
      }
      recordHandle?.close()
      recordHandle = opened
      runner = nil
      env.rememberUser(name)
      env.editor.useHistoryFile(env.historyFile(opened.record.profile.id))
      for notice in opened.notices { error(TerminalSafe.clean(notice)) }
      migrateReviews()
      if opened.record.profile.band == nil { askBand() }
      if env.editor.isInteractive { greet(opened.record) }
      showAssignments(for: opened.record)
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

  /// Asks a student without an age band for it, once (at a terminal; a teacher can set it
  /// with `safer class band`). Until it is known, the student sees 10-13 content only.
  func askBand() {
    guard let recordHandle, !recordHandle.isReadOnly else { return }
    if let band = env.settings.band {
      try? recordHandle.update { $0.profile.band = band }
      return
    }
    guard env.editor.isInteractive else { return }
    say("Which age group are you in? Type `10-13` or `14-18` (your teacher can change it later).")
    while true {
      switch env.editor.readLine(prompt: "age › ") {
      case .endOfInput, .interrupted, .timedOut, .woken:
        say(style.dim("You will see lessons for ages 10-13 until your age group is set."))
        return
      case .line(let line):
        let answer = line.trimmingCharacters(in: .whitespaces)
        guard let band = AgeBand(rawValue: answer) ?? Int(answer).flatMap(Self.band(forAge:)) else {
          say("Type `10-13` or `14-18`, or your age.")
          continue
        }
        do { try recordHandle.update { $0.profile.band = band } } catch { self.error(error.description) }
        return
      }
    }
  }

  /// The band for an age typed as a number (10 to 18).
  static func band(forAge age: Int) -> AgeBand? {
    switch age {
    case 10...13: .younger
    case 14...18: .older
    default: nil
    }
  }

  /// "Due Friday: phishing-basics" — what the teacher set and the student has not done.
  func showAssignments(for record: UserRecord) {
    guard let list = env.assignments(), !list.assignments.isEmpty else { return }
    for item in list.pending(for: record, now: env.clock.now()).prefix(5) {
      let title = library.lesson(id: item.contentID)?.title ?? library.quiz(id: item.contentID)?.title
      let what = TerminalSafe.clean(item.contentID) + (title.map { " (“\(TerminalSafe.clean($0))”)" } ?? "")
      let when = Self.dueText(item.due, now: env.clock.now())
      say(item.overdue ? style.yellow("Overdue since \(when): \(what).") : style.cyan("Due \(when): \(what)."))
    }
  }

  /// "Friday 11 Dec" within the coming week, else the date as the teacher gave it.
  static func dueText(_ due: String, now: Date) -> String {
    guard let day = Assignment.day(due) else { return TerminalSafe.clean(due) }
    let daysAway = day.timeIntervalSince(now) / 86_400
    guard daysAway > -14, daysAway < 7 else { return due }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "EEEE d MMM"
    return formatter.string(from: day)
  }

  func switchUser(_ name: String) {
    guard !name.isEmpty else {
      error("Whose record? Type `user <name>`.")
      return
    }
    if let current = recordHandle, UserID.make(from: name) == current.record.profile.id {
      say("You are already \(displayName).")
      return
    }
    guard let confirmed = confirmedName(name) else { return }
    openUser(confirmed)
  }

  func whoami() {
    guard let recordHandle else { return }
    let record = recordHandle.record
    say("You are \(style.bold(displayName)) (id `\(record.profile.id)`).")
    let answers = record.attempts.reduce(0) { $0 + $1.answers.count }
    say(
      "Your record: \(TerminalSafe.clean(recordHandle.location)) — \(record.attempts.count) attempt\(record.attempts.count == 1 ? "" : "s"), \(answers) answer\(answers == 1 ? "" : "s")."
    )
    if recordHandle.isReadOnly { say(style.yellow("This record is read-only: nothing will be saved.")) }
  }
}
