/// Runs every matcher over a password and lists what they found, by position.
///
/// The order is zxcvbn's (dictionary, reversed, l33t, keyboard, repeat, sequence, year,
/// date; then by start and end, keeping that order within a span), because the
/// minimum-guess search keeps the first of two equally good matches, and the feedback
/// speaks of the one kept.
enum MatchFinder {
  static func matches(in password: PasswordText, userWords: UserWords) -> [PasswordMatch] {
    let found =
      DictionaryMatcher.matches(in: password, userWords: userWords)
      + DictionaryMatcher.reversedMatches(in: password, userWords: userWords)
      + LeetMatcher.matches(in: password, userWords: userWords) + SpatialMatcher.matches(in: password)
      + RepeatMatcher.matches(in: password, userWords: userWords)
      + SequenceMatcher.matches(in: password) + YearMatcher.matches(in: password) + DateMatcher.matches(in: password)
    return found.enumerated().sorted {
      ($0.element.start, $0.element.end, $0.offset) < ($1.element.start, $1.element.end, $1.offset)
    }
    .map(\.element)
  }
}
