import Foundation

/// A student's progress, as shown by `progress` in the shell and `safer progress --json`.
public struct ProgressReport: Codable, Sendable {
  public struct Topic: Codable, Sendable {
    public var topic: String
    /// 0…100, from the latest answer to each question of the topic.
    public var mastery: Double
    public var questionsAnswered: Int
    public var questionsRight: Int
    /// Questions of the topic in the lessons the student's age group is shown: mastery of
    /// 4 answered says little when there are 14.
    public var questionsAvailable: Int
    /// 0…100: questions answered of those available.
    public var coverage: Double
  }

  public struct Item: Codable, Sendable {
    /// Where the student stands with a lesson or quiz (`new`, `in-progress`, `completed`
    /// in JSON).
    public enum Status: String, Codable, Sendable {
      case new
      case inProgress = "in-progress"
      case completed
    }

    public var id: String
    public var kind: Attempt.Kind
    public var title: String
    public var topic: String?
    public var status: Status
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
  /// Days in a row, up to today or yesterday, with at least one answer.
  public var streakDays: Int
  /// The percent of the last (at most 10) finished lessons and quizzes, oldest first.
  public var recentScores: [Double]
  /// Review items due now, and when the next one falls due.
  public var reviewsDue: Int
  public var nextReview: Date?

  public init(record: UserRecord, library: LessonLibrary, now: Date = Date(), calendar: Calendar = .current) {
    user = record.profile.id
    displayName = record.profile.displayName
    totalAnswers = record.attempts.reduce(0) { $0 + $1.answers.count }
    let band = record.profile.band ?? .younger
    var available: [String: Int] = [:]
    for lesson in library.lessons where band.allows(AgeBand(level: lesson.level)) {
      available[lesson.topic, default: 0] += lesson.questions.count
    }
    topics = record.mastery.keys.sorted().compactMap { key in
      guard let mastery = record.mastery[key] else { return nil }
      let total = max(available[key] ?? 0, mastery.questionsAnswered)
      return Topic(
        topic: key, mastery: (mastery.level * 1000).rounded() / 10, questionsAnswered: mastery.questionsAnswered,
        questionsRight: mastery.questionsRight, questionsAvailable: total,
        coverage: total > 0 ? (Double(mastery.questionsAnswered) / Double(total) * 1000).rounded() / 10 : 0)
    }
    streakDays = Self.streak(record: record, now: now, calendar: calendar)
    recentScores = record.attempts.filter { $0.status == .completed && $0.maxScore > 0 }
      .sorted { ($0.finished ?? $0.started) < ($1.finished ?? $1.started) }.suffix(10).map { ($0.percent * 10).rounded() / 10 }
    reviewsDue = record.reviews.values.filter { $0.isDue(at: now) }.count
    nextReview = record.reviews.values.map(\.schedule.due).filter { $0 > now }.min()
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

  /// Days in a row with an answer, counting back from today (or from yesterday, so a
  /// streak is not lost before the day is over).
  static func streak(record: UserRecord, now: Date, calendar: Calendar) -> Int {
    var days: Set<Date> = []
    for attempt in record.attempts where !attempt.answers.isEmpty {
      days.insert(calendar.startOfDay(for: attempt.started))
      if let last = attempt.answers.last?.at { days.insert(calendar.startOfDay(for: last)) }
      if let finished = attempt.finished { days.insert(calendar.startOfDay(for: finished)) }
    }
    for item in record.reviews.values {
      if let last = item.schedule.lastReview { days.insert(calendar.startOfDay(for: last)) }
    }
    var day = calendar.startOfDay(for: now)
    if !days.contains(day), let yesterday = calendar.date(byAdding: .day, value: -1, to: day) { day = yesterday }
    var count = 0
    while days.contains(day) {
      count += 1
      guard let previous = calendar.date(byAdding: .day, value: -1, to: day) else { break }
      day = previous
    }
    return count
  }

  static func item(
    id: String, kind: Attempt.Kind, title: String, topic: String?, questionCount: Int, quiz: Quiz?,
    record: UserRecord
  ) -> Item {
    let attempts = record.attempts(of: id)
    let completed = attempts.filter { $0.status == .completed }
    let open = attempts.last { $0.status == .inProgress }
    let status: Item.Status = open != nil ? .inProgress : completed.isEmpty ? .new : .completed
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
