/// One JSON line per password for `safer strength`:
/// `{"score": 0-4, "guessesLog10": n, "feedback": {"warning": "…", "suggestions": ["…"]}}`,
/// with zxcvbn's English wording (an empty warning when there is none, as zxcvbn gives),
/// so a batch can be compared with zxcvbn's own output.
extension StrengthEstimate {
  public func jsonLine() -> String {
    let suggestions = feedback.suggestions.map { Self.quoted($0.text) }.joined(separator: ", ")
    return #"{"score": \#(score), "guessesLog10": \#(guessesLog10), "feedback": {"warning": "#
      + Self.quoted(feedback.warning?.text ?? "") + #", "suggestions": [\#(suggestions)]}}"#
  }

  /// A JSON string; the texts are fixed English sentences, so only quotes and
  /// backslashes need escaping.
  private static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
