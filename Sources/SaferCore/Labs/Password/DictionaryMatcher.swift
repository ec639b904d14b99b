/// Finds words of the frequency lists anywhere in a password, in any capitalisation, read
/// forwards and backwards (`drowssap`).
enum DictionaryMatcher {
  /// A list word found in lowercased text: its place, the word and its list entry.
  struct Hit {
    let start: Int
    let end: Int
    let word: String
    let entry: RankedWordLists.Entry
  }

  static func matches(in password: PasswordText, userWords: UserWords) -> [PasswordMatch] {
    hits(in: password.lowered, userWords: userWords).map { hit in
      match(hit, token: password.token(hit.start, hit.end), reversed: false)
    }
  }

  /// Words read right to left; the match keeps the password's own order and place.
  static func reversedMatches(in password: PasswordText, userWords: UserWords) -> [PasswordMatch] {
    let last = password.count - 1
    let found = hits(in: Array(password.lowered.reversed()), userWords: userWords).map { hit in
      match(hit, token: password.token(last - hit.end, last - hit.start), reversed: true, start: last - hit.end)
    }
    return found.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
  }

  /// Every substring of `lowered` that is a list word, by start then end (a word of the
  /// compiled lists before the same word of `userWords`, as zxcvbn orders its lists).
  ///
  /// With `differingFrom`, only words covering a position where `lowered` differs from it
  /// (the l33t matcher's translated characters): the others are plain words, found already.
  static func hits(in lowered: [Unicode.Scalar], userWords: UserWords, differingFrom original: [Unicode.Scalar]? = nil)
    -> [Hit]
  {
    let table = RankedWordLists.table
    let longest = max(RankedWordLists.longestWord, userWords.longest)
    // For each position, the first one at or after it that must be covered.
    var nextNeeded = Array(repeating: Int.max, count: lowered.count + 1)
    if let original {
      for index in lowered.indices.reversed() {
        nextNeeded[index] = lowered[index] != original[index] ? index : nextNeeded[index + 1]
      }
    }
    var hits: [Hit] = []
    for start in lowered.indices {
      let firstNeeded = original == nil ? start : nextNeeded[start]
      guard firstNeeded < start + longest else { continue }
      var candidate = ""
      for end in start..<min(lowered.count, start + longest) {
        let scalar = lowered[end]
        // The lists are ASCII only (scripts/zxcvbn-data.py checks): nothing longer matches.
        guard scalar.isASCII || userWords.hasNonASCII else { break }
        candidate.unicodeScalars.append(scalar)
        guard end >= firstNeeded else { continue }
        if let entry = table[candidate] {
          hits.append(Hit(start: start, end: end, word: candidate, entry: entry))
        }
        if let rank = userWords.ranks[candidate] {
          hits.append(Hit(start: start, end: end, word: candidate, entry: .init(list: .userInputs, rank: rank)))
        }
      }
    }
    return hits
  }

  private static func match(_ hit: Hit, token: String, reversed: Bool, start: Int? = nil) -> PasswordMatch {
    let first = start ?? hit.start
    let word = PasswordMatch.DictionaryWord(
      list: hit.entry.list, rank: hit.entry.rank, word: hit.word, reversed: reversed, substitutions: [])
    return PasswordMatch(start: first, end: first + hit.end - hit.start, token: token, pattern: .dictionary(word))
  }
}
