import Foundation

/// Decides whether a typed answer means one of the accepted answers.
///
/// The commonest complaint about quiz tools is a right answer marked wrong, so matching
/// forgives case, accents, punctuation, extra spaces and (optionally) a small typo. Typos
/// are never forgiven in answers with digits: `116 112` is a different phone number.
public enum TextMatcher {
  /// Lowercased, accents removed, punctuation turned to spaces, spaces collapsed.
  public static func fold(_ text: String) -> String {
    let lowered = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    var result = ""
    var pendingSpace = false
    for scalar in lowered.unicodeScalars {
      if CharacterSet.alphanumerics.contains(scalar) {
        if pendingSpace && !result.isEmpty { result.append(" ") }
        pendingSpace = false
        result.unicodeScalars.append(scalar)
      } else {
        pendingSpace = true
      }
    }
    return result
  }

  public static func matches(_ response: String, _ answer: Question.TextAnswer) -> Bool {
    (bestOption(for: response, in: answer)?.weight ?? 0) >= 100
  }

  /// The accepted answer `response` means that is worth the most, if any. A response
  /// matching the `pattern` counts as a full-marks answer.
  public static func bestOption(for response: String, in answer: Question.TextAnswer) -> Question.TextOption? {
    let folded = fold(response)
    guard !folded.isEmpty else { return nil }
    let trimmed = response.trimmingCharacters(in: .whitespacesAndNewlines)
    var best: Question.TextOption?
    for option in answer.options {
      let matched =
        if let pattern = option.pattern {
          wholeMatch(trimmed, pattern)
        } else {
          same(folded, fold(option.text), forgivingTypos: answer.forgivesTypos)
        }
      if matched, best == nil || option.weight > (best?.weight ?? 0) { best = option }
    }
    if (best?.weight ?? 0) < 100, let pattern = answer.pattern, wholeMatch(trimmed, pattern) {
      return Question.TextOption(text: trimmed)
    }
    return best
  }

  /// Whether the whole of `text` matches `pattern`, case ignored; a pattern that does not
  /// compile matches nothing (lesson files are checked for that).
  private static func wholeMatch(_ text: String, _ pattern: String) -> Bool {
    guard let regex = try? Regex(pattern).ignoresCase() else { return false }
    return (try? regex.wholeMatch(in: text)) != nil
  }

  private static func same(_ folded: String, _ target: String, forgivingTypos: Bool) -> Bool {
    if folded == target || folded.replacingOccurrences(of: " ", with: "") == target.replacingOccurrences(of: " ", with: "") {
      return true
    }
    guard forgivingTypos && !target.contains(where: \.isNumber) else { return false }
    let allowed = target.count >= 10 ? 2 : target.count >= 5 ? 1 : 0
    return allowed > 0 && EditDistance.between(folded, target) <= allowed
  }
}
