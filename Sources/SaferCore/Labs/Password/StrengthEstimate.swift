import Foundation

/// How hard a password is to guess: the guesses an attacker needs, a score from 0 to 4,
/// the patterns that decided it, and feedback.
public struct StrengthEstimate: Sendable {
  public var guesses: Double
  public var score: Int
  /// The patterns the estimate rests on, left to right. They are pieces of the password:
  /// show them to nobody.
  public var sequence: [PasswordMatch]
  public var feedback: StrengthFeedback
  /// Whether only the first `PasswordStrength.checkedLength` characters were checked.
  public var truncated: Bool

  public var guessesLog10: Double { log10(guesses) }

  /// Whether the estimate rests on one of the `UserWords` (the person's name).
  public var usesUserWords: Bool {
    sequence.contains {
      if case .dictionary(let word) = $0.pattern { return word.list == .userInputs }
      return false
    }
  }

  /// zxcvbn's bands: under 10^3 guesses (plus a margin of 5) is 0, "too guessable"; under
  /// 10^6, 1; under 10^8, 2; under 10^10, 3; more, 4, "very unguessable".
  public static func score(guesses: Double) -> Int {
    let margin = 5.0
    if guesses < 1e3 + margin { return 0 }
    if guesses < 1e6 + margin { return 1 }
    if guesses < 1e8 + margin { return 2 }
    if guesses < 1e10 + margin { return 3 }
    return 4
  }

  /// How long the guessing would take at `attack`'s speed.
  public func seconds(_ attack: Attack) -> Double { guesses / attack.guessesPerSecond }

  /// zxcvbn's four attack scenarios.
  public enum Attack: CaseIterable, Sendable {
    /// Guessing on a website that slows down repeated tries: 100 an hour.
    case onlineThrottled
    /// Guessing on a website that does not: 10 a second.
    case onlineUnthrottled
    /// A stolen list of passwords stored with a slow hash (bcrypt, scrypt): 10,000 a second.
    case offlineSlowHash
    /// A stolen list stored with a fast hash: 10 billion a second.
    case offlineFastHash

    public var guessesPerSecond: Double {
      switch self {
      case .onlineThrottled: 100.0 / 3600.0
      case .onlineUnthrottled: 10
      case .offlineSlowHash: 1e4
      case .offlineFastHash: 1e10
      }
    }
  }
}
