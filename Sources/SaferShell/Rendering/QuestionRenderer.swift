import SaferCore

/// Turns questions, verdicts and summaries into terminal lines.
///
/// Every piece of lesson text passes through `TerminalSafe` here, the one door between
/// lesson files and the screen.
public struct QuestionRenderer {
  public var style: Style
  public var width: Int
  /// Fills `{{helpline}}` and friends.
  public var settings: InstallationSettings

  public init(style: Style, width: Int, settings: InstallationSettings = InstallationSettings()) {
    self.style = style
    self.width = width
    self.settings = settings
  }

  /// Lesson text made ready for the screen: placeholders filled, then made harmless.
  func display(_ raw: String, keepNewlines: Bool = true) -> String {
    TerminalSafe.clean(settings.fill(raw), keepNewlines: keepNewlines)
  }

  var markup: Markup { Markup(style: style, wrapper: TextWrapper(width: width)) }

  func text(_ raw: String, indent: String = "") -> [String] {
    markup.render(display(raw), indent: indent)
  }

  public func explanations(_ texts: [String]) -> [String] {
    texts.flatMap { text($0) + [""] }
  }

  public func question(
    _ question: Question, number: Int, total: Int, timeLimit: Double?, remainingSeconds: Double? = nil,
    secondsLeft: Double? = nil
  ) -> [String] {
    var lines: [String] = []
    let bar = ProgressBar.render(
      fraction: Double(number - 1) / Double(max(1, total)), width: 12, style: style, ascii: !style.enabled)
    lines += TextWrapper(width: width).wrap(
      style.bold("Question \(number) of \(total)") + "  " + bar + "  " + style.dim(kindLabel(question)))
    lines += text(question.prompt)
    switch question.kind {
    case .single(let choices), .multiple(let choices), .scenario(let choices):
      for (index, choice) in choices.enumerated() {
        lines += TextWrapper(width: width).wrap(
          markup.inline(display(choice.text, keepNewlines: false)),
          firstIndent: "  " + style.bold(Grader.label(index, of: choices.count) + ")") + " ", indent: "     ")
      }
    case .trueFalse:
      lines.append("  " + style.bold("a)") + " True")
      lines.append("  " + style.bold("b)") + " False")
    case .order(let items):
      for (shown, item) in Grader.displayOrder(of: question).enumerated() {
        lines += TextWrapper(width: width).wrap(
          markup.inline(display(items[item], keepNewlines: false)),
          firstIndent: "  " + style.bold(Grader.letter(shown) + ")") + " ", indent: "     ")
      }
    case .matching(let pairs):
      for (index, pair) in pairs.filter({ !$0.isDistractor }).enumerated() {
        lines += TextWrapper(width: width).wrap(
          markup.inline(display(pair.left, keepNewlines: false)), firstIndent: "  " + style.bold("\(index + 1).") + " ",
          indent: "     ")
      }
      for (index, right) in Grader.matchingRightOrder(of: question).enumerated() {
        lines += TextWrapper(width: width).wrap(
          markup.inline(display(right, keepNewlines: false)), firstIndent: "    " + style.bold(Grader.letter(index) + ")") + " ",
          indent: "       ")
      }
    case .text, .number, .essay:
      break
    }
    var instruction = instructionText(question)
    if let timeLimit, let secondsLeft, secondsLeft < timeLimit - 1 {
      // Shown again after a pause: the clock kept running.
      instruction += " Time left: \(Self.duration(max(0, secondsLeft))) of \(Grader.formatNumber(timeLimit)) s."
    } else if let timeLimit {
      instruction += " Time limit: \(Grader.formatNumber(timeLimit)) s."
    }
    if let remainingSeconds { instruction += " Quiz time left: \(Self.duration(max(0, remainingSeconds)))." }
    if !question.hints.isEmpty { instruction += " `hint` gives a hint." }
    lines += TextWrapper(width: width).wrap(style.dim(instruction))
    return lines
  }

  func kindLabel(_ question: Question) -> String { Self.kindLabel(question.kindName) }

  /// What the student does, by the kind's word in lesson files (also for live class
  /// questions, which travel without their answers).
  static func kindLabel(_ kind: String) -> String {
    switch kind {
    case "single": "one answer"
    case "multiple": "all that apply"
    case "truefalse": "true or false"
    case "text": "short answer"
    case "number": "number"
    case "order": "put in order"
    case "scenario": "what do you do?"
    case "matching": "match the pairs"
    default: "your own words"
    }
  }

  func instructionText(_ question: Question) -> String {
    var unit: String?
    var pairs = 0
    switch question.kind {
    case .number(let spec): unit = spec.unit
    case .matching(let all): pairs = all.filter { !$0.isDistractor }.count
    default: break
    }
    return instructionText(kind: question.kindName, unit: unit, pairs: pairs, choices: question.choices.count)
  }

  /// How to type the answer. `unit`: a number question's; `pairs`: a matching question's
  /// left-hand items; `choices`: how many, since more than 26 are numbered.
  func instructionText(kind: String, unit: String?, pairs: Int, choices: Int = 0) -> String {
    switch kind {
    case "single", "scenario": choices > 26 ? "Type the number of your choice." : "Type a letter."
    case "multiple": choices > 26 ? "Type every right number, e.g. `3 27`." : "Type every right letter, e.g. `a c`."
    case "truefalse": "Type `true` or `false`."
    case "text": "Type your answer."
    case "number": "Type a number" + (unit.map { " (\(display($0, keepNewlines: false)))" } ?? "") + "."
    case "matching":
      "Give each number a letter, e.g. `"
        + (0..<min(2, pairs)).map { "\($0 + 1)\(Grader.letter($0))" }.joined(separator: " ") + "`."
    case "order": "Type the letters in the right order, e.g. `c a b`."
    default: "Type your answer on one line; your teacher will read it."
    }
  }

  public func hint(_ hint: String, number: Int, of total: Int) -> [String] {
    text(hint, indent: "   ").enumerated().map { index, line in
      index == 0 ? style.yellow("💡") + " " + line.dropFirst(3) + style.dim(" (hint \(number) of \(total))") : line
    }
  }

  public func verdict(_ grade: Grade) -> [String] {
    var lines: [String] = []
    let points = Grader.formatNumber((grade.points * 100).rounded() / 100)
    let maxPoints = Grader.formatNumber(grade.maxPoints)
    if grade.needsReview {
      lines.append(style.cyan("✎ Saved for your teacher."))
      for feedback in grade.feedback.dropFirst() { lines += text(feedback, indent: "  ") }
      return lines
    } else if grade.timedOut && grade.normalizedResponse.isEmpty {
      lines.append(style.yellow("⏱ Time is up for this question: no answer came in time, so it scores 0."))
    } else if grade.timedOut {
      lines.append(style.yellow("⏱ Time was up before this answer came, so it was not marked and scores 0."))
    } else if grade.isCorrect {
      lines.append(style.green("✓ Right!") + style.dim(" +\(points) of \(maxPoints)"))
    } else if grade.credit > 0 {
      lines.append(style.yellow("◐ Partly right.") + style.dim(" +\(points) of \(maxPoints)"))
    } else {
      lines.append(style.red("✗ Not quite."))
    }
    for feedback in grade.feedback { lines += text(feedback, indent: "  ") }
    if !grade.isCorrect {
      lines += TextWrapper(width: width).wrap(
        style.bold("Right answer:") + " " + display(grade.rightAnswer, keepNewlines: false),
        firstIndent: "  ", indent: "  ")
    }
    return lines
  }

  public func summary(_ summary: Summary, lessonTitles: [String: String] = [:]) -> [String] {
    let heading =
      style.plain
      ? "Finished: " + display(summary.title, keepNewlines: false)
      : "━━ " + display(summary.title, keepNewlines: false) + " — finished ━━"
    var lines = ["", style.bold(heading)]
    let score = Grader.formatNumber((summary.score * 100).rounded() / 100)
    let percent = Int(summary.percent.rounded())
    lines.append(
      "Score: \(style.bold("\(score) / \(Grader.formatNumber(summary.maxScore))")) (\(percent)%)"
        + (style.plain
          ? "" : "  " + ProgressBar.render(fraction: summary.percent / 100, width: 20, style: style, ascii: !style.enabled)))
    lines.append("Time: \(Self.duration(summary.seconds))")
    if let passed = summary.passed, let mark = summary.passMark {
      lines.append(
        passed ? style.green("Passed") + " (pass mark \(Int(mark))%)" : style.red("Not passed yet") + " (pass mark \(Int(mark))%)"
      )
    }
    if let counting = summary.countingPercent, let grading = summary.grading {
      lines.append("Grade that counts (\(grading.rawValue) attempt): \(Int(counting.rounded()))%")
    }
    if summary.missed.isEmpty {
      lines.append(style.green("No mistakes. Well done!"))
    } else {
      lines.append("")
      lines.append(style.bold("To look at again (\(summary.missed.count)):"))
      for missed in summary.missed {
        // Lesson text is markup: *emphasis* and `code` are rendered, never shown raw.
        lines += TextWrapper(width: width).wrap(
          "• " + markup.inline(display(missed.prompt, keepNewlines: false)), firstIndent: "", indent: "  ")
        lines += TextWrapper(width: width).wrap(
          style.dim("you: ") + markup.inline(display(missed.response, keepNewlines: false)), firstIndent: "  ",
          indent: "    ")
        lines += TextWrapper(width: width).wrap(
          style.green("right: ") + markup.inline(display(missed.rightAnswer, keepNewlines: false)), firstIndent: "  ",
          indent: "    ")
        if let why = missed.why { lines += text(why, indent: "  ") }
      }
    }
    if !summary.lessonsToRevisit.isEmpty {
      lines.append("")
      lines.append(style.bold("Where to go next:"))
      for revisit in summary.lessonsToRevisit {
        let title = lessonTitles[revisit.lessonID].map { " — " + display($0, keepNewlines: false) } ?? ""
        let missed = "\(revisit.missed) missed"
        lines += TextWrapper(width: width).wrap(
          "  " + style.cyan("start \(revisit.lessonID)") + title + style.dim(" (\(missed))"), indent: "      ")
      }
    }
    return lines
  }

  public static func duration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    return total < 60 ? "\(total) s" : "\(total / 60) min \(total % 60) s"
  }
}
