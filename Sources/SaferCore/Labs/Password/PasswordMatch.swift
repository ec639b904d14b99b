/// A stretch of a password that follows a pattern an attacker would try: a common word,
/// a keyboard walk, a date. The estimator finds every one it can, overlapping, then picks
/// the sequence of them that is cheapest to guess.
public struct PasswordMatch: Sendable, Equatable {
  /// The kind of pattern, with what guessing it depends on.
  public enum Pattern: Sendable, Equatable {
    /// A word of a frequency list, maybe capitalised, reversed or in l33t.
    case dictionary(DictionaryWord)
    /// A walk over neighbouring keys.
    case spatial(graph: String, turns: Int, shifted: Int)
    /// The same piece typed again and again (`aaa`, `abcabc`), guessed as its base.
    case repeated(base: String, baseGuesses: Double, count: Double)
    /// Characters a fixed step apart (`abcd`, `9753`).
    case sequence(kind: SequenceKind, ascending: Bool)
    /// A year from 1900 to 2019.
    case recentYear(Int)
    /// A day, month and year, with or without separators.
    case date(year: Int, month: Int, day: Int, separator: String)
    /// Nothing recognised: every character guessed.
    case bruteforce
  }

  /// The alphabet of a sequence.
  public enum SequenceKind: String, Sendable {
    case lower, upper, digits, unicode
  }

  /// Where a dictionary word came from and how it was disguised.
  public struct DictionaryWord: Sendable, Equatable {
    public var list: FrequencyList
    public var rank: Int
    /// The word as the list has it (lowercase, substitutions undone).
    public var word: String
    public var reversed: Bool
    /// The l33t substitutions used, each a typed character and the letter it stands for.
    public var substitutions: [Substitution]

    public var isLeet: Bool { !substitutions.isEmpty }
  }

  /// `4` typed for `a`.
  public struct Substitution: Sendable, Equatable {
    public var typed: Unicode.Scalar
    public var letter: Unicode.Scalar
  }

  /// First and last position, in Unicode scalars, both included.
  public var start: Int
  public var end: Int
  /// The matched part of the password. It is a piece of a secret: show it to nobody.
  public var token: String
  public var pattern: Pattern
  /// Guesses to hit this match where it stands, once the search has estimated it.
  public var guesses: Double?

  /// Length in Unicode scalars.
  public var length: Int { end - start + 1 }
}
