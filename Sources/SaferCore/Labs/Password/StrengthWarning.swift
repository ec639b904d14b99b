/// Why a password is weak. `text` is zxcvbn's English wording (what `safer strength`
/// prints, so its output compares with zxcvbn's); `plain` says it for a 10-13 year old.
public enum StrengthWarning: String, CaseIterable, Sendable {
  case topTen, topHundred, veryCommon, similarToCommon
  case wordByItself, nameByItself, commonName
  case straightRow, shortKeyboardPattern
  case repeatedCharacter, repeatedPiece
  case sequence, recentYear, date

  public var text: String {
    switch self {
    case .topTen: "This is a top-10 common password."
    case .topHundred: "This is a top-100 common password."
    case .veryCommon: "This is a very common password."
    case .similarToCommon: "This is similar to a commonly used password."
    case .wordByItself: "A word by itself is easy to guess."
    case .nameByItself: "Names and surnames by themselves are easy to guess."
    case .commonName: "Common names and surnames are easy to guess."
    case .straightRow: "Straight rows of keys are easy to guess."
    case .shortKeyboardPattern: "Short keyboard patterns are easy to guess."
    case .repeatedCharacter: #"Repeats like "aaa" are easy to guess."#
    case .repeatedPiece: #"Repeats like "abcabcabc" are only slightly harder to guess than "abc"."#
    case .sequence: #"Sequences like "abc" or "6543" are easy to guess."#
    case .recentYear: "Recent years are easy to guess."
    case .date: "Dates are often easy to guess."
    }
  }

  public var plain: String {
    switch self {
    case .topTen: "This is one of the ten passwords people use most. Guessing tools try it first."
    case .topHundred: "This is one of the hundred passwords people use most. Guessing tools try it very early."
    case .veryCommon: "Lots of people use this password, so guessing tools know it."
    case .similarToCommon: "This is a common password with small changes. Guessing tools try those changes too."
    case .wordByItself: "One word on its own is easy to guess: guessing tools try whole dictionaries."
    case .nameByItself: "A name on its own is easy to guess: guessing tools try lists of names."
    case .commonName: "It has a common name in it, and guessing tools try lists of names."
    case .straightRow: "Keys in a row on the keyboard (like qwerty) are easy to guess."
    case .shortKeyboardPattern: "Short patterns on the keyboard are easy to guess."
    case .repeatedCharacter: "The same key again and again (like aaa) is easy to guess."
    case .repeatedPiece: "Typing the same part twice (like abcabc) is hardly harder to guess than typing it once."
    case .sequence: "Letters or numbers in order (like abc or 6543) are easy to guess."
    case .recentYear: "Years are easy to guess."
    case .date: "Dates, like birthdays, are easy to guess."
    }
  }
}
