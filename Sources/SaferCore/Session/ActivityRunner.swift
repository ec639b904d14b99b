import Foundation

/// Runs one lesson or quiz attempt: what to show, grading answers, saving each one.
///
/// Pure logic: the shell asks what to present and passes in what the student typed. Every
/// answer goes through `RecordHandle.update`, so it is on disk before the runner returns.
public final class ActivityRunner {
  enum Content {
    case lesson(LessonFlow)
    case quiz(Quiz, [QuizItem])
  }

  let content: Content
  let handle: any RecordHandle
  let clock: any TimeSource
  public let attemptID: String
  /// Hints revealed for the current question.
  public private(set) var hintsShown = 0
  /// Explanations after the last question, to show with the summary of a finished lesson.
  public private(set) var closingExplanations: [String] = []
  private var shownAt: Date
  /// An answer graded but refused by the disk (full, gone, read-only): kept so that
  /// `retryUnsaved` can save it without the student typing it again.
  private var unsaved: Unsaved?

  private struct Unsaved {
    var question: Question
    var response: String
    var grade: Grade
    var seconds: Double
    var skipped: Bool
  }

  /// Whether an answer waits to be saved again (see `retryUnsaved`).
  public var hasUnsavedAnswer: Bool { unsaved != nil }

  init(content: Content, handle: any RecordHandle, clock: any TimeSource, attemptID: String) {
    self.content = content
    self.handle = handle
    self.clock = clock
    self.attemptID = attemptID
    self.shownAt = clock.now()
  }

  public var attempt: Attempt? { handle.record.attempt(id: attemptID) }
  public var isFinished: Bool { attempt?.status != .inProgress }

  public var contentID: String {
    switch content {
    case .lesson(let flow): flow.lesson.id
    case .quiz(let quiz, _): quiz.id
    }
  }

  public var title: String {
    switch content {
    case .lesson(let flow): flow.lesson.title
    case .quiz(let quiz, _): quiz.title
    }
  }

  // MARK: - What to show

  /// The explanations and question at the current position. Explanation steps are shown
  /// together with the question after them; the position only moves when it is answered.
  public func present() -> Presentation? {
    guard let attempt, attempt.status == .inProgress else { return nil }
    switch content {
    case .lesson(let flow):
      let (explanations, questionIndex) = Self.walk(flow, from: attempt.position)
      guard let questionIndex, let question = flow.lesson.steps[questionIndex].question else {
        return Presentation(
          explanations: explanations, question: nil, number: flow.questionCount, total: flow.questionCount, timeLimit: nil)
      }
      return Presentation(
        explanations: explanations, question: question, number: flow.questionNumber(at: questionIndex),
        total: flow.questionCount, timeLimit: nil)
    case .quiz(let quiz, let items):
      guard items.indices.contains(attempt.position) else { return nil }
      return Presentation(
        explanations: [], question: items[attempt.position].question, number: attempt.position + 1, total: items.count,
        timeLimit: quiz.timeLimit, remainingSeconds: remainingQuizSeconds(at: clock.now()),
        deadline: attempt.questionDeadline)
    }
  }

  /// Whether each answer is marked at once (`false` in exam mode: only in the summary).
  public var marksEachAnswer: Bool {
    if case .quiz(let quiz, _) = content { return quiz.feedback == .immediate }
    return true
  }

  /// Seconds left at `date` for a quiz with a time limit for the whole quiz.
  public func remainingQuizSeconds(at date: Date) -> Double? {
    guard case .quiz(let quiz, _) = content, let attempt else { return nil }
    if let deadline = attempt.deadline { return deadline.timeIntervalSince(date) }
    guard let total = quiz.totalTimeLimit else { return nil }
    return total - date.timeIntervalSince(attempt.started)
  }

  /// The explanation texts from step `start` up to the next question, and that question's
  /// index (`nil` when the lesson ends first).
  static func walk(_ flow: LessonFlow, from start: Int) -> (explanations: [String], questionIndex: Int?) {
    var index: Int? = start
    var explanations: [String] = []
    var visited: Set<Int> = []
    while let current = index, flow.lesson.steps.indices.contains(current), visited.insert(current).inserted {
      switch flow.lesson.steps[current].content {
      case .explain(let text):
        explanations.append(text)
        index = flow.successor(of: current)
      case .question:
        return (explanations, current)
      }
    }
    return (explanations, nil)
  }

  /// Whether this attempt runs against a clock (a time per question or for the quiz).
  var isTimed: Bool {
    guard case .quiz(let quiz, _) = content else { return false }
    return quiz.timeLimit != nil || quiz.totalTimeLimit != nil || attempt?.deadline != nil
  }

  /// Starts the open question's clock when it is first shown. In a timed quiz the clock
  /// and the deadline go into the record, so Ctrl-C, `resume`, quitting or a restart go on
  /// from where it was: pausing to look the answer up does not buy time. Untimed questions
  /// are timed in memory only (the time taken is for reports, not for marks).
  public func questionShown() {
    guard isTimed, let attempt, attempt.status == .inProgress, present()?.question != nil else {
      shownAt = clock.now()
      return
    }
    if let opened = attempt.questionOpened {
      shownAt = opened
      return
    }
    let now = clock.now()
    shownAt = now
    var deadline = attempt.deadline
    if case .quiz(let quiz, _) = content, let limit = quiz.timeLimit {
      deadline = min(deadline ?? .distantFuture, now.addingTimeInterval(limit))
    }
    let id = attemptID
    // If this cannot be saved, the clock still runs in memory; the next save retries it.
    try? handle.update { record in
      guard let index = record.attemptIndex(id: id) else { return }
      record.attempts[index].questionOpened = now
      record.attempts[index].questionDeadline = deadline
    }
  }

  /// Whether `hint` may be used: not in a quiz that turns hints off, nor in exam mode.
  public var allowsHints: Bool {
    if case .quiz(let quiz, _) = content { return quiz.allowsHints }
    return true
  }

  /// The next hint, or `nil` when there are no more (or hints are off).
  public func nextHint() -> String? {
    guard allowsHints, let question = present()?.question, hintsShown < question.hints.count else { return nil }
    hintsShown += 1
    return question.hints[hintsShown - 1]
  }

  // MARK: - Answering

  /// Grades `response`, saves it, and moves on. A response that cannot be understood
  /// saves nothing; a save that failed changes nothing but keeps the answer for `retry`.
  public func answer(_ response: String) throws(AnswerError) -> AnswerOutcome {
    guard let presentation = present(), let question = presentation.question else { throw .noOpenQuestion }
    let seconds = clock.now().timeIntervalSince(shownAt)
    // The deadline stored when the question opened; else the question's own limit, or
    // what was left of the whole quiz when it was shown.
    var limit = presentation.timeLimit
    if let remaining = remainingQuizSeconds(at: shownAt) { limit = min(limit ?? .infinity, max(0, remaining)) }
    if let deadline = presentation.deadline { limit = max(0, deadline.timeIntervalSince(shownAt)) }
    let grade: Grade
    do { grade = try Grader.grade(response, to: question, hintsUsed: hintsShown, seconds: seconds, timeLimit: limit) } catch {
      throw .response(error)
    }
    do {
      let summary = try record(
        question: question, response: grade.normalizedResponse, grade: grade, seconds: seconds, skipped: false)
      return AnswerOutcome(grade: grade, summary: summary)
    } catch {
      throw .notSaved(error)
    }
  }

  /// When the open question must be answered: its stored deadline, or the end of a quiz
  /// with a time limit for the whole quiz. `nil` when it is not timed.
  public var questionDeadline: Date? {
    guard let presentation = present(), presentation.question != nil else { return nil }
    if let deadline = presentation.deadline { return deadline }
    return attempt?.deadline
  }

  /// Records the open question as not answered in time (0 points, `timedOut`) once its
  /// deadline has passed, and moves on; `nil` while there is still time.
  public func expire() throws(RecordError) -> AnswerOutcome? {
    guard let question = present()?.question, let deadline = questionDeadline, clock.now() >= deadline else {
      return nil
    }
    var grade = Grade(
      isCorrect: false, credit: 0, points: 0, maxPoints: question.points,
      feedback: Grader.whyRight(of: question).map { [$0] } ?? [], rightAnswer: Grader.rightAnswer(of: question),
      normalizedResponse: "")
    grade.timedOut = true
    let seconds = clock.now().timeIntervalSince(shownAt)
    let summary = try record(question: question, response: "", grade: grade, seconds: seconds, skipped: false)
    return AnswerOutcome(grade: grade, summary: summary)
  }

  /// Records the current question as skipped (0 points) and moves on.
  public func skip() throws(RecordError) -> Summary? {
    guard let question = present()?.question else { return nil }
    let seconds = clock.now().timeIntervalSince(shownAt)
    let grade = Grade(
      isCorrect: false, credit: 0, points: 0, maxPoints: question.points, feedback: [],
      rightAnswer: Grader.rightAnswer(of: question),
      normalizedResponse: "")
    return try record(question: question, response: "", grade: grade, seconds: seconds, skipped: true)
  }

  /// Saves the answer that failed to save, as it was graded then (its time included).
  /// Returns `nil` when there is none, or when the question it answered is no longer open.
  public func retryUnsaved() throws(RecordError) -> AnswerOutcome? {
    guard let unsaved else { return nil }
    guard present()?.question == unsaved.question else {
      self.unsaved = nil
      return nil
    }
    let summary = try record(
      question: unsaved.question, response: unsaved.response, grade: unsaved.grade, seconds: unsaved.seconds,
      skipped: unsaved.skipped)
    return AnswerOutcome(grade: unsaved.grade, summary: summary)
  }

  private func record(
    question: Question, response: String, grade: Grade, seconds: Double, skipped: Bool
  ) throws(RecordError) -> Summary? {
    guard let attempt else { return nil }
    let now = clock.now()
    let (questionKey, topic, nextPosition, closing) = advance(from: attempt, grade: grade, question: question)
    var saved = response
    if case .quiz(_, let items) = content, items.indices.contains(attempt.position) {
      saved = items[attempt.position].inFileOrder(response)
    }
    var answer = AnswerRecord(
      questionID: questionKey, topic: topic, response: saved, correct: grade.isCorrect, points: grade.points,
      maxPoints: grade.maxPoints, seconds: (seconds * 10).rounded() / 10, hintsUsed: hintsShown, skipped: skipped,
      timedOut: grade.timedOut, at: now)
    answer.needsReview = grade.needsReview ? true : nil
    let attemptID = self.attemptID
    let masteryKey = questionKey.contains("/") ? questionKey : "\(contentID)/\(questionKey)"
    let finishing = nextPosition == nil
    let quiz: Quiz? = if case .quiz(let quiz, _) = content { quiz } else { nil }
    do {
      try handle.update { record in
        guard let index = record.attemptIndex(id: attemptID) else { return }
        record.attempts[index].answers.append(answer)
        record.attempts[index].score += answer.points
        record.attempts[index].maxScore += answer.maxPoints
        if let topic, answer.needsReview != true {
          record.mastery[topic, default: TopicMastery()].record(
            questionKey: masteryKey, points: answer.points, maxPoints: answer.maxPoints, correct: answer.correct)
        }
        ReviewItem.note(answer, key: masteryKey, in: &record)
        record.profile.lastSeen = now
        record.attempts[index].questionOpened = nil
        record.attempts[index].questionDeadline = nil
        if let nextPosition {
          record.attempts[index].position = nextPosition
          record.resume = .init(attemptID: attemptID)
        } else {
          record.attempts[index].status = .completed
          record.attempts[index].finished = now
          if let quiz { record.attempts[index].passed = record.attempts[index].percent >= quiz.passMark }
          if record.resume?.attemptID == attemptID { record.resume = nil }
        }
      }
    } catch {
      unsaved = Unsaved(question: question, response: response, grade: grade, seconds: seconds, skipped: skipped)
      throw error
    }
    unsaved = nil
    hintsShown = 0
    closingExplanations = closing
    shownAt = clock.now()
    return finishing ? summary() : nil
  }

  /// The record key, topic and next position after answering at the current position,
  /// and the explanations left when this answer ends the lesson.
  private func advance(from attempt: Attempt, grade: Grade, question: Question)
    -> (key: String, topic: String?, next: Int?, closing: [String])
  {
    switch content {
    case .lesson(let flow):
      let index = Self.walk(flow, from: attempt.position).questionIndex ?? attempt.position
      guard let next = flow.successor(of: index, choice: grade.choiceIndex) else {
        return (question.id, flow.lesson.topic, nil, [])
      }
      let (explanations, questionIndex) = Self.walk(flow, from: next)
      return questionIndex == nil
        ? (question.id, flow.lesson.topic, nil, explanations) : (question.id, flow.lesson.topic, next, [])
    case .quiz(_, let items):
      guard items.indices.contains(attempt.position) else { return (question.id, nil, nil, []) }
      let item = items[attempt.position]
      let outOfTime = (remainingQuizSeconds(at: clock.now()) ?? 1) <= 0
      let next = attempt.position + 1 < items.count && !outOfTime ? attempt.position + 1 : nil
      return (item.globalID, item.topic, next, [])
    }
  }

  // MARK: - Summary

  /// The lessons a quiz's missed questions come from, most missed first: where a student
  /// should go next (this is what makes a placement quiz place).
  static func lessonsToRevisit(_ answers: [AnswerRecord]) -> [Summary.Revisit] {
    var missedByLesson: [String: Int] = [:]
    var firstSeen: [String] = []
    for answer in answers where !answer.correct && answer.needsReview != true {
      guard let lesson = answer.questionID.split(separator: "/").first.map(String.init) else { continue }
      if missedByLesson[lesson] == nil { firstSeen.append(lesson) }
      missedByLesson[lesson, default: 0] += 1
    }
    return firstSeen.map { Summary.Revisit(lessonID: $0, missed: missedByLesson[$0] ?? 0) }
      .sorted { $0.missed > $1.missed }
  }

  /// Score, time and every missed question with the right answer and why.
  public func summary() -> Summary? {
    guard let attempt else { return nil }
    let questions: [String: Question]
    switch content {
    case .lesson(let flow): questions = Dictionary(flow.lesson.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    // Saved answers name the file's letters (`QuizItem.inFileOrder`).
    case .quiz(_, let items):
      questions = Dictionary(items.map { ($0.globalID, $0.fileOrderQuestion) }, uniquingKeysWith: { a, _ in a })
    }
    let missed = attempt.answers.filter { !$0.correct && $0.needsReview != true }.compactMap { answer -> Summary.Missed? in
      guard let question = questions[answer.questionID] else { return nil }
      let given = Grader.describe(response: answer.response, to: question)
      let response =
        answer.skipped
        ? "(skipped)" : answer.timedOut ? (answer.response.isEmpty ? "(no answer in time)" : "\(given) (too late)") : given
      return Summary.Missed(
        prompt: question.prompt, response: response, rightAnswer: Grader.rightAnswer(of: question),
        why: answer.skipped || answer.response.isEmpty
          ? Grader.whyRight(of: question) : Grader.whyWrong(response: answer.response, to: question))
    }
    var summary = Summary(
      title: title, score: attempt.score, maxScore: attempt.maxScore,
      seconds: (attempt.finished ?? clock.now()).timeIntervalSince(attempt.started), missed: missed)
    if case .quiz(let quiz, _) = content {
      summary.passed = attempt.percent >= quiz.passMark
      summary.passMark = quiz.passMark
      summary.grading = quiz.grading
      summary.countingPercent = Grading.countingPercent(of: handle.record.attempts(of: quiz.id), method: quiz.grading)
      summary.lessonsToRevisit = Self.lessonsToRevisit(attempt.answers.elements)
    }
    return summary
  }
}
