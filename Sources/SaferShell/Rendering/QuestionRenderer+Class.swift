import SaferCore

/// Live class screens: a question as the host sent it, the reveal's bar chart, ranks.
///
/// Everything here came over the network, so every string goes through `display` (and so
/// `TerminalSafe`) like lesson text does.
extension QuestionRenderer {
  public func liveQuestion(_ question: LiveQuestion) -> [String] {
    var lines: [String] = []
    let bar = ProgressBar.render(
      fraction: Double(question.number - 1) / Double(max(1, question.total)), width: 12, style: style,
      ascii: !style.enabled)
    lines += TextWrapper(width: width).wrap(
      style.bold("Question \(question.number) of \(question.total)") + "  " + bar + "  "
        + style.dim(Self.kindLabel(question.kind)))
    lines += text(question.prompt)
    for (index, item) in question.left.enumerated() {
      lines += TextWrapper(width: width).wrap(
        markup.inline(display(item, keepNewlines: false)), firstIndent: "  " + style.bold("\(index + 1).") + " ",
        indent: "     ")
    }
    let indent = question.left.isEmpty ? "  " : "    "
    for (index, option) in question.options.enumerated() {
      lines += TextWrapper(width: width).wrap(
        markup.inline(display(option, keepNewlines: false)),
        firstIndent: indent + style.bold(Grader.label(index, of: question.options.count) + ")") + " ",
        indent: indent + "   ")
    }
    let instruction =
      instructionText(kind: question.kind, unit: question.unit, pairs: question.left.count, choices: question.options.count)
      + " Time limit: \(Grader.formatNumber(question.timeLimit)) s."
    lines += TextWrapper(width: width).wrap(style.dim(instruction))
    return lines
  }

  /// The right answer, how the class answered (a bar per option), and why.
  public func reveal(_ reveal: Reveal) -> [String] {
    var lines: [String] = []
    lines += TextWrapper(width: width).wrap(
      style.bold("Answer: ") + display(reveal.rightAnswer, keepNewlines: false), indent: "        ")
    let most = max(1, reveal.counts.map(\.count).max() ?? 1)
    let labelWidth = min(28, max(8, width / 3))
    let barWidth = max(6, min(30, width - labelWidth - 16))
    for count in reveal.counts {
      let text = display(count.text, keepNewlines: false)
      let clipped = DisplayWidth.truncate(text, to: labelWidth - 4)
      let label = count.label + ") " + clipped
      let padding = String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(label)))
      let filled = Int((Double(count.count) / Double(most) * Double(barWidth)).rounded())
      let bar = String(repeating: style.enabled ? "█" : "#", count: filled)
      let mark = count.correct ? style.green(" ✓ right") : ""
      lines.append(
        "  " + label + padding + " " + (count.correct ? style.green(bar) : style.dim(bar)) + " \(count.count)" + mark)
    }
    lines.append(
      style.dim("\(reveal.correct) of \(reveal.answered) answers right; \(reveal.answered) of \(reveal.players) answered."))
    if let explanation = reveal.explanation, !explanation.isEmpty { lines += text(explanation, indent: "  ") }
    return lines
  }

  /// One student's outcome of the question just revealed.
  public func liveResult(_ result: PersonalResult) -> String {
    let standing = "Score \(Self.points(result.score)), rank \(result.rank) of \(result.players)."
    if !result.answered { return style.yellow("No answer this time.") + " " + standing }
    if result.late { return style.yellow("✗ Too late: the question had closed.") + " " + standing }
    if result.correct { return style.green("✓ Right! +\(Self.points(result.points)) points.") + " " + standing }
    return style.red("✗ Not this time.") + " " + standing
  }

  public func leaderboard(_ standings: [Standing], title: String = "Leaderboard") -> [String] {
    guard !standings.isEmpty else { return [style.dim("Nobody has joined yet.")] }
    var lines = [style.bold(title)]
    let nameWidth = min(24, standings.map { DisplayWidth.of(display($0.name, keepNewlines: false)) }.max() ?? 8)
    for standing in standings {
      let name = DisplayWidth.truncate(display(standing.name, keepNewlines: false), to: nameWidth)
      let padding = String(repeating: " ", count: max(0, nameWidth - DisplayWidth.of(name)))
      lines.append(
        String(format: "%3d. ", standing.rank) + name + padding + "  " + Self.points(standing.score).leftPadded(to: 7)
          + style.dim("  \(standing.correct) right"))
    }
    return lines
  }

  /// `2,450`: whole points with thousands separated, as on a scoreboard.
  static func points(_ value: Double) -> String {
    let whole = Int(value.rounded())
    let digits = String(abs(whole))
    var grouped = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return (whole < 0 ? "-" : "") + grouped
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }
}
