/// The normalised question model as JSON (`safer convert --to json`), for other tools.
///
/// A plain data-transfer shape, kept apart from `Lesson` and `Question` on purpose: the
/// model types may change with the app, this document changes only with
/// `modelVersion`. Every step has a `type` and every question a `kind`, named as in lesson
/// files, with that kind's answer data in a field of its own, so a reader never needs to
/// know how Swift lays out enums. Optional fields are left out when empty. The shape is
/// documented in docs/question-model.md and published as
/// Schemas/question-model.schema.json.
public struct QuestionModelDocument: Codable, Hashable, Sendable {
  /// Raised when a reader would misread a new document.
  public static let currentVersion = 1

  public enum ContentKind: String, Codable, Hashable, Sendable {
    case lesson, bank
  }

  public var modelVersion: Int
  public var kind: ContentKind
  public var id: String
  public var title: String
  public var topic: String
  /// Age band, e.g. `10-13`; banks may have none.
  public var level: String?
  public var language: String
  public var minutes: Int
  public var objectives: [String]
  public var sources: [Source]
  /// The fingerprint of the source file, as kept in students' attempts.
  public var contentVersion: String?
  public var steps: [Step]

  public struct Source: Codable, Hashable, Sendable {
    public var title: String
    public var url: String?
  }

  /// One step: an explanation to read, or a question.
  public struct Step: Codable, Hashable, Sendable {
    public enum StepType: String, Codable, Hashable, Sendable {
      case explanation, question
    }

    public var type: StepType
    public var id: String?
    /// For explanations from a question bank: the description's title.
    public var title: String?
    /// The step that follows (`end` ends the lesson); absent: the next one.
    public var next: String?
    /// For explanations: the text, with light markup.
    public var text: String?
    public var question: QuestionData?
  }

  public struct QuestionData: Codable, Hashable, Sendable {
    public var id: String
    /// `single`, `multiple`, `truefalse`, `text`, `number`, `order`, `scenario`,
    /// `matching` or `essay`.
    public var kind: String
    public var prompt: String
    public var title: String?
    public var category: String?
    /// Moodle's question ID number and tags (absent: none).
    public var idNumber: String?
    public var tags: [String]?
    public var points: Double
    public var hints: [String]
    public var explanation: String?
    public var feedback: Feedback?
    public var shuffleChoices: Bool
    /// `single`, `multiple`, `scenario`.
    public var choices: [ChoiceData]?
    /// `truefalse`: the right answer.
    public var answer: Bool?
    public var text: TextData?
    public var number: NumberData?
    /// `order`: the items in the right order.
    public var items: [String]?
    public var pairs: [PairData]?
  }

  /// Feedback for the whole question, for kinds without per-choice feedback.
  public struct Feedback: Codable, Hashable, Sendable {
    public var correct: String?
    public var wrong: String?
  }

  public struct ChoiceData: Codable, Hashable, Sendable {
    public var text: String
    public var correct: Bool
    /// Percent of the points (-100…100); absent: all for a right choice, none otherwise.
    public var weight: Double?
    public var feedback: String?
    public var next: String?
  }

  public struct TextData: Codable, Hashable, Sendable {
    public var answers: [TextOptionData]
    public var pattern: String?
    public var forgivesTypos: Bool
  }

  public struct TextOptionData: Codable, Hashable, Sendable {
    /// With a `pattern`, an example of it (may be empty).
    public var text: String
    public var weight: Double
    public var feedback: String?
    /// A regular expression the whole answer matches instead of `text`.
    public var pattern: String?
  }

  public struct NumberData: Codable, Hashable, Sendable {
    public var ranges: [RangeData]
    public var unit: String?
  }

  /// Answers from `min` to `max` (equal for one exact number) earn `weight` percent.
  public struct RangeData: Codable, Hashable, Sendable {
    public var min: Double
    public var max: Double
    public var weight: Double
    public var feedback: String?
  }

  public struct PairData: Codable, Hashable, Sendable {
    /// Absent for a distractor.
    public var left: String?
    public var right: String
  }
}
