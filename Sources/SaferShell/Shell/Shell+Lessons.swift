import Foundation
import SaferCore

extension Shell {
  var starter: ActivityStarter? {
    recordHandle.map { ActivityStarter(library: library, handle: $0, clock: env.clock) }
  }

  func listLessons(topic argument: String) {
    let report = recordHandle.map { ProgressReport(record: $0.record, library: library) }
    let status = Dictionary((report?.items ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    // `lessons 10-13` narrows to one band; a student never sees more than their own.
    let ownBand = recordHandle?.record.profile.band ?? .younger
    let asked = AgeBand(rawValue: argument)
    let shown = asked.map { min($0, ownBand) } ?? ownBand
    let exactBand = asked != nil
    func fits(_ level: String?) -> Bool {
      let band = AgeBand(level: level)
      return exactBand ? band == shown || (level ?? "").isEmpty : shown.allows(band)
    }
    let everything = argument == "all"
    let topic = asked == nil && !everything ? argument : ""
    let topics = topic.isEmpty ? library.topics : [topic.lowercased()]
    if !topic.isEmpty && !library.topics.contains(topic.lowercased()) {
      let hint = Suggestion.sentence(for: topic, among: library.topics)
      error(
        "No lessons on “\(TerminalSafe.clean(topic, keepNewlines: false))”.\(hint) Topics: \(library.topics.joined(separator: ", "))."
      )
      return
    }
    if library.lessons.isEmpty { say("No lessons are loaded. Start Safer Shell with `--lessons <folder>`.") }
    var sections: [(title: String, ids: [String], lines: [String])] = []
    for topic in topics {
      let lessons = library.lessons.filter { $0.topic == topic && fits($0.isBank ? nil : $0.level) }
      let lines = lessons.flatMap { lesson in
        listEntry(
          id: lesson.id, title: lesson.title,
          details: lesson.isBank ? "question bank" : "\(lesson.level) · \(lesson.minutes) min",
          state: status[lesson.id].map(describe))
      }
      sections.append((topic, lessons.map(\.id), lines))
    }
    let quizzes = library.quizzes.filter { (topic.isEmpty || $0.topic == topic.lowercased()) && fits($0.level) }
    if !quizzes.isEmpty {
      let lines = quizzes.flatMap { quiz in
        listEntry(id: quiz.id, title: quiz.title, details: "pass \(Int(quiz.passMark))%", state: status[quiz.id].map(describe))
      }
      sections.append(("quizzes", quizzes.map(\.id), lines))
    }
    let fullLength = sections.reduce(0) { $0 + 1 + $1.lines.count } + 1
    // The whole list would scroll off the screen: one line per topic instead.
    if argument.isEmpty, let height = env.height(), fullLength > height - 2 {
      for section in sections where !section.ids.isEmpty {
        let states = section.ids.compactMap { status[$0]?.status }
        var counts = [
          "\(section.ids.count) \(section.title == "quizzes" ? "quiz" : "lesson")\(section.ids.count == 1 ? "" : section.title == "quizzes" ? "zes" : "s")"
        ]
        let done = states.filter { $0 == .completed }.count
        let open = states.filter { $0 == .inProgress }.count
        if done > 0 { counts.append("\(done) done") }
        if open > 0 { counts.append("\(open) in progress") }
        out.lines(
          TextWrapper(width: env.width()).wrap(
            "  " + style.bold(section.title) + style.dim("  " + counts.joined(separator: " · ")), indent: "      "))
      }
      say(style.dim("Type `lessons <topic>` for one topic (Tab completes), `lessons all` for everything."))
      return
    }
    for section in sections where !section.lines.isEmpty || section.title != "quizzes" {
      out.line(style.bold(section.title))
      out.lines(section.lines)
    }
    say(style.dim("Type `start <id>` (Tab completes) or `quiz <id>`."))
  }

  /// Two lines per entry: the id to type with what it takes and how far the student got,
  /// then the title, so long titles never push the state off the line.
  private func listEntry(id: String, title: String, details: String, state: String?) -> [String] {
    let wrapper = TextWrapper(width: env.width())
    return wrapper.wrap("  " + style.cyan(id) + style.dim("  " + details) + (state.map { " · " + $0 } ?? ""), indent: "      ")
      + wrapper.wrap(TerminalSafe.clean(title, keepNewlines: false), firstIndent: "      ", indent: "      ")
  }

  func describe(_ item: ProgressReport.Item) -> String {
    switch item.status {
    case .inProgress:
      let done = item.answered ?? 0
      return style.yellow("in progress ")
        + ProgressBar.render(
          fraction: Double(done) / Double(max(1, item.questionCount)), width: 8, style: style, ascii: !style.enabled)
        + " \(done)/\(item.questionCount)"
    case .completed:
      var text = style.green("done") + " · best \(Int((item.bestPercent ?? 0).rounded()))%"
      if item.completedAttempts > 1 { text += " · \(item.completedAttempts)×" }
      if let passed = item.passed { text += passed ? " · passed" : " · not passed" }
      return text
    case .new:
      return "new · \(item.questionCount) questions"
    }
  }

  func start(_ id: String) {
    guard !id.isEmpty else {
      error("Which lesson? Type `start <lesson>`; `lessons` lists them.")
      return
    }
    begin { try $0.start(id) }
  }

  /// `quiz <id-or-file> [--count N --exam …]`: options override the quiz file for this attempt.
  func quiz(_ argument: String) {
    var words: [String]
    do { words = try ShellWords.split(argument) } catch {
      self.error(error.description)
      return
    }
    guard !words.isEmpty else {
      error("Which quiz? Type `quiz <quiz-id>` or `quiz <file>` (a name with spaces in quotes: `quiz \"My Quiz.gift\"`).")
      return
    }
    quiz(words.removeFirst(), options: words)
  }

  /// `quiz` with its words already apart: the quiz id or file, then its options (the
  /// command line gives them so, and a file name may hold spaces).
  func quiz(_ target: String, options: [String]) {
    // `quiz My Quiz.gift`: a file name with spaces, unquoted.
    let loose = options.prefix { !$0.hasPrefix("--") }
    if !loose.isEmpty, FileManager.default.fileExists(atPath: ([target] + loose).joined(separator: " ")) {
      let name = ([target] + loose).joined(separator: " ")
      error(
        "A file name with spaces goes in quotes: `quiz \"\(TerminalSafe.clean(name, keepNewlines: false))\"` "
          + "(Tab writes it for you).")
      return
    }
    var words = options
    // `--format gift|aiken|yaml` says how to read a file; the rest are quiz settings.
    var format: ContentFile.Format?
    if let index = words.firstIndex(of: "--format") {
      guard index + 1 < words.count, let named = ContentFile.Format(rawValue: words[index + 1].lowercased()) else {
        error("`--format` takes gift, aiken or yaml.")
        return
      }
      format = named
      words.removeSubrange(index...(index + 1))
    }
    let overrides: QuizOverrides
    do { overrides = try QuizOverrides.parse(words) } catch {
      self.error(error.description)
      return
    }
    if library.quiz(id: target) != nil || library.lesson(id: target) != nil {
      begin(ignoring: overrides) { [quizAuthority] in try $0.start(target, overrides: overrides, authority: quizAuthority) }
      return
    }
    // `~/` as a shell reads it (Tab completion writes it so).
    let path = target.hasPrefix("~/") ? NSHomeDirectory() + target.dropFirst(1) : target
    guard FileManager.default.fileExists(atPath: path) else {
      let hint = Suggestion.sentence(for: target, among: library.quizzes.map(\.id))
      error("No quiz or file called “\(TerminalSafe.clean(target, keepNewlines: false))”.\(hint)")
      return
    }
    let added = library.adding(file: path, format: format)
    for problem in added.problems { error(TerminalSafe.clean(problem.description)) }
    guard let content = added.contentID else {
      if added.problems.isEmpty { error("That file holds no quiz or lesson.") }
      return
    }
    library = added.library
    begin(ignoring: overrides) { [quizAuthority] in try $0.start(content, overrides: overrides, authority: quizAuthority) }
  }

  func resume() {
    begin { .continued(try $0.resume()) }
  }

  /// Runs a start/resume action and shows the first question. `overrides` given for a
  /// quiz that turns out to be continued were not used: the student is told so.
  func begin(ignoring overrides: QuizOverrides = QuizOverrides(), _ action: (ActivityStarter) throws -> ActivityStarter.Start) {
    guard let starter else { return }
    let previous = runner.flatMap { $0.isFinished ? nil : $0 }
    do {
      let start = try action(starter)
      runner = start.runner
      // Leaving a lesson half-way for another: say where it stopped and how to go back.
      if let previous, previous.contentID != start.runner.contentID {
        let place = previous.present().map { " at question \($0.number) of \($0.total)" } ?? ""
        let id = TerminalSafe.clean(previous.contentID, keepNewlines: false)
        say(style.dim("“\(TerminalSafe.clean(previous.title))” is paused\(place); `start \(id)` goes back to it."))
      }
      if case .continued = start, let presentation = start.runner.present() {
        let id = TerminalSafe.clean(start.runner.contentID)
        say(
          style.dim(
            "Continuing “\(TerminalSafe.clean(start.runner.title))” at question \(presentation.number) of \(presentation.total). (`reset \(id)` starts over.)"
          ))
        if !overrides.isEmpty {
          say(
            style.yellow(
              "Your options were not used: this attempt began earlier and keeps the settings it began with. To start afresh with them, `reset \(id)` (the unfinished attempt counts as used), then `quiz \(id) …` again."
            ))
        }
      } else {
        say(style.bold("▶ " + TerminalSafe.clean(start.runner.title)))
        // `--count 99` on a quiz of 8: say so rather than quietly ask 8.
        if let asked = overrides.values["count"].flatMap(Int.init), let total = start.runner.present()?.total,
          asked > total
        {
          say(style.dim("This quiz has \(total) questions to draw from, so all \(total) are asked (not \(asked))."))
        }
      }
      presentCurrent(withExplanations: true)
    } catch {
      self.error(String(describing: error))
    }
  }

  func reset(_ id: String) {
    let target = id.isEmpty ? (runner?.contentID ?? "") : id
    guard !target.isEmpty, let starter else {
      error("Which lesson? Type `reset <lesson>`.")
      return
    }
    let name = TerminalSafe.clean(target)
    let quiz = library.quiz(id: target)
    do {
      guard try starter.reset(target) else {
        // Nothing to close: say how to begin, unless the quiz cannot be taken again.
        if let quiz, starter.attemptsLeft(quiz) == 0 {
          error(ActivityError.noAttemptsLeft(quiz: quiz.title, allowed: quiz.attemptsAllowed ?? 0).description)
        } else {
          say("You have no unfinished attempt at “\(name)”; `start \(name)` begins it fresh.")
        }
        return
      }
      if runner?.contentID == target { runner = nil }
      // `reset` means "start over": it starts again at once, unless no attempt is left.
      if let quiz, let allowed = quiz.attemptsAllowed, starter.attemptsLeft(quiz) == 0 {
        say(
          "“\(name)” is closed and kept in your record. It was your last of \(allowed) attempt\(allowed == 1 ? "" : "s"), "
            + "so it cannot be taken again; your teacher can allow more. Type `progress` to see your results.")
        return
      }
      var message = "Starting “\(name)” again from the beginning. Your earlier answers stay in your record."
      if let quiz, let left = starter.attemptsLeft(quiz) {
        message += " The attempt you left counts as used: \(left) attempt\(left == 1 ? "" : "s") left, this one included."
      }
      say(message)
      begin { try $0.start(target) }
    } catch {
      self.error(error.description)
    }
  }
}
