/// A quiz file: which questions to draw and the rules of the attempt.
public struct Quiz: Hashable, Sendable {
  /// One line of a quiz's `select:` list.
  public enum Selection: Hashable, Sendable {
    case lesson(String, count: Int?)
    case topic(String, count: Int?)
    /// `lesson id / question id`
    case question(lesson: String, question: String)
    /// Questions of a question-bank category (GIFT `$CATEGORY:`), including its subcategories.
    case category(String, count: Int?)
  }

  /// Which attempt counts when a student may take a quiz more than once (Moodle's methods).
  public enum Grading: String, Hashable, Sendable, CaseIterable {
    case highest, average, first, last
  }

  public var id: String
  public var title: String
  public var topic: String?
  public var selections: [Selection]
  public var count: Int?
  public var shuffle: Bool
  public var seed: UInt64
  /// Seconds per question; a later answer scores 0.
  public var timeLimit: Double?
  /// Percent needed to pass.
  public var passMark: Double
  /// `nil`: unlimited.
  public var attemptsAllowed: Int?
  public var grading: Grading
  public var file: String
  public var contentVersion: String
  public var location: SourceLocation?
  /// Shuffle each question's choices, as Moodle does by default (in an order of the
  /// student's own, see `AnswerShuffle`), except questions that say `shuffle: false`.
  public var shuffleAnswers = true
  /// Seconds for the whole quiz; answers after that score 0 and the quiz ends.
  public var totalTimeLimit: Double?
  /// When the student learns whether an answer was right.
  public var feedback: FeedbackMode = .immediate
  /// The age band the quiz is for (`level:`): absent or `10-13`, it is open to everyone
  /// and draws only 10-13 questions; `14-18`, only older students take it.
  public var level: String?

  public var band: AgeBand { AgeBand(level: level) }

  /// Whether `hint` works. Exam mode (`feedback: end`) turns hints off whatever this says.
  public var hints = true

  /// Whether a student may ask for hints in this quiz.
  public var allowsHints: Bool { hints && feedback == .immediate }

  /// `immediate`: after each answer. `end`: only in the summary (exam mode).
  public enum FeedbackMode: String, Hashable, Sendable, CaseIterable {
    case immediate, end
  }

  public init(
    id: String, title: String, topic: String? = nil, selections: [Selection], count: Int? = nil,
    shuffle: Bool = false, seed: UInt64 = 0, timeLimit: Double? = nil, passMark: Double = 50,
    attemptsAllowed: Int? = nil, grading: Grading = .highest, file: String = "",
    contentVersion: String = "", location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.topic = topic
    self.selections = selections
    self.count = count
    self.shuffle = shuffle
    self.seed = seed
    self.timeLimit = timeLimit
    self.passMark = passMark
    self.attemptsAllowed = attemptsAllowed
    self.grading = grading
    self.file = file
    self.contentVersion = contentVersion
    self.location = location
  }

  /// A question bank taken as it is (`quiz bank.gift`): every question, in file order,
  /// unlimited attempts, the best one counting.
  public static func wholeBank(_ bank: Lesson) -> Quiz {
    Quiz(
      id: bank.id, title: bank.title, selections: [.lesson(bank.id, count: nil)], passMark: 50, grading: .highest,
      file: bank.file, contentVersion: bank.contentVersion)
  }
}
