import Foundation

/// Starts, resumes and resets lessons and quizzes for one student.
public struct ActivityStarter {
  public let library: LessonLibrary
  public let handle: any RecordHandle
  public let clock: any TimeSource

  public init(library: LessonLibrary, handle: any RecordHandle, clock: any TimeSource = SystemTime()) {
    self.library = library
    self.handle = handle
    self.clock = clock
  }

  /// Whether `start` continued an unfinished attempt or began a new one.
  public enum Start {
    case began(ActivityRunner)
    case continued(ActivityRunner)

    public var runner: ActivityRunner {
      switch self {
      case .began(let runner), .continued(let runner): runner
      }
    }
  }

  /// Starts the lesson or quiz `id`, continuing its unfinished attempt if there is one.
  /// `overrides` (quiz settings from the command line) apply to a new quiz attempt; an
  /// unfinished one continues with the settings it began with.
  /// The student's age band (absent: 10-13): older content is refused.
  var band: AgeBand { handle.record.profile.band ?? .younger }

  public func start(
    _ id: String, overrides: QuizOverrides = QuizOverrides(), authority: QuizOverrides.Authority = .student
  ) throws(ActivityError) -> Start {
    if let lesson = library.lesson(id: id) {
      guard band.allows(AgeBand(level: lesson.level)) else { throw .notForThisAge(title: lesson.title) }
      return try lesson.isBank
        ? startQuiz(Quiz.wholeBank(lesson), overrides: overrides, authority: authority) : startLesson(lesson)
    }
    if let quiz = library.quiz(id: id) { return try startQuiz(quiz, overrides: overrides, authority: authority) }
    throw unknown(id)
  }

  public func startLesson(_ lesson: Lesson) throws(ActivityError) -> Start {
    let content = ActivityRunner.Content.lesson(LessonFlow(lesson: lesson))
    if let open = handle.record.openAttempt(of: lesson.id) {
      try save { $0.resume = .init(attemptID: open.id) }
      return .continued(ActivityRunner(content: content, handle: handle, clock: clock, attemptID: open.id))
    }
    let attempt = Attempt(
      id: UUID().uuidString.lowercased(), kind: .lesson, contentID: lesson.id, contentVersion: lesson.contentVersion,
      title: lesson.title, topic: lesson.topic, started: clock.now())
    try save {
      $0.attempts.append(attempt)
      $0.resume = .init(attemptID: attempt.id)
    }
    return .began(ActivityRunner(content: content, handle: handle, clock: clock, attemptID: attempt.id))
  }

  /// A student's `overrides` may only make the attempt stricter (`QuizOverrides.refusal`).
  public func startQuiz(
    _ fileQuiz: Quiz, overrides: QuizOverrides = QuizOverrides(), authority: QuizOverrides.Authority = .student
  ) throws(ActivityError) -> Start {
    guard band.allows(fileQuiz.band) else { throw .notForThisAge(title: fileQuiz.title) }
    let assembler = QuizAssembler(library: library)
    if let open = handle.record.openAttempt(of: fileQuiz.id) {
      let quiz = (try? QuizOverrides(values: open.overrides ?? [:]).apply(to: fileQuiz)) ?? fileQuiz
      let all = Dictionary(
        library.lessons.flatMap(QuizAssembler.items(of:)).map { ($0.globalID, $0) }, uniquingKeysWith: { a, _ in a })
      let items = (open.questionOrder ?? []).compactMap { all[$0] }.map {
        AnswerShuffle.apply(to: $0, in: quiz, student: handle.record.profile.id)
      }
      try save { $0.resume = .init(attemptID: open.id) }
      return .continued(ActivityRunner(content: .quiz(quiz, items), handle: handle, clock: clock, attemptID: open.id))
    }
    if authority == .student, let refusal = overrides.refusal(for: fileQuiz) { throw .badOption(refusal.description) }
    let quiz: Quiz
    do { quiz = try overrides.apply(to: fileQuiz) } catch { throw .badOption(error.description) }
    if let allowed = quiz.attemptsAllowed, attemptsLeft(quiz) == 0 {
      throw .noAttemptsLeft(quiz: quiz.title, allowed: allowed)
    }
    let items = assembler.assemble(quiz).map { AnswerShuffle.apply(to: $0, in: quiz, student: handle.record.profile.id) }
    var attempt = Attempt(
      id: UUID().uuidString.lowercased(), kind: .quiz, contentID: quiz.id, contentVersion: quiz.contentVersion,
      title: quiz.title, topic: quiz.topic, started: clock.now(), questionOrder: items.map(\.globalID))
    attempt.overrides = overrides.isEmpty ? nil : overrides.values
    attempt.deadline = quiz.totalTimeLimit.map { attempt.started.addingTimeInterval($0) }
    try save {
      $0.attempts.append(attempt)
      $0.resume = .init(attemptID: attempt.id)
    }
    return .began(ActivityRunner(content: .quiz(quiz, items), handle: handle, clock: clock, attemptID: attempt.id))
  }

  /// Continues the attempt the student was last working on.
  public func resume() throws(ActivityError) -> ActivityRunner {
    let record = handle.record
    let candidate =
      record.resume.flatMap { record.attempt(id: $0.attemptID) }.flatMap { $0.status == .inProgress ? $0 : nil }
      ?? record.attempts.last { $0.status == .inProgress && $0.classSession == nil }
    guard let attempt = candidate else { throw .nothingToResume }
    guard library.lesson(id: attempt.contentID) != nil || library.quiz(id: attempt.contentID) != nil else {
      throw .contentGone(attempt.contentID)
    }
    return try start(attempt.contentID).runner
  }

  /// Ends the unfinished attempt of `id` (kept in the record as abandoned) so the next
  /// `start` begins afresh. Returns whether there was one.
  @discardableResult
  public func reset(_ id: String) throws(ActivityError) -> Bool {
    guard library.lesson(id: id) != nil || library.quiz(id: id) != nil || handle.record.openAttempt(of: id) != nil else {
      throw unknown(id)
    }
    guard let open = handle.record.openAttempt(of: id) else { return false }
    let now = clock.now()
    try save { record in
      guard let index = record.attemptIndex(id: open.id) else { return }
      record.attempts[index].status = .abandoned
      record.attempts[index].finished = now
      if record.resume?.attemptID == open.id { record.resume = nil }
    }
    return true
  }

  /// How many more attempts the student may start at `quiz`; `nil`: no limit. An attempt
  /// ended with `reset` was used too (as in Moodle), or resetting a bad attempt before its
  /// last answer would give endless tries; a live class was the teacher's session, not one
  /// of the student's own tries.
  public func attemptsLeft(_ quiz: Quiz) -> Int? {
    guard let allowed = quiz.attemptsAllowed else { return nil }
    let used = handle.record.attempts(of: quiz.id).filter { $0.status != .inProgress && $0.classSession == nil }.count
    return max(0, allowed - used)
  }

  private func save(_ change: (inout UserRecord) -> Void) throws(ActivityError) {
    do { try handle.update(change) } catch { throw .record(error) }
  }

  /// "No lesson or quiz called …", with the nearest id as a suggestion.
  private func unknown(_ id: String) -> ActivityError {
    let all = library.lessons.map(\.id) + library.quizzes.map(\.id)
    return .noSuchLesson(id, suggestion: Suggestion.closest(to: id, among: all))
  }
}
