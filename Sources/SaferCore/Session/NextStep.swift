import Foundation

/// `next`: the one thing a student would best do now, and why, for their age group.
///
/// In this order: work the teacher set that is overdue or due within two days; reviews
/// that are due; the next lesson of the weakest topic (below 80% right: the one left
/// half-way, else its basics lesson first), or its quiz once its lessons are done; the lesson left unfinished; a topic not started yet; a quiz not
/// yet passed; and when all is done, new questions to review.
public struct NextStep: Hashable, Sendable {
  /// What to type.
  public var command: String
  /// Why, in a sentence for the student.
  public var reason: String

  public init(command: String, reason: String) {
    self.command = command
    self.reason = reason
  }

  /// Mastery below this counts as a weak topic.
  public static let weakMastery = 0.8

  public static func recommend(
    record: UserRecord, library: LessonLibrary, assignments: [Assignment] = [], now: Date, calendar: Calendar = .current
  ) -> NextStep {
    let band = record.profile.band ?? .younger
    // A topic's basics lesson first, then the rest by id (the library's order).
    let lessons = library.lessons.filter { !$0.isBank && band.allows(AgeBand(level: $0.level)) }
      .sorted { ($0.id.hasSuffix("-basics") ? 0 : 1, $0.id) < ($1.id.hasSuffix("-basics") ? 0 : 1, $1.id) }
    let quizzes = library.quizzes.filter { band.allows($0.band) }
    func done(_ id: String) -> Bool { record.attempts(of: id).contains { $0.status == .completed } }
    func passed(_ quiz: Quiz) -> Bool {
      let counting = Grading.countingPercent(
        of: record.attempts(of: quiz.id).filter { $0.classSession == nil }, method: quiz.grading)
      return (counting ?? 0) >= quiz.passMark
    }
    func start(_ id: String) -> String {
      record.openAttempt(of: id) != nil && record.resume.flatMap({ record.attempt(id: $0.attemptID) })?.contentID == id
        ? "resume" : "start \(id)"
    }

    let soon = calendar.date(byAdding: .day, value: 2, to: calendar.startOfDay(for: now)) ?? now
    for assignment in assignments.sorted(by: { $0.due < $1.due }) {
      guard let due = assignment.dueDay, due <= soon else { continue }
      for id in assignment.contentIDs where !Assignment.isDone(id, in: record) {
        guard let title = library.lesson(id: id)?.title ?? library.quiz(id: id)?.title else { continue }
        let isQuiz = library.quiz(id: id) != nil
        let when = due < calendar.startOfDay(for: now) ? "was due \(assignment.due)" : "is due \(assignment.due)"
        return NextStep(command: isQuiz ? "quiz \(id)" : start(id), reason: "Your teacher set “\(title)”, which \(when).")
      }
    }

    let due = record.reviews.values.filter { $0.isDue(at: now) }.count
    if due > 0 {
      return NextStep(
        command: "review",
        reason: "\(due) question\(due == 1 ? " is" : "s are") due for review: a minute now keeps them from being forgotten.")
    }

    let weak = record.mastery.filter { $0.value.questionsAnswered > 0 && $0.value.level < weakMastery }
      .sorted { ($0.value.level, $0.key) < ($1.value.level, $1.key) }
    for (topic, mastery) in weak {
      let percent = Int((mastery.level * 100).rounded())
      // The topic's lesson left half-way, else its next one.
      let unfinished = lessons.first { $0.topic == topic && record.openAttempt(of: $0.id) != nil }
      if let lesson = unfinished ?? lessons.first(where: { $0.topic == topic && !done($0.id) }) {
        return NextStep(
          command: start(lesson.id),
          reason: "\(topic.capitalized) is your weakest topic (\(percent)% right): “\(lesson.title)” is its next lesson.")
      }
      if let quiz = quizzes.first(where: { $0.topic == topic && !passed($0) }) {
        return NextStep(
          command: "quiz \(quiz.id)",
          reason: "You have done the \(topic) lessons, but got \(percent)% right: “\(quiz.title)” checks what stuck.")
      }
    }

    if let open = record.resume.flatMap({ record.attempt(id: $0.attemptID) }), open.status == .inProgress,
      open.classSession == nil
    {
      return NextStep(command: "resume", reason: "You are half-way through “\(open.title)”.")
    }

    let startedTopics = Set(record.attempts.compactMap(\.topic))
    if let lesson = lessons.first(where: { !startedTopics.contains($0.topic) && !done($0.id) }) {
      return NextStep(
        command: "start \(lesson.id)", reason: "You have not tried \(lesson.topic) yet: “\(lesson.title)” is a good start.")
    }
    if let lesson = lessons.first(where: { !done($0.id) }) {
      return NextStep(command: start(lesson.id), reason: "“\(lesson.title)” is the next lesson you have not finished.")
    }
    if let quiz = quizzes.first(where: { !passed($0) }) {
      return NextStep(command: "quiz \(quiz.id)", reason: "Your lessons are done: “\(quiz.title)” checks what you know.")
    }
    return NextStep(
      command: "review new",
      reason: "Every lesson and quiz for your age group is done. Well done! New review questions keep it fresh.")
  }
}
