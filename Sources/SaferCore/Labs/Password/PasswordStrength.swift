/// Estimates how hard a password is to guess, in the manner of Dropbox's zxcvbn (Wheeler,
/// "zxcvbn: Low-Budget Password Strength Estimation", USENIX Security 2016): it finds every
/// pattern an attacker would try (common passwords, words and names with capitals,
/// l33t and reversal, keyboard walks, repeats, sequences, years, dates), picks the
/// sequence of them with the fewest guesses, and scores that from 0 to 4.
///
/// Pure: it keeps nothing, logs nothing and never prints. The password is in the caller's
/// hands only.
public enum PasswordStrength {
  /// Characters (Unicode scalars) checked; the rest of a longer password is left out, as
  /// zxcvbn's documentation advises, so that the estimate stays well under a few
  /// milliseconds. A password this long scores 4 unless it is one pattern repeated.
  public static let checkedLength = 100

  /// `userWords`: words about the person (their name), which make a password weaker.
  public static func estimate(_ password: String, userWords: UserWords = .none) -> StrengthEstimate {
    let scalars = Array(password.unicodeScalars)
    let text = PasswordText(Array(scalars.prefix(checkedLength)))
    let result = MatchSequenceSearch.minimumGuesses(for: text, matches: MatchFinder.matches(in: text, userWords: userWords))
    let score = StrengthEstimate.score(guesses: result.guesses)
    return StrengthEstimate(
      guesses: result.guesses, score: score, sequence: result.sequence,
      feedback: StrengthFeedback.make(score: score, sequence: result.sequence),
      truncated: scalars.count > checkedLength)
  }
}
