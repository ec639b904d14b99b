import Foundation
import SaferCore

/// The text form of a `ProgressReport`, shared by the shell and `safer progress`.
public struct ProgressText {
  public var style: Style
  public var width: Int
  /// How to continue an unfinished attempt: in the shell `resume`; from the command line
  /// the shell has to be started first.
  public var resumeHint = "type `resume` to continue"

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
    var habits: [String] = []
    if report.streakDays > 0 { habits.append("\(report.streakDays)-day streak") }
    if !report.recentScores.isEmpty {
      if style.plain {
        // In words: a screen reader reads a row of bars as nothing useful.
        habits.append("recent scores " + report.recentScores.map { "\(Int($0.rounded()))%" }.joined(separator: ", "))
      } else {
        habits.append(
          "recent scores " + Self.sparkline(report.recentScores, ascii: !style.enabled)
            + " (last \(Int(report.recentScores.last?.rounded() ?? 0))%)")
      }
    }
    if report.reviewsDue > 0 {
      habits.append(style.yellow("\(report.reviewsDue) to review now") + " (`review`)")
    } else if let next = report.nextReview {
      habits.append("next review \(Self.date(next))")
    }
    if !habits.isEmpty { lines += TextWrapper(width: width).wrap(habits.joined(separator: " · ")) }
    if report.topics.isEmpty {
      lines.append("No answers yet. `start` a lesson to begin.")
    } else {
      lines += TextWrapper(width: width).wrap(
        style.bold("What you know, by topic") + style.dim(" (of the questions you answered; how many you met)"))
      let names = report.topics.map { TerminalSafe.clean($0.topic, keepNewlines: false) }
      let pad = names.map(\.count).max() ?? 0
      for (topic, safeName) in zip(report.topics, names) {
        let name = safeName + String(repeating: " ", count: pad - safeName.count)
        lines += TextWrapper(width: width).wrap(
          "  \(name)  "
            + (style.plain
              ? "" : ProgressBar.render(fraction: topic.mastery / 100, width: 16, style: style, ascii: !style.enabled) + " ")
            + "\(Int(topic.mastery.rounded()))% right"
            + style.dim("  · met \(topic.questionsAnswered) of \(topic.questionsAvailable) questions"),
          indent: String(repeating: " ", count: pad + 4))
      }
    }
    let started = report.items.filter { $0.attempts > 0 }
    if !started.isEmpty {
      lines.append(style.bold("Lessons and quizzes"))
      for item in started {
        var text = "  " + style.cyan(TerminalSafe.clean(item.id, keepNewlines: false)) + "  "
        switch item.status {
        case .inProgress:
          text += style.yellow("in progress") + " (\(item.answered ?? 0) of \(item.questionCount) answered)"
          if let best = item.bestPercent { text += " · best so far \(Int(best.rounded()))%" }
        case .completed, .new:
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
      lines += TextWrapper(width: width).wrap(
        style.dim("Unfinished: \(TerminalSafe.clean(resume, keepNewlines: false)) — \(resumeHint)."))
    }
    return lines
  }

  /// `▂▅▇█`: one bar per score, 0-100 (ASCII digits 0-9 without colour).
  static func sparkline(_ scores: [Double], ascii: Bool) -> String {
    let bars = Array("▁▂▃▄▅▆▇█")
    return String(
      scores.map { score in
        let share = min(1, max(0, score / 100))
        return ascii ? Character(String(min(9, Int(share * 10)))) : bars[min(bars.count - 1, Int(share * Double(bars.count)))]
      })
  }

  /// `Tue 8 Dec 14:05`.
  static func date(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.dateFormat = "EEE d MMM HH:mm"
    return formatter.string(from: date)
  }
}
