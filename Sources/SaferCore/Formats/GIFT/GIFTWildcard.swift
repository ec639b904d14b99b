import Foundation

/// A short answer with Moodle's `*` wildcard (`*phish*`), which stands for any text,
/// even none; `\*` is a real asterisk.
struct GIFTWildcard {
  /// A regular expression the whole answer must match (case is ignored when grading).
  var pattern: String
  /// The answer with each `*` turned into a space, as Moodle shows it as the right
  /// answer; empty for a plain `*`.
  var example: String
  /// Nothing but `*`: Moodle's catch-all for every other answer.
  var matchesAnything: Bool

  /// `nil` when `text` has no wildcard.
  init?(_ text: String) {
    var bits: [String] = [""]
    var previous: Unicode.Scalar?
    var inRun = false
    for scalar in text.unicodeScalars {
      if scalar == "*" && previous != "\\" {
        if !inRun { bits.append("") }
        inRun = true
      } else {
        bits[bits.count - 1].unicodeScalars.append(scalar)
        inRun = false
      }
      previous = scalar
    }
    guard bits.count > 1 else { return nil }
    let literals = bits.map(Self.literal)
    pattern = literals.map(Self.escaped).joined(separator: ".*")
    example = literals.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
    matchesAnything = literals.allSatisfy(\.isEmpty)
  }

  /// Text with Moodle's `\*` read as an asterisk.
  static func literal(_ text: String) -> String {
    text.contains("\\*") ? text.replacingOccurrences(of: "\\*", with: "*") : text
  }

  /// `text` as a regular expression that matches exactly it. Letters and digits of ASCII
  /// stay as they are, its punctuation is escaped with `\`, everything else is written
  /// `\u{…}`: Swift's `Regex` refuses a combining mark after a metacharacter or a space
  /// (`%\u{301}`) as confusable.
  static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
        result.unicodeScalars.append(scalar)
      } else if scalar.isASCII && scalar.value > 0x20 && scalar.value < 0x7F {
        result += "\\" + String(scalar)
      } else {
        result += "\\u{" + String(scalar.value, radix: 16) + "}"
      }
    }
    return result
  }
}
