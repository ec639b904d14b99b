/// Words about the person whose password it is (their name), the extra list zxcvbn calls
/// `user_inputs`: whoever knows them tries them first, so they rank from 1 like the most
/// common passwords.
public struct UserWords: Sendable {
  /// Each word, lowercased, and its rank (its place in the list given, from 1).
  let ranks: [String: Int]
  /// The longest word, in Unicode scalars.
  let longest: Int
  /// Whether a word has a character outside ASCII (the compiled lists have none).
  let hasNonASCII: Bool

  public init(_ words: [String]) {
    var ranks: [String: Int] = [:]
    for (index, word) in words.enumerated() {
      let lowered = PasswordText.string(PasswordText(word).lowered)
      if !lowered.isEmpty { ranks[lowered] = index + 1 }
    }
    self.ranks = ranks
    self.longest = ranks.keys.map(\.unicodeScalars.count).max() ?? 0
    self.hasNonASCII = ranks.keys.contains { !$0.unicodeScalars.allSatisfy(\.isASCII) }
  }

  public static let none = UserWords([])
}
