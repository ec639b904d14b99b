import Foundation

/// One go at a lesson or a quiz.
public struct Attempt: Codable, Hashable, Sendable {
  public enum Kind: String, Codable, Sendable { case lesson, quiz }

  public enum Status: String, Codable, Sendable {
    case inProgress = "in-progress"
    case completed
    /// Ended by `reset`: kept, so a teacher still sees it, but no longer resumable.
    case abandoned
  }

  public var id: String
  public var kind: Kind
  /// The lesson or quiz id.
  public var contentID: String
  /// Fingerprint of the file the attempt was made against.
  public var contentVersion: String
  public var title: String
  public var topic: String?
  public var started: Date
  public var finished: Date?
  public var status: Status
  /// Lessons: index of the next step. Quizzes: index of the next question in `questionOrder`.
  public var position: Int
  /// Quizzes: the `lesson/question` ids drawn, in the order shown.
  public var questionOrder: [String]?
  public var answers: [AnswerRecord]
  public var score: Double
  public var maxScore: Double
  /// Quizzes: whether `score` reached the pass mark (set when finished).
  public var passed: Bool?
  /// Quizzes: settings given on the command line for this attempt (see `QuizOverrides`).
  public var overrides: [String: String]?

  public init(
    id: String, kind: Kind, contentID: String, contentVersion: String, title: String, topic: String?, started: Date,
    questionOrder: [String]? = nil
  ) {
    self.id = id
    self.kind = kind
    self.contentID = contentID
    self.contentVersion = contentVersion
    self.title = title
    self.topic = topic
    self.started = started
    self.finished = nil
    self.status = .inProgress
    self.position = 0
    self.questionOrder = questionOrder
    self.answers = []
    self.score = 0
    self.maxScore = 0
    self.passed = nil
  }

  /// Score as a percentage of what the answered questions were worth.
  public var percent: Double { maxScore > 0 ? score / maxScore * 100 : 0 }
}

/// One answer (or skip), exactly as given and as graded.
public struct AnswerRecord: Codable, Hashable, Sendable {
  /// Lessons: the question id. Quizzes: `lesson/question`.
  public var questionID: String
  public var topic: String?
  public var response: String
  public var correct: Bool
  public var points: Double
  public var maxPoints: Double
  public var seconds: Double
  public var hintsUsed: Int
  public var skipped: Bool
  public var timedOut: Bool
  public var at: Date
  /// An essay kept for the teacher to read and mark (absent otherwise).
  public var needsReview: Bool?

  public init(
    questionID: String, topic: String?, response: String, correct: Bool, points: Double, maxPoints: Double,
    seconds: Double, hintsUsed: Int, skipped: Bool = false, timedOut: Bool = false, at: Date
  ) {
    self.questionID = questionID
    self.topic = topic
    self.response = response
    self.correct = correct
    self.points = points
    self.maxPoints = maxPoints
    self.seconds = seconds
    self.hintsUsed = hintsUsed
    self.skipped = skipped
    self.timedOut = timedOut
    self.at = at
  }
}

/// How well a student knows a topic: the latest answer to each question counts.
public struct TopicMastery: Codable, Hashable, Sendable {
  /// The latest result for one question.
  public struct Latest: Codable, Hashable, Sendable {
    public var points: Double
    public var maxPoints: Double
    public var correct: Bool
  }

  /// Distinct questions of the topic answered at least once.
  public var questionsAnswered: Int
  /// Of those, answered right the latest time.
  public var questionsRight: Int
  /// Latest points ÷ points available over those questions, 0…1.
  public var level: Double
  /// Keyed by `lesson/question`.
  public var latest: [String: Latest]

  public init() {
    questionsAnswered = 0
    questionsRight = 0
    level = 0
    latest = [:]
  }

  /// Takes an answer into account, replacing any earlier one to the same question.
  public mutating func record(questionKey: String, points: Double, maxPoints: Double, correct: Bool) {
    latest[questionKey] = Latest(points: points, maxPoints: maxPoints, correct: correct)
    questionsAnswered = latest.count
    questionsRight = latest.values.filter(\.correct).count
    let earned = latest.values.reduce(0) { $0 + $1.points }
    let available = latest.values.reduce(0) { $0 + $1.maxPoints }
    level = available > 0 ? earned / available : 0
  }
}
