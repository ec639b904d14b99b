/// A question a student answers, with everything needed to grade it and explain why.
public struct Question: Hashable, Sendable {
  /// What the student must do, with the data needed to grade it.
  public enum Kind: Hashable, Sendable {
    case single([Choice])
    case multiple([Choice])
    case trueFalse(answer: Bool)
    case text(TextAnswer)
    case number(answer: Double, tolerance: Double, unit: String?)
    /// Items in the right order; shown shuffled.
    case order([String])
    case scenario([Choice])
  }

  /// Accepted answers for a short-text question.
  public struct TextAnswer: Hashable, Sendable {
    public var accepted: [String]
    /// A regular expression the whole (trimmed) answer may match instead.
    public var pattern: String?
    public var forgivesTypos: Bool

    public init(accepted: [String], pattern: String? = nil, forgivesTypos: Bool = true) {
      self.accepted = accepted
      self.pattern = pattern
      self.forgivesTypos = forgivesTypos
    }
  }

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
