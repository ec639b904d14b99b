import SaferCore

/// The text form of a `ProgressReport`, shared by the shell and `safer progress`.
public struct ProgressText {
  public var style: Style
  public var width: Int

  public init(style: Style, width: Int) {
    self.style = style
    self.width = width
  }

  public func render(_ report: ProgressReport) -> [String] {
    let name = TerminalSafe.clean(report.displayName, keepNewlines: false)
    var lines = [
      style.bold("Progress for \(name)")
        + style.dim(" · \(report.totalAnswers) answer\(report.totalAnswers == 1 ? "" : "s") in all")
    ]
    if report.topics.isEmpty {
      lines.append("No answers yet. `start` a lesson to begin.")
    } else {
      lines.append(style.bold("What you know, by topic"))
      let names = report.topics.map { TerminalSafe.clean($0.topic, keepNewlines: false) }
      let pad = names.map(\.count).max() ?? 0
      for (topic, safeName) in zip(report.topics, names) {
        let name = safeName + String(repeating: " ", count: pad - safeName.count)
        lines.append(
          "  \(name)  " + ProgressBar.render(fraction: topic.mastery / 100, width: 16, style: style, ascii: !style.enabled)
            + " \(Int(topic.mastery.rounded()))%"
            + style.dim("  (\(topic.questionsRight) of \(topic.questionsAnswered) questions right)"))
      }
    }
    let started = report.items.filter { $0.attempts > 0 }
    if !started.isEmpty {
      lines.append(style.bold("Lessons and quizzes"))
      for item in started {
        var text = "  " + style.cyan(TerminalSafe.clean(item.id, keepNewlines: false)) + "  "
        switch item.status {
        case "in-progress":
          text += style.yellow("in progress") + " (\(item.answered ?? 0) of \(item.questionCount) answered)"
        default:
          text += style.green("done") + " · best \(Int((item.bestPercent ?? 0).rounded()))%"
        }
        if item.completedAttempts > 0 || item.kind == .quiz {
          text += " · \(item.completedAttempts) finished"
          if let allowed = item.attemptsAllowed { text += " of \(allowed) allowed" }
        }
        if let counting = item.countingPercent, let grading = item.grading {
          text += " · counts: \(Int(counting.rounded()))% (\(grading))"
          if let passed = item.passed { text += passed ? " · passed" : " · not passed" }
        }
        lines += TextWrapper(width: width).wrap(text, indent: "      ")
      }
    }
    if let resume = report.resumeID {
      lines.append(style.dim("Unfinished: \(TerminalSafe.clean(resume, keepNewlines: false)) — type `resume` to continue."))
    }
    return lines
  }
}
