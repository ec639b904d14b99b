/// A question a student answers, with everything needed to grade it and explain why.
public struct Question: Hashable, Sendable {
  /// What the student must do, with the data needed to grade it.
  public enum Kind: Hashable, Sendable {
    case single([Choice])
    case multiple([Choice])
    case trueFalse(answer: Bool)
    case text(TextAnswer)
    case number(NumberAnswer)
    /// Items in the right order; shown shuffled.
    case order([String])
    case scenario([Choice])
    /// Pairs to match: each left item with its right one (GIFT matching questions).
    case matching([MatchPair])
    /// A free answer kept for the teacher, not scored (GIFT essay questions).
    case essay

    /// One right number, with a tolerance.
    public static func number(answer: Double, tolerance: Double = 0, unit: String? = nil) -> Kind {
      .number(NumberAnswer(options: [.init(value: answer, tolerance: tolerance)], unit: unit))
    }
  }

  /// Accepted numbers for a number question: one or more ranges, each worth a share.
  public struct NumberAnswer: Hashable, Sendable {
    public var options: [NumericOption]
    public var unit: String?

    public init(options: [NumericOption], unit: String? = nil) {
      self.options = options
      self.unit = unit
    }
  }

  /// A range of numbers and what an answer in it earns.
  public struct NumericOption: Hashable, Sendable {
    public var minimum: Double
    public var maximum: Double
    /// Percent of the question's points, -100…100.
    public var weight: Double
    public var feedback: String?

    public init(minimum: Double, maximum: Double, weight: Double = 100, feedback: String? = nil) {
      self.minimum = min(minimum, maximum)
      self.maximum = max(minimum, maximum)
      self.weight = weight
      self.feedback = feedback
    }

    public init(value: Double, tolerance: Double, weight: Double = 100, feedback: String? = nil) {
      self.init(minimum: value - abs(tolerance), maximum: value + abs(tolerance), weight: weight, feedback: feedback)
    }

    /// The middle of the range, the number shown as "the right answer".
    public var value: Double { (minimum + maximum) / 2 }
    public var tolerance: Double { (maximum - minimum) / 2 }
  }

  /// One pair of a matching question.
  public struct MatchPair: Hashable, Sendable {
    public var left: String
    public var right: String

    public init(left: String, right: String) {
      self.left = left
      self.right = right
    }

    /// A right-hand item with nothing to match it (GIFT's `= -> Chat`): offered among the
    /// answers, so the question cannot be solved by elimination.
    public var isDistractor: Bool { left.isEmpty }
  }

  /// A short-text answer that earns a share of the points (GIFT `=%50%answer`).
  public struct TextOption: Hashable, Sendable {
    /// The answer; for an option with a `pattern`, an example of it (may be empty).
    public var text: String
    /// Percent of the question's points, -100…100.
    public var weight: Double
    public var feedback: String?
    /// A regular expression the whole (trimmed) answer matches instead of `text`, case
    /// ignored: a GIFT wildcard worth part of the points (`=%50%*phish*`), or Moodle's
    /// catch-all `=%10%*` that gives something for any answer.
    public var pattern: String?

    public init(text: String, weight: Double = 100, feedback: String? = nil, pattern: String? = nil) {
      self.text = text
      self.weight = weight
      self.feedback = feedback
      self.pattern = pattern
    }
  }

  /// Accepted answers for a short-text question.
  public struct TextAnswer: Hashable, Sendable {
    /// Every answer that earns something; most are worth 100%.
    public var options: [TextOption]
    /// A regular expression the whole (trimmed) answer may match instead.
    public var pattern: String?
    public var forgivesTypos: Bool

    public init(accepted: [String], pattern: String? = nil, forgivesTypos: Bool = true) {
      self.init(options: accepted.map { TextOption(text: $0) }, pattern: pattern, forgivesTypos: forgivesTypos)
    }

    public init(options: [TextOption], pattern: String? = nil, forgivesTypos: Bool = true) {
      self.options = options
      self.pattern = pattern
      self.forgivesTypos = forgivesTypos
    }

    /// The answers worth full marks.
    public var accepted: [String] { options.filter { $0.weight >= 100 && $0.pattern == nil }.map(\.text) }
  }

  /// The most choices a question may have. Moodle sets no limit, and past 26 the choices
  /// are numbered instead of lettered (`Grader.label`); this only bounds a broken file.
  public static let maximumChoices = 1000

  /// Unique inside its lesson.
  public var id: String
  public var kind: Kind
  public var prompt: String
  public var hints: [String]
  /// Shown after any answer.
  public var explanation: String?
  public var points: Double
  public var feedbackCorrect: String?
  public var feedbackWrong: String?
  public var location: SourceLocation?
  /// A title from a question bank (GIFT `::title::`), for teachers' reports.
  public var title: String?
  /// Whether `id` was made up by a bank reader because the file named no question (an
  /// untitled GIFT question is `q3`, every Aiken question `q<N>`): exports leave it out
  /// rather than present it as the author's title.
  public var hasGeneratedID = false
  /// A question-bank category (GIFT `$CATEGORY:`), which quizzes can select by.
  public var category: String?
  /// Whether a quiz that shuffles answers may shuffle this question's choices.
  public var shuffleChoices: Bool = true
  /// Moodle 4's question ID number and tags (GIFT: `// [id:…] [tag:…]` in the comment
  /// lines before the question), kept so an exported bank goes back to Moodle whole.
  public var idNumber: String?
  public var tags: [String] = []

  public init(
    id: String, kind: Kind, prompt: String, hints: [String] = [], explanation: String? = nil,
    points: Double = 1, feedbackCorrect: String? = nil, feedbackWrong: String? = nil,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.kind = kind
    self.prompt = prompt
    self.hints = hints
    self.explanation = explanation
    self.points = points
    self.feedbackCorrect = feedbackCorrect
    self.feedbackWrong = feedbackWrong
    self.location = location
  }

  /// The word used for this kind in lesson files.
  public var kindName: String {
    switch kind {
    case .single: "single"
    case .multiple: "multiple"
    case .trueFalse: "truefalse"
    case .text: "text"
    case .number: "number"
    case .order: "order"
    case .scenario: "scenario"
    case .matching: "matching"
    case .essay: "essay"
    }
  }

  /// The choices shown as lettered options, if the kind has any.
  public var choices: [Choice] {
    switch kind {
    case .single(let c), .multiple(let c), .scenario(let c): c
    case .trueFalse: [Choice(text: "True"), Choice(text: "False")]
    default: []
    }
  }
}
