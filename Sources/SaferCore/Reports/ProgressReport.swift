import Foundation

/// A student's progress, as shown by `progress` in the shell and `safer progress --json`.
public struct ProgressReport: Codable, Sendable {
  public struct Topic: Codable, Sendable {
    public var topic: String
    /// 0…100, from the latest answer to each question of the topic.
    public var mastery: Double
    public var questionsAnswered: Int
    public var questionsRight: Int
  }

  public struct Item: Codable, Sendable {
    public var id: String
    public var kind: Attempt.Kind
    public var title: String
    public var topic: String?
    /// `new`, `in-progress`, `completed`.
    public var status: String
    public var attempts: Int
    public var completedAttempts: Int
    /// Best finished attempt, percent.
    public var bestPercent: Double?
    /// Quizzes: the grade that counts under the quiz's grading method, and whether it passes.
    public var countingPercent: Double?
    public var grading: String?
    public var passed: Bool?
    public var attemptsAllowed: Int?
    /// Unfinished attempt: answers given so far and questions in all.
    public var answered: Int?
    public var questionCount: Int
    public var lastActivity: Date?
  }

  public var user: String
  public var displayName: String
  public var totalAnswers: Int
  public var topics: [Topic]
  public var items: [Item]
  /// The attempt `resume` would continue.
  public var resumeID: String?

  public init(record: UserRecord, library: LessonLibrary) {
    user = record.profile.id
    displayName = record.profile.displayName
    totalAnswers = record.attempts.reduce(0) { $0 + $1.answers.count }
    topics = record.mastery.keys.sorted().compactMap { key in
      guard let mastery = record.mastery[key] else { return nil }
      return Topic(
        topic: key, mastery: (mastery.level * 1000).rounded() / 10, questionsAnswered: mastery.questionsAnswered,
        questionsRight: mastery.questionsRight)
    }
    let assembler = QuizAssembler(library: library)
    var items: [Item] = []
    var known: Set<String> = []
    for lesson in library.lessons {
      known.insert(lesson.id)
      items.append(
        Self.item(
          id: lesson.id, kind: .lesson, title: lesson.title, topic: lesson.topic,
          questionCount: lesson.questions.count, quiz: nil, record: record))
    }
    for quiz in library.quizzes {
      known.insert(quiz.id)
      items.append(
        Self.item(
          id: quiz.id, kind: .quiz, title: quiz.title, topic: quiz.topic,
          questionCount: assembler.assemble(quiz).count, quiz: quiz, record: record))
    }
    // Work on lessons that are no longer loaded is still the student's work.
    for attempt in record.attempts where !known.contains(attempt.contentID) {
      known.insert(attempt.contentID)
      items.append(
        Self.item(
          id: attempt.contentID, kind: attempt.kind, title: attempt.title, topic: attempt.topic,
          questionCount: attempt.questionOrder?.count ?? 0, quiz: nil, record: record))
    }
    self.items = items
    resumeID = record.resume.flatMap { record.attempt(id: $0.attemptID) }.map(\.contentID)
  }

  static func item(
    id: String, kind: Attempt.Kind, title: String, topic: String?, questionCount: Int, quiz: Quiz?,
    record: UserRecord
  ) -> Item {
    let attempts = record.attempts(of: id)
    let completed = attempts.filter { $0.status == .completed }
    let open = attempts.last { $0.status == .inProgress }
    let status = open != nil ? "in-progress" : completed.isEmpty ? "new" : "completed"
    let best = completed.map(\.percent).max().map { ($0 * 10).rounded() / 10 }
    var item = Item(
      id: id, kind: kind, title: title, topic: topic, status: status, attempts: attempts.count,
      completedAttempts: completed.count, bestPercent: best, countingPercent: nil, grading: nil, passed: nil,
      attemptsAllowed: quiz?.attemptsAllowed, answered: open?.answers.count, questionCount: questionCount,
      lastActivity: attempts.compactMap { $0.answers.last?.at ?? $0.started }.max())
    if let quiz {
      let counting = Grading.countingPercent(of: attempts, method: quiz.grading)
      item.countingPercent = counting.map { ($0 * 10).rounded() / 10 }
      item.grading = quiz.grading.rawValue
      item.passed = counting.map { $0 >= quiz.passMark }
    }
    return item
  }
}
