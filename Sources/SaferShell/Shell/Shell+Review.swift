import Foundation
import SaferCore

/// `review`: spaced review of questions already met, due ones first (FSRS-6, see
/// `ReviewItem`); `review new` practises questions of started lessons not met yet.
///
/// A review is a small loop of its own: each question as in a lesson, graded the same way,
/// its schedule saved before the verdict is shown; `stop` (or Ctrl-C, Ctrl-D) ends it.
extension Shell {
  /// Items `review` would show now, oldest due first.
  func dueReviews(at date: Date) -> [String] {
    guard let record = recordHandle?.record else { return [] }
    return record.reviews.filter { $0.value.isDue(at: date) }.sorted { $0.value.schedule.due < $1.value.schedule.due }
      .map(\.key)
  }

  /// How many items are due: counted, not sorted, as the prompt asks before every line.
  func dueReviewCount(at date: Date) -> Int {
    recordHandle?.record.reviews.values.reduce(0) { $0 + ($1.isDue(at: date) ? 1 : 0) } ?? 0
  }

  /// Records from before review items existed get them from their answers, once.
  func migrateReviews() {
    guard let recordHandle, !recordHandle.isReadOnly, recordHandle.record.reviews.isEmpty,
      recordHandle.record.attempts.contains(where: { !$0.answers.isEmpty })
    else { return }
    try? recordHandle.update { $0.reviews = ReviewItem.migrate($0) }
  }

  func review(_ argument: String) {
    guard let recordHandle else { return }
    let now = env.clock.now()
    let known = reviewableQuestions()
    let queue: [String]
    switch argument.lowercased() {
    case "":
      queue = dueReviews(at: now).filter { known[$0] != nil }
      if queue.isEmpty {
        var message = "Nothing to review now."
        let upcoming = recordHandle.record.reviews.values.map(\.schedule.due).filter { $0 > now }.min()
        if let upcoming { message += " The next review is due \(Self.when(upcoming, from: now))." }
        say(message + " `review new` practises questions from your lessons you have not met yet.")
        return
      }
    case "new":
      let started = Set(recordHandle.record.attempts.map(\.contentID))
      queue = library.lessons.filter { started.contains($0.id) && band.allows(AgeBand(level: $0.level)) }
        .flatMap(QuizAssembler.items(of:)).map(\.globalID).filter { recordHandle.record.reviews[$0] == nil }.prefix(10).map { $0 }
      if queue.isEmpty {
        say("You have met every question of the lessons you started. `lessons` shows more to start.")
        return
      }
    default:
      error("Type `review` for what is due, or `review new` for questions you have not met yet.")
      return
    }
    if let runner, !runner.isFinished {
      say("“\(TerminalSafe.clean(runner.title))” is paused; `resume` continues it.")
      self.runner = nil
    }
    runReview(queue.compactMap { known[$0] })
  }

  /// Every question the student's age group may see, by `lesson/question`.
  private func reviewableQuestions() -> [String: QuizItem] {
    var items: [String: QuizItem] = [:]
    for lesson in library.lessons where band.allows(AgeBand(level: lesson.level)) {
      for item in QuizAssembler.items(of: lesson) { items[item.globalID] = item }
    }
    return items
  }

  private var band: AgeBand { recordHandle?.record.profile.band ?? .younger }

  private func runReview(_ items: [QuizItem]) {
    var right = 0
    var done = 0
    review: for (index, item) in items.enumerated() {
      out.line()
      out.lines(renderer.question(item.question, number: index + 1, total: items.count, timeLimit: nil))
      let shown = env.clock.now()
      var hints = 0
      while true {
        let prompt = env.editor.isInteractive ? displayName + " · review \(index + 1)/\(items.count) › " : ""
        switch env.editor.readLine(prompt: prompt, countdown: nil) {
        case .endOfInput, .interrupted:
          out.line()
          break review
        case .timedOut, .woken:
          continue
        case .line(let text):
          let typed = text.trimmingCharacters(in: .whitespaces)
          switch typed.lowercased() {
          case "":
            continue
          case "stop", "/stop", "quit", "/quit":
            break review
          case "hint", "/hint":
            if hints < item.question.hints.count {
              hints += 1
              out.lines(renderer.hint(item.question.hints[hints - 1], number: hints, of: item.question.hints.count))
            } else {
              say(style.dim("No more hints for this one."))
            }
            continue
          case "skip", "/skip":
            guard save(item, response: "", grade: nil, hints: hints, since: shown) else { break review }
            say(
              style.dim("Skipped: it comes back soon. The answer: ") + TerminalSafe.clean(Grader.rightAnswer(of: item.question)))
            done += 1
            continue review
          default:
            guard fitsLineLimit(typed) else { continue }
            let grade: Grade
            do { grade = try Grader.grade(typed, to: item.question, hintsUsed: hints) } catch {
              self.error(error.description)
              continue
            }
            guard save(item, response: grade.normalizedResponse, grade: grade, hints: hints, since: shown) else {
              break review
            }
            out.lines(renderer.verdict(grade))
            done += 1
            if grade.isCorrect { right += 1 }
            continue review
          }
        }
      }
    }
    let now = env.clock.now()
    var message = "Reviewed \(done) question\(done == 1 ? "" : "s")" + (done > 0 ? ", \(right) right." : ".")
    let due = dueReviewCount(at: now)
    if due > 0 {
      message += " \(due) more \(due == 1 ? "is" : "are") due: `review` goes on."
    } else if let next = recordHandle?.record.reviews.values.map(\.schedule.due).filter({ $0 > now }).min() {
      message += " The next review is due \(Self.when(next, from: now))."
    }
    say(message)
  }

  /// Saves a review answer's schedule (and the topic's mastery, as any latest answer);
  /// `false`, with the reason shown, when the record could not be written.
  private func save(_ item: QuizItem, response: String, grade: Grade?, hints: Int, since shown: Date) -> Bool {
    guard let recordHandle else { return false }
    let now = env.clock.now()
    let seconds = (now.timeIntervalSince(shown) * 10).rounded() / 10
    let answer = AnswerRecord(
      questionID: item.globalID, topic: item.topic, response: response, correct: grade?.isCorrect ?? false,
      points: grade?.points ?? 0, maxPoints: item.question.points, seconds: seconds, hintsUsed: hints,
      skipped: grade == nil, at: now)
    do {
      try recordHandle.update { record in
        ReviewItem.note(answer, key: item.globalID, in: &record)
        if grade?.needsReview != true {
          record.mastery[item.topic, default: TopicMastery()].record(
            questionKey: item.globalID, points: answer.points, maxPoints: answer.maxPoints, correct: answer.correct)
        }
        record.profile.lastSeen = now
      }
      answersSaved += 1
      return true
    } catch {
      self.error("Your review could not be saved: \(error.description)")
      return false
    }
  }

  /// `in 10 minutes`, `tomorrow`, `in 3 days (Tue 8 Dec)`.
  static func when(_ date: Date, from now: Date) -> String {
    let seconds = date.timeIntervalSince(now)
    func count(_ number: Int, _ unit: String) -> String { "in \(number) \(unit)\(number == 1 ? "" : "s")" }
    if seconds < 3_600 { return count(max(1, Int((seconds / 60).rounded(.up))), "minute") }
    if seconds < 86_400 { return count(Int((seconds / 3_600).rounded()), "hour") }
    let days = Int((seconds / 86_400).rounded())
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.dateFormat = "EEE d MMM"
    return days == 1 ? "tomorrow" : "in \(days) days (\(formatter.string(from: date)))"
  }
}
