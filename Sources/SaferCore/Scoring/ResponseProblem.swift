/// Why a response could not be graded; the student is asked again, nothing is recorded.
public enum ResponseProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// Nothing was typed.
  case empty
  /// A letter that is not one of the choices; `letters` lists the valid ones (`a, b, c`),
  /// or is the range `1 to 40` for choices numbered because there are more than 26.
  case notAChoice(String, letters: String)
  /// Several letters where one is wanted.
  case oneChoiceOnly
  /// Not `true` or `false`.
  case notTrueOrFalse
  case notANumber(String)
  /// An ordering that does not use each letter exactly once.
  case incompleteOrder(letters: String)
  /// A matching answer that does not give one letter per numbered item.
  case incompleteMatching(example: String)

  public var description: String {
    switch self {
    case .empty: "Type your answer, or `hint`, `skip` or `help`."
    case .notAChoice(let text, let letters) where letters.contains(" to "):
      "“\(text)” is not one of the choices; answer with a number from \(letters)."
    case .notAChoice(let text, let letters): "“\(text)” is not one of the choices; answer with a letter (\(letters))."
    case .oneChoiceOnly: "Pick just one letter for this question."
    case .notTrueOrFalse: "Answer `true` or `false` (or `t`/`f`)."
    case .notANumber(let text): "“\(text)” is not a number; type digits, like 12 or 2.5."
    case .incompleteOrder(let letters): "Put every letter in order, each once, like `\(letters)`."
    case .incompleteMatching(let example): "Give a letter for every numbered item, like `\(example)`."
    }
  }
}
