import Foundation
import SaferCore

/// `lab password`: a strength estimate in words a 10-13 year old reads at a glance (a
/// score and a bar, the guesses and the time they take, what made it weak, what to do),
/// then how to make a passphrase. Nothing of the password itself is ever shown.
extension QuestionRenderer {
  public func passwordStrength(_ estimate: StrengthEstimate, example: String) -> [String] {
    let wrapper = TextWrapper(width: width)
    var lines: [String] = []
    let (words, paint) = Self.scoreWords(estimate.score)
    lines.append("Strength: " + Self.bar(estimate.score, paint: paint, style: style) + " " + paint(style, words))
    lines += wrapper.wrap("A guessing program would need \(Self.guessCount(estimate.guesses)) tries to find it:")
    lines += wrapper.wrap(
      "someone trying on a website, 10 times a second: "
        + Self.crackTime(estimate.seconds(.onlineUnthrottled)), firstIndent: "  • ", indent: "    ")
    lines += wrapper.wrap(
      "a computer with a stolen list of passwords, 10,000 times a second: "
        + Self.crackTime(estimate.seconds(.offlineSlowHash)), firstIndent: "  • ", indent: "    ")
    if estimate.truncated {
      lines += wrapper.wrap(style.dim("(Only the first \(PasswordStrength.checkedLength) characters were checked.)"))
    }
    if estimate.usesUserWords {
      lines += wrapper.wrap(
        style.yellow("⚠") + " It has your name in it: people who know you would try that first.", indent: "  ")
    }
    if let warning = estimate.feedback.warning {
      lines += wrapper.wrap(style.yellow("⚠") + " " + warning.plain, indent: "  ")
    }
    if !estimate.feedback.suggestions.isEmpty {
      lines.append("Tips:")
      for suggestion in estimate.feedback.suggestions {
        lines += wrapper.wrap(suggestion.plain, firstIndent: "  • ", indent: "    ")
      }
    }
    lines.append("")
    lines += wrapper.wrap(
      style.bold("Make a passphrase:")
        + " pick four words by chance (open a book at four random pages, or roll dice), not words about you, and"
        + " picture them together. Four words make a long password that is still easy to remember.")
    lines += wrapper.wrap("For example, four words picked at random just now (make your own the same way):")
    lines.append("    " + style.cyan(TerminalSafe.clean(example, keepNewlines: false)))
    return lines
  }

  /// The score in words, and the colour that goes with it.
  static func scoreWords(_ score: Int) -> (String, (Style, String) -> String) {
    switch score {
    case 0: ("0 of 4: very weak", { $0.red($1) })
    case 1: ("1 of 4: weak", { $0.red($1) })
    case 2: ("2 of 4: could be stronger", { $0.yellow($1) })
    case 3: ("3 of 4: strong", { $0.green($1) })
    default: ("4 of 4: very strong", { $0.green($1) })
    }
  }

  /// Five steps, one filled for a score of 0 so even the weakest shows where it stands.
  static func bar(_ score: Int, paint: (Style, String) -> String, style: Style) -> String {
    let filled = (min(4, max(0, score)) + 1) * 4
    return "▕" + paint(style, String(repeating: "█", count: filled)) + style.dim(String(repeating: "░", count: 20 - filled))
      + "▏"
  }

  /// `about 20 thousand`, `about 3 billion`, `more than 1 followed by 17 zeros`.
  static func guessCount(_ guesses: Double) -> String {
    guard guesses >= 10 else { return "only about \(max(1, Int(guesses.rounded())))" }
    let power = floor(log10(guesses))
    if power >= 15 { return "more than 1 followed by \(Int(power)) zeros" }
    // One significant figure: 23,456 is "about 20 thousand", 960,000 "about 1 million".
    let unit = pow(10, power)
    let rounded = (guesses / unit).rounded() * unit
    for (size, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")] where rounded >= size {
      return "about \(Int((rounded / size).rounded())) \(name)"
    }
    return "about \(Int(rounded))"
  }

  /// A time in the largest unit that fits, as a person would say it.
  static func crackTime(_ seconds: Double) -> String {
    let minute = 60.0
    let hour = 60 * minute
    let day = 24 * hour
    let month = 31 * day
    let year = 12 * month
    if seconds < 1 { return "less than a second" }
    if seconds >= 1e6 * year { return "more than a million years" }
    if seconds >= 100 * year { return "more than a hundred years" }
    for (size, name) in [(year, "year"), (month, "month"), (day, "day"), (hour, "hour"), (minute, "minute"), (1, "second")]
    where seconds >= size {
      let number = max(1, Int((seconds / size).rounded()))
      return "about \(number) \(name)\(number == 1 ? "" : "s")"
    }
    return "less than a second"
  }
}
