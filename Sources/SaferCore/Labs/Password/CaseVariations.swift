/// How many ways of writing a dictionary word an attacker tries before this one: its
/// capitals and its l33t substitutions.
enum CaseVariations {
  /// All lowercase costs nothing extra; a first or last capital, or all capitals, doubles
  /// the guesses; otherwise every way of placing that many capitals (up to the smaller of
  /// the upper and lower counts) is counted.
  static func uppercase(_ word: PasswordText) -> Double {
    let scalars = word.scalars
    if !scalars.contains(where: PasswordText.isASCIIUpper) || word.lowered == scalars { return 1 }
    let upperFirst =
      scalars.count > 1 && PasswordText.isASCIIUpper(scalars[0])
      && !scalars.dropFirst().contains(where: PasswordText.isASCIIUpper)
    let upperLast =
      scalars.count > 1 && PasswordText.isASCIIUpper(scalars[scalars.count - 1])
      && !scalars.dropLast().contains(where: PasswordText.isASCIIUpper)
    let allUpper = !scalars.contains(where: PasswordText.isASCIILower)
    if upperFirst || upperLast || allUpper { return 2 }
    let upper = scalars.filter(\.properties.isUppercase).count
    let lower = scalars.filter(\.properties.isLowercase).count
    return Combinatorics.sumOfChoices(upper + lower, upTo: min(upper, lower))
  }

  /// For each substitution used: a word fully or never substituted doubles the guesses,
  /// a mix counts the ways of choosing which letters were swapped.
  static func leet(_ word: PasswordText, _ substitutions: [PasswordMatch.Substitution]) -> Double {
    var variations = 1.0
    for substitution in substitutions {
      let swapped = word.lowered.filter { $0 == substitution.typed }.count
      let kept = word.lowered.filter { $0 == substitution.letter }.count
      if swapped == 0 || kept == 0 {
        variations *= 2
      } else {
        variations *= Combinatorics.sumOfChoices(swapped + kept, upTo: min(swapped, kept))
      }
    }
    return variations
  }
}
