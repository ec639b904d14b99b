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
    let folded = fold(response)
    guard !folded.isEmpty else { return false }
    for accepted in answer.accepted {
      let target = fold(accepted)
      if folded == target || folded.replacingOccurrences(of: " ", with: "") == target.replacingOccurrences(of: " ", with: "") {
        return true
      }
      if answer.forgivesTypos && !target.contains(where: \.isNumber) {
        let allowed = target.count >= 10 ? 2 : target.count >= 5 ? 1 : 0
        if allowed > 0 && EditDistance.between(folded, target) <= allowed { return true }
      }
    }
    if let pattern = answer.pattern, let regex = try? Regex(pattern).ignoresCase() {
      let trimmed = response.trimmingCharacters(in: .whitespacesAndNewlines)
      if (try? regex.wholeMatch(in: trimmed)) != nil { return true }
    }
    return false
  }
}
