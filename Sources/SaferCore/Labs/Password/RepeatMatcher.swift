/// Finds repeats: a piece typed two or more times in a row (`aaaa`, `abcabcabc`,
/// `dragondragon`). A repeat costs about as many guesses as its base times the number of
/// copies, so the base is estimated like a password of its own.
///
/// At the leftmost place a repeat starts, the shortest repeating piece (`aa` in `aabaab`
/// is `a` twice) and the longest (`aab` twice) are both tried, and whichever covers more
/// of the password wins, as a lazy and a greedy `(.+)\1+` would in a regex engine.
enum RepeatMatcher {
  static func matches(in password: PasswordText, userWords: UserWords) -> [PasswordMatch] {
    let characters = password.scalars
    var matches: [PasswordMatch] = []
    var from = 0
    while from < characters.count {
      guard let (start, shortest, longest) = firstRepeat(in: characters, from: from) else { break }
      let lazyLength = shortest * copies(of: shortest, at: start, in: characters)
      let greedyLength = longest * copies(of: longest, at: start, in: characters)
      let length: Int
      let base: Int
      if greedyLength > lazyLength {
        length = greedyLength
        base = period(of: characters[start..<start + length])
      } else {
        length = lazyLength
        base = shortest
      }
      let end = start + length - 1
      let baseText = PasswordText(Array(characters[start..<start + base]))
      let estimate = MatchSequenceSearch.minimumGuesses(
        for: baseText, matches: MatchFinder.matches(in: baseText, userWords: userWords))
      matches.append(
        PasswordMatch(
          start: start, end: end, token: password.token(start, end),
          pattern: .repeated(
            base: PasswordText.string(baseText.scalars), baseGuesses: estimate.guesses,
            count: Double(length) / Double(base))))
      from = end + 1
    }
    return matches
  }

  /// The first place at or after `from` where some piece is followed by a copy of itself,
  /// with the shortest and the longest such piece.
  static func firstRepeat(in characters: [Unicode.Scalar], from: Int) -> (start: Int, shortest: Int, longest: Int)? {
    for start in from..<characters.count {
      let room = (characters.count - start) / 2
      guard room > 0 else { return nil }
      guard let shortest = (1...room).first(where: { repeats(characters, at: start, length: $0) }) else { continue }
      let longest = (shortest...room).reversed().first { repeats(characters, at: start, length: $0) } ?? shortest
      return (start, shortest, longest)
    }
    return nil
  }

  /// How many copies of the piece of `length` at `start` follow one another from there.
  static func copies(of length: Int, at start: Int, in characters: [Unicode.Scalar]) -> Int {
    var count = 1
    while start + (count + 1) * length <= characters.count,
      characters[start..<start + length].elementsEqual(characters[start + count * length..<start + (count + 1) * length])
    {
      count += 1
    }
    return count
  }

  /// The shortest piece that the whole of `run` is two or more copies of.
  static func period(of run: ArraySlice<Unicode.Scalar>) -> Int {
    let items = Array(run)
    for length in 1...max(1, items.count / 2) where items.count % length == 0 {
      if (length..<items.count).allSatisfy({ items[$0] == items[$0 - length] }) { return length }
    }
    return items.count
  }

  private static func repeats(_ characters: [Unicode.Scalar], at start: Int, length: Int) -> Bool {
    characters[start..<start + length].elementsEqual(characters[start + length..<start + 2 * length])
  }
}
