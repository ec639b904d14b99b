/// How to make a password stronger. `text` is zxcvbn's English wording; `plain` says it
/// for a 10-13 year old.
public enum StrengthSuggestion: String, CaseIterable, Sendable {
  case useAFewWords, noNeedForSymbols, addAnotherWord
  case capitalization, allUppercase, reversedWords, predictableSubstitutions
  case longerKeyboardPattern, avoidRepeats, avoidSequences
  case avoidRecentYears, avoidYearsAboutYou, avoidDates

  public var text: String {
    switch self {
    case .useAFewWords: "Use a few words, avoid common phrases."
    case .noNeedForSymbols: "No need for symbols, digits, or uppercase letters."
    case .addAnotherWord: "Add another word or two. Uncommon words are better."
    case .capitalization: "Capitalization doesn't help very much."
    case .allUppercase: "All-uppercase is almost as easy to guess as all-lowercase."
    case .reversedWords: "Reversed words aren't much harder to guess."
    case .predictableSubstitutions: "Predictable substitutions like '@' instead of 'a' don't help very much."
    case .longerKeyboardPattern: "Use a longer keyboard pattern with more turns."
    case .avoidRepeats: "Avoid repeated words and characters."
    case .avoidSequences: "Avoid sequences."
    case .avoidRecentYears: "Avoid recent years."
    case .avoidYearsAboutYou: "Avoid years that are associated with you."
    case .avoidDates: "Avoid dates and years that are associated with you."
    }
  }

  public var plain: String {
    switch self {
    case .useAFewWords: "Use a few words that do not usually go together."
    case .noNeedForSymbols: "You do not need symbols, numbers or capital letters."
    case .addAnotherWord: "Add another word or two. Unusual words are better."
    case .capitalization: "A capital letter at the start hardly helps: everybody does that."
    case .allUppercase: "ALL CAPITALS is almost as easy to guess as all small letters."
    case .reversedWords: "Words spelled backwards are not much harder to guess."
    case .predictableSubstitutions: "Swapping letters for look-alikes (@ for a, 0 for o) hardly helps: guessing tools try those."
    case .longerKeyboardPattern: "Keyboard patterns are easy to guess. Words are better."
    case .avoidRepeats: "Do not repeat words or letters."
    case .avoidSequences: "Leave out letters and numbers in order."
    case .avoidRecentYears: "Leave out years."
    case .avoidYearsAboutYou: "Leave out years that have to do with you, like the year you were born."
    case .avoidDates: "Leave out dates and years that have to do with you, like your birthday."
    }
  }
}
