/// Finds list words written in l33t: `p@ssw0rd`, `5unsh1ne`.
///
/// A typed character can stand for more than one letter (`1` for `i` or `l`), so every
/// consistent way of reading the password's l33t characters is tried, each as a plain
/// word search; only words that really used a substitution are kept.
enum LeetMatcher {
  /// Each letter and the characters typed for it, in the order zxcvbn tries them.
  static let table: [(letter: Unicode.Scalar, typed: [Unicode.Scalar])] = [
    ("a", ["4", "@"]), ("b", ["8"]), ("c", ["(", "{", "[", "<"]), ("e", ["3"]), ("g", ["6", "9"]),
    ("i", ["1", "!", "|"]), ("l", ["1", "|", "7"]), ("o", ["0"]), ("s", ["$", "5"]), ("t", ["+", "7"]),
    ("x", ["%"]), ("z", ["2"]),
  ]

  static func matches(in password: PasswordText, userWords: UserWords) -> [PasswordMatch] {
    var matches: [PasswordMatch] = []
    var seen = Set<String>()
    for reading in readings(of: password) {
      var translated = password.lowered
      for index in translated.indices {
        if let letter = reading.first(where: { $0.typed == translated[index] })?.letter { translated[index] = letter }
      }
      for hit in DictionaryMatcher.hits(in: translated, userWords: userWords, differingFrom: password.lowered)
      where hit.end > hit.start {
        let typed = password.lowered[hit.start...hit.end]
        // Only words that used a substitution: the plain ones are the dictionary's.
        guard PasswordText.string(typed) != hit.word else { continue }
        let used = reading.filter { typed.contains($0.typed) }
        // Readings differ outside a word as often as in it: keep one match per word.
        let key = "\(hit.start) \(hit.end) \(hit.entry.list) " + used.map { "\($0.typed)\($0.letter)" }.joined()
        guard seen.insert(key).inserted else { continue }
        let word = PasswordMatch.DictionaryWord(
          list: hit.entry.list, rank: hit.entry.rank, word: hit.word, reversed: false, substitutions: used)
        matches.append(
          PasswordMatch(
            start: hit.start, end: hit.end, token: password.token(hit.start, hit.end), pattern: .dictionary(word)))
      }
    }
    return matches.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
  }

  /// Every consistent reading of the l33t characters in the password: each typed
  /// character stands for one letter at most, and no reading repeats another.
  static func readings(of password: PasswordText) -> [[PasswordMatch.Substitution]] {
    let present = Set(password.scalars)
    var readings: [[PasswordMatch.Substitution]] = [[]]
    for (letter, typed) in table {
      let relevant = typed.filter(present.contains)
      guard !relevant.isEmpty else { continue }
      var next: [[PasswordMatch.Substitution]] = []
      for character in relevant {
        for reading in readings {
          let substitution = PasswordMatch.Substitution(typed: character, letter: letter)
          if let taken = reading.firstIndex(where: { $0.typed == character }) {
            // Already read as another letter: keep that reading, and add one with this letter.
            var alternative = reading
            alternative.remove(at: taken)
            alternative.append(substitution)
            next.append(reading)
            next.append(alternative)
          } else {
            next.append(reading + [substitution])
          }
        }
      }
      var labels = Set<[String]>()
      readings = next.filter { reading in
        labels.insert(reading.map { "\($0.letter)\($0.typed)" }.sorted()).inserted
      }
    }
    return readings.first?.isEmpty == true ? [] : readings
  }
}
