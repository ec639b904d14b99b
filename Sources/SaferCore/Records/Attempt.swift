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
  public var answers: AnswerList
  public var score: Double
  public var maxScore: Double
  /// Quizzes: whether `score` reached the pass mark (set when finished).
  public var passed: Bool?
  /// Quizzes: settings given on the command line for this attempt (see `QuizOverrides`).
  public var overrides: [String: String]?
  /// Timed quizzes: when the open question was first shown, and by when it must be
  /// answered. Stored when it opens, so Ctrl-C, `resume` or a restart never reset its
  /// clock; cleared when it is answered.
  public var questionOpened: Date?
  public var questionDeadline: Date?
  /// Quizzes with a time limit for the whole quiz: when it ends.
  public var deadline: Date?
  /// A quiz taken in a live class (`safer class join`): the host's session id. The host
  /// decided the time and the marks; the attempt's id is `class-<session>`.
  public var classSession: String?

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

  enum CodingKeys: String, CodingKey {
    case id, kind, contentID, contentVersion, title, topic, started, finished, status, position, questionOrder, answers,
      score, maxScore, passed, overrides, questionOpened, questionDeadline, deadline, classSession
  }

  /// Set in a coder's `userInfo` when the answers are written or read apart from the rest
  /// (see `RecordSerializer`): the attempt is then coded without its `answers` key.
  // swift-format-ignore: NeverForceUnwrap
  // The key is a constant that cannot fail.
  static let answersApart = CodingUserInfoKey(rawValue: "safer.answersApart")!

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    kind = try container.decode(Kind.self, forKey: .kind)
    contentID = try container.decode(String.self, forKey: .contentID)
    contentVersion = try container.decode(String.self, forKey: .contentVersion)
    title = try container.decode(String.self, forKey: .title)
    topic = try container.decodeIfPresent(String.self, forKey: .topic)
    started = try container.decode(Date.self, forKey: .started)
    finished = try container.decodeIfPresent(Date.self, forKey: .finished)
    status = try container.decode(Status.self, forKey: .status)
    position = try container.decode(Int.self, forKey: .position)
    questionOrder = try container.decodeIfPresent([String].self, forKey: .questionOrder)
    answers =
      decoder.userInfo[Self.answersApart] as? Bool == true ? [] : try container.decode(AnswerList.self, forKey: .answers)
    score = try container.decode(Double.self, forKey: .score)
    maxScore = try container.decode(Double.self, forKey: .maxScore)
    passed = try container.decodeIfPresent(Bool.self, forKey: .passed)
    overrides = try container.decodeIfPresent([String: String].self, forKey: .overrides)
    questionOpened = try container.decodeIfPresent(Date.self, forKey: .questionOpened)
    questionDeadline = try container.decodeIfPresent(Date.self, forKey: .questionDeadline)
    deadline = try container.decodeIfPresent(Date.self, forKey: .deadline)
    classSession = try container.decodeIfPresent(String.self, forKey: .classSession)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(kind, forKey: .kind)
    try container.encode(contentID, forKey: .contentID)
    try container.encode(contentVersion, forKey: .contentVersion)
    try container.encode(title, forKey: .title)
    try container.encodeIfPresent(topic, forKey: .topic)
    try container.encode(started, forKey: .started)
    try container.encodeIfPresent(finished, forKey: .finished)
    try container.encode(status, forKey: .status)
    try container.encode(position, forKey: .position)
    try container.encodeIfPresent(questionOrder, forKey: .questionOrder)
    if encoder.userInfo[Self.answersApart] as? Bool != true { try container.encode(answers, forKey: .answers) }
    try container.encode(score, forKey: .score)
    try container.encode(maxScore, forKey: .maxScore)
    try container.encodeIfPresent(passed, forKey: .passed)
    try container.encodeIfPresent(overrides, forKey: .overrides)
    try container.encodeIfPresent(questionOpened, forKey: .questionOpened)
    try container.encodeIfPresent(questionDeadline, forKey: .questionDeadline)
    try container.encodeIfPresent(deadline, forKey: .deadline)
    try container.encodeIfPresent(classSession, forKey: .classSession)
  }
}
