/// One of zxcvbn's ranked word lists (compiled in from `Data/`, written by
/// `scripts/zxcvbn-data.py`): where a word the estimator found comes from.
///
/// The raw values are zxcvbn's own names, so a match reads the same in both.
public enum FrequencyList: String, CaseIterable, Sendable {
  case passwords
  case englishWikipedia = "english_wikipedia"
  case femaleNames = "female_names"
  case surnames
  case usTVAndFilm = "us_tv_and_film"
  case maleNames = "male_names"
  /// Words about the person (`UserWords`), given with the password rather than compiled in.
  case userInputs = "user_inputs"

  /// The lists compiled in.
  static let compiled: [FrequencyList] = [.passwords, .englishWikipedia, .femaleNames, .surnames, .usTVAndFilm, .maleNames]

  /// Whether the list holds people's names (feedback speaks of names for these).
  public var isNames: Bool { self == .femaleNames || self == .maleNames || self == .surnames }

  /// The list as compiled in: one word a line, most common first.
  var text: String {
    switch self {
    case .passwords: RankedWordLists.passwords
    case .englishWikipedia: RankedWordLists.englishWikipedia
    case .femaleNames: RankedWordLists.femaleNames
    case .surnames: RankedWordLists.surnames
    case .usTVAndFilm: RankedWordLists.usTVAndFilm
    case .maleNames: RankedWordLists.maleNames
    case .userInputs: ""
    }
  }
}
