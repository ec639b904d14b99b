import Foundation

/// How many guesses an attacker who knows a pattern needs to hit one match, as zxcvbn
/// counts them (Wheeler, "zxcvbn: Low-Budget Password Strength Estimation", USENIX
/// Security 2016, section 4).
enum GuessEstimator {
  /// Guesses per character of a stretch nothing recognised.
  static let bruteforceCardinality = 10.0
  /// A match shorter than the password costs at least this: one character…
  static let minimumSubmatchGuessesSingle = 10.0
  /// …or more.
  static let minimumSubmatchGuessesMulti = 50.0
  /// Years counted around the reference year, at the least.
  static let minimumYearSpace = 20
  /// zxcvbn's "now" for years and dates (fixed, so estimates do not drift with the clock).
  static let referenceYear = 2017

  /// Guesses for `match` inside a password of `passwordLength` characters.
  static func guesses(for match: PasswordMatch, passwordLength: Int) -> Double {
    var minimum = 1.0
    if match.length < passwordLength {
      minimum = match.length == 1 ? minimumSubmatchGuessesSingle : minimumSubmatchGuessesMulti
    }
    return max(patternGuesses(match), minimum)
  }

  static func patternGuesses(_ match: PasswordMatch) -> Double {
    switch match.pattern {
    case .bruteforce:
      return bruteforceGuesses(length: match.length)
    case .dictionary(let word):
      let token = PasswordText(match.token)
      return Double(word.rank) * CaseVariations.uppercase(token) * CaseVariations.leet(token, word.substitutions)
        * (word.reversed ? 2 : 1)
    case .spatial(let graph, let turns, let shifted):
      return spatialGuesses(graph: graph, length: match.length, turns: turns, shifted: shifted)
    case .repeated(_, let baseGuesses, let count):
      return baseGuesses * count
    case .sequence(_, let ascending):
      return sequenceGuesses(first: match.token.unicodeScalars.first, length: match.length, ascending: ascending)
    case .recentYear(let year):
      return Double(max(abs(year - referenceYear), minimumYearSpace))
    case .date(let year, _, _, let separator):
      return Double(max(abs(year - referenceYear), minimumYearSpace)) * 365 * (separator.isEmpty ? 1 : 4)
    }
  }

  /// Brute force over `length` characters of a password of `passwordLength` (the same as
  /// `guesses(for:passwordLength:)` of such a match, without making one).
  static func bruteforceGuesses(length: Int, passwordLength: Int) -> Double {
    let minimum =
      length >= passwordLength ? 1 : length == 1 ? minimumSubmatchGuessesSingle : minimumSubmatchGuessesMulti
    return max(bruteforceGuesses(length: length), minimum)
  }

  /// Ten a character, and a little more than any recognised pattern of the same span, so
  /// a pattern wins a tie.
  static func bruteforceGuesses(length: Int) -> Double {
    let minimum = (length == 1 ? minimumSubmatchGuessesSingle : minimumSubmatchGuessesMulti) + 1
    return max(pow(bruteforceCardinality, Double(length)), minimum)
  }

  /// Obvious starting points (`a`, `z`, `0`, `1`, `9`) are tried first; a sequence down
  /// costs twice one up.
  static func sequenceGuesses(first: Unicode.Scalar?, length: Int, ascending: Bool) -> Double {
    var base: Double
    if let first, "aAzZ019".unicodeScalars.contains(first) {
      base = 4
    } else if let first, PasswordText.digit(first) != nil {
      base = 10
    } else {
      base = 26
    }
    if !ascending { base *= 2 }
    return base * Double(length)
  }

  /// Walks of this length with this many turns or fewer, from any key: zxcvbn's sum over
  /// lengths and turn counts, times the ways to place the shifted keys.
  static func spatialGuesses(graph: String, length: Int, turns: Int, shifted: Int) -> Double {
    // Both keyboards are counted with QWERTY's figures and both keypads with the PC one's.
    let layout = graph == "qwerty" || graph == "dvorak" ? KeyboardGraph.qwerty : KeyboardGraph.keypad
    let starts = layout.startingPositions
    let degree = layout.averageDegree
    var guesses = 0.0
    if length >= 2 {
      for walkLength in 2...length {
        let possibleTurns = min(turns, walkLength - 1)
        guard possibleTurns >= 1 else { continue }
        for turnCount in 1...possibleTurns {
          guesses += Combinatorics.choose(walkLength - 1, turnCount - 1) * starts * pow(degree, Double(turnCount))
        }
      }
    }
    if shifted > 0 {
      let unshifted = length - shifted
      if unshifted == 0 {
        guesses *= 2
      } else {
        guesses *= (1...min(shifted, unshifted)).reduce(0) { $0 + Combinatorics.choose(length, $1) }
      }
    }
    return guesses
  }
}
