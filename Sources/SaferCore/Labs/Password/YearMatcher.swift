/// Finds recent years, 1900 to 2019 (zxcvbn's `recent_year` pattern), left to right
/// without overlaps.
enum YearMatcher {
  static func matches(in password: PasswordText) -> [PasswordMatch] {
    let characters = password.scalars
    var matches: [PasswordMatch] = []
    var start = 0
    while start + 4 <= characters.count {
      let digits = characters[start..<start + 4].map(PasswordText.digit)
      let isYear =
        characters[start] == "1" && characters[start + 1] == "9" && digits[2] != nil && digits[3] != nil
        || characters[start] == "2" && characters[start + 1] == "0"
          && (characters[start + 2] == "0" || characters[start + 2] == "1")
          && digits[3] != nil
      guard isYear, let year = PasswordText.number(characters[start..<start + 4]) else {
        start += 1
        continue
      }
      matches.append(
        PasswordMatch(start: start, end: start + 3, token: password.token(start, start + 3), pattern: .recentYear(year)))
      start += 4
    }
    return matches
  }
}
