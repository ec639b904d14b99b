/// "Did you mean …?" for mistyped commands, fields and ids.
public enum Suggestion {
  /// The candidate `word` most plausibly meant: the first one it begins, else the nearest
  /// by edit distance if that is within a third of the word's length.
  /// Longest word a suggestion is looked for.
  public static let maximumWordLength = 100

  public static func closest<S: Sequence>(to word: String, among candidates: S) -> String?
  where S.Element == String {
    // Ids and commands are short: a long word is no typo of one, and the edit distance
    // table would grow with its square.
    guard !word.isEmpty, word.utf8.count <= maximumWordLength else { return nil }
    let lowered = word.lowercased()
    let sorted = candidates.sorted()
    if let prefixed = sorted.first(where: { $0.lowercased().hasPrefix(lowered) }) {
      return prefixed
    }
    let limit = max(1, lowered.count / 3)
    let scored = sorted.filter { abs($0.count - lowered.count) <= limit }
      .map { (candidate: $0, distance: EditDistance.between(lowered, $0.lowercased())) }
    guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
    return best.distance <= limit ? best.candidate : nil
  }

  /// ` (did you mean `x`?)` for a diagnostic, or nothing when no candidate is close.
  public static func parenthesised<S: Sequence>(for word: String, among candidates: S) -> String
  where S.Element == String {
    closest(to: word, among: candidates).map { " (did you mean `\($0)`?)" } ?? ""
  }

  /// ` Did you mean `x`?` for a message to a student, or nothing when no candidate is close.
  public static func sentence<S: Sequence>(for word: String, among candidates: S) -> String
  where S.Element == String {
    closest(to: word, among: candidates).map { " Did you mean `\($0)`?" } ?? ""
  }
}
