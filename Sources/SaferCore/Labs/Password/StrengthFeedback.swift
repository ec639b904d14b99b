import Foundation

/// What made a password weak, and what to do about it, chosen as zxcvbn chooses: only for
/// scores 0 to 2, and about the longest pattern in the password.
public struct StrengthFeedback: Sendable, Equatable {
  public var warning: StrengthWarning?
  public var suggestions: [StrengthSuggestion]

  public init(warning: StrengthWarning? = nil, suggestions: [StrengthSuggestion] = []) {
    self.warning = warning
    self.suggestions = suggestions
  }

  static func make(score: Int, sequence: [PasswordMatch]) -> StrengthFeedback {
    guard let first = sequence.first else {
      return StrengthFeedback(suggestions: [.useAFewWords, .noNeedForSymbols])
    }
    guard score <= 2 else { return StrengthFeedback() }
    // The longest match (the first of equals) is what the password mostly is.
    let longest = sequence.dropFirst().reduce(first) { $1.length > $0.length ? $1 : $0 }
    var feedback = about(longest, alone: sequence.count == 1)
    feedback.suggestions.insert(.addAnotherWord, at: 0)
    return feedback
  }

  private static func about(_ match: PasswordMatch, alone: Bool) -> StrengthFeedback {
    switch match.pattern {
    case .dictionary(let word):
      return about(word, token: match.token, alone: alone, guesses: match.guesses ?? GuessEstimator.patternGuesses(match))
    case .spatial(_, let turns, _):
      return StrengthFeedback(
        warning: turns == 1 ? .straightRow : .shortKeyboardPattern, suggestions: [.longerKeyboardPattern])
    case .repeated(let base, _, _):
      return StrengthFeedback(
        warning: base.unicodeScalars.count == 1 ? .repeatedCharacter : .repeatedPiece, suggestions: [.avoidRepeats])
    case .sequence:
      return StrengthFeedback(warning: .sequence, suggestions: [.avoidSequences])
    case .recentYear:
      return StrengthFeedback(warning: .recentYear, suggestions: [.avoidRecentYears, .avoidYearsAboutYou])
    case .date:
      return StrengthFeedback(warning: .date, suggestions: [.avoidDates])
    case .bruteforce:
      return StrengthFeedback()
    }
  }

  private static func about(
    _ word: PasswordMatch.DictionaryWord, token: String, alone: Bool, guesses: Double
  ) -> StrengthFeedback {
    var feedback = StrengthFeedback()
    switch word.list {
    case .passwords:
      if alone && !word.isLeet && !word.reversed {
        feedback.warning = word.rank <= 10 ? .topTen : word.rank <= 100 ? .topHundred : .veryCommon
      } else if log10(guesses) <= 4 {
        feedback.warning = .similarToCommon
      }
    case .englishWikipedia:
      if alone { feedback.warning = .wordByItself }
    case .femaleNames, .maleNames, .surnames:
      feedback.warning = alone ? .nameByItself : .commonName
    case .usTVAndFilm, .userInputs:
      break
    }
    let scalars = Array(token.unicodeScalars)
    let text = PasswordText(scalars)
    if scalars.count > 1, PasswordText.isASCIIUpper(scalars[0]),
      !scalars.dropFirst().contains(where: PasswordText.isASCIIUpper)
    {
      feedback.suggestions.append(.capitalization)
    } else if !scalars.isEmpty, !scalars.contains(where: PasswordText.isASCIILower), text.lowered != scalars {
      feedback.suggestions.append(.allUppercase)
    }
    if word.reversed && scalars.count >= 4 { feedback.suggestions.append(.reversedWords) }
    if word.isLeet { feedback.suggestions.append(.predictableSubstitutions) }
    return feedback
  }
}
