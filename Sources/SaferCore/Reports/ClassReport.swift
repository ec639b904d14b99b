import Foundation

/// A class's results, as `safer report` shows them: per student, per question (Moodle's
/// quiz statistics, see `ItemAnalysis`) and per topic.
///
/// A report is about one quiz (`quiz`): the one asked for, or the only one the records
/// hold. When the records hold several and none was asked for, it is an overview: students
/// and topics, no scores or questions, and `quizzes` lists the ids to ask for.
///
/// A student needs help (`needsHelp`) when the counted attempt did not reach the pass mark
/// (`passed` is false) or when any topic they have answered questions on is below
/// `weakMastery` (`weakTopics`).
public struct ClassReport: Codable, Sendable {
  /// The pass mark assumed for an attempt whose record does not say whether it passed.
  public static let defaultPassMark = 50.0
  /// Topic mastery below this (0…100) makes a topic weak.
  public static let weakMastery = 50.0

  /// One student's row.
  public struct Student: Codable, Sendable {
    /// The name as the student typed it.
    public var user: String
    /// The record id (`DATA/users/<id>.json`).
    public var id: String
    /// Attempts at the quiz, in any state (in an overview: at any quiz).
    public var attempts: Int
    public var finishedAttempts: Int
    /// Attempts the attempt rule counts; 0 for a student with no finished attempt, who is
    /// listed but left out of the figures.
    public var countedAttempts: Int
    /// The counted attempt's percentage (`all`: the mean of the counted attempts); `nil`
    /// when nothing counts or in an overview.
    public var percent: Double?
    /// Whether the counted attempt passed (`all`: whether any did).
    public var passed: Bool?
    public var lastActive: Date
    /// Distinct lessons with a completed attempt.
    public var lessonsDone: Int
    /// Topic → mastery 0…100, from the latest answer to each question of the topic.
    public var mastery: [String: Double]
    /// Topics below `weakMastery`, sorted.
    public var weakTopics: [String]
    public var needsHelp: Bool

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(user, forKey: .user)
      try container.encode(id, forKey: .id)
      try container.encode(attempts, forKey: .attempts)
      try container.encode(finishedAttempts, forKey: .finishedAttempts)
      try container.encode(countedAttempts, forKey: .countedAttempts)
      try container.encode(percent, forKey: .percent)
      try container.encode(passed, forKey: .passed)
      try container.encode(lastActive, forKey: .lastActive)
      try container.encode(lessonsDone, forKey: .lessonsDone)
      try container.encode(mastery, forKey: .mastery)
      try container.encode(weakTopics, forKey: .weakTopics)
      try container.encode(needsHelp, forKey: .needsHelp)
    }
  }

  /// A topic's column in the mastery table.
  public struct Topic: Codable, Sendable {
    public var topic: String
    /// Mean mastery (0…100) of the students who answered questions on it.
    public var classMean: Double
    public var students: Int
  }

  /// A quiz the records hold attempts at.
  public struct QuizTaken: Codable, Sendable {
    public var id: String
    /// The title of its latest attempt.
    public var title: String
    public var students: Int
    public var attempts: Int
    public var finishedAttempts: Int
  }

  /// A record that could not be read, and why.
  /// An assignment (`safer assign`) and how far the class is with it.
  public struct AssignmentProgress: Codable, Sendable, Equatable {
    public var contentID: String
    /// `YYYY-MM-DD`.
    public var due: String
    /// Students (with a record or on the roster) with a completed attempt.
    public var done: Int
    /// Those without one, sorted.
    public var missing: [String]
  }

  public struct Unreadable: Codable, Sendable {
    public var user: String
    public var reason: String
  }

  public var generated: Date
  /// The quiz reported on; `nil` in an overview.
  public var quiz: String?
  public var title: String?
  /// Which attempts count.
  public var attempts: AttemptRule
  /// The whole quiz's figures; `nil` in an overview.
  public var summary: ItemAnalysis.Summary?
  /// Sorted by name.
  public var students: [Student]
  public var questions: [ItemAnalysis.Question]
  /// Sorted by name.
  public var topics: [Topic]
  /// Every quiz in the records, sorted by id.
  public var quizzes: [QuizTaken]
  public var unreadable: [Unreadable]
  /// On the class roster (`safer class roster`) but without a record yet, sorted.
  public var notStarted: [String] = []
  /// The data folder's assignments, one entry per lesson or quiz.
  public var assignments: [AssignmentProgress] = []

  /// Whether this is an overview of several quizzes rather than a report on one.
  public var isOverview: Bool { quiz == nil }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(generated, forKey: .generated)
    try container.encode(quiz, forKey: .quiz)
    try container.encode(title, forKey: .title)
    try container.encode(attempts, forKey: .attempts)
    try container.encode(summary, forKey: .summary)
    try container.encode(students, forKey: .students)
    try container.encode(questions, forKey: .questions)
    try container.encode(topics, forKey: .topics)
    try container.encode(quizzes, forKey: .quizzes)
    try container.encode(unreadable, forKey: .unreadable)
    try container.encode(notStarted, forKey: .notStarted)
    try container.encode(assignments, forKey: .assignments)
  }

  /// The report as pretty JSON (sorted keys, ISO 8601 dates), as `safer report --json` prints it.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return try encoder.encode(self)
  }
}
