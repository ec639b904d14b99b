import Foundation

/// A question the student has met, as a spaced-review item: its FSRS schedule and a few
/// counts, kept in the record under `lesson/question` and updated after every answer
/// (in a lesson, a quiz, a live class or `review`).
///
/// The rating comes from the answer (documented in docs/review.md):
/// - wrong, skipped or late: **again**;
/// - right with a hint, partly right, or right after more than `slowSeconds`: **hard**;
/// - right within `fastSeconds` on an item already in review: **easy**;
/// - otherwise right: **good**.
/// An essay (marked by the teacher) is not scheduled.
public struct ReviewItem: Codable, Hashable, Sendable {
  public var schedule: ReviewCard
  /// Reviews so far (every answer counts, the first included).
  public var reviews: Int
  /// Times a reviewed item was forgotten (again, from review).
  public var lapses: Int
  public var lastRating: ReviewRating

  public static let slowSeconds = 60.0
  public static let fastSeconds = 10.0
  /// Most items one record keeps (a curriculum is a few hundred questions).
  public static let maximumItems = 20_000

  /// The rating an answer earns, or `nil` for one that is not scheduled.
  public static func rating(for answer: AnswerRecord, current: ReviewCard?) -> ReviewRating? {
    if answer.needsReview == true { return nil }
    guard !answer.skipped, !answer.timedOut, answer.points > 0 else { return .again }
    let whole = answer.correct && answer.points >= answer.maxPoints - 1e-9
    if !whole || answer.hintsUsed > 0 || answer.seconds > slowSeconds { return .hard }
    if current?.state == .review && answer.seconds <= fastSeconds { return .easy }
    return .good
  }

  /// Schedules `answer` to question `key` (`lesson/question`) in `record`.
  public static func note(_ answer: AnswerRecord, key: String, in record: inout UserRecord) {
    let existing = record.reviews[key]
    guard let rating = rating(for: answer, current: existing?.schedule) else { return }
    guard existing != nil || record.reviews.count < maximumItems else { return }
    record.reviews[key] = (existing ?? ReviewItem(due: answer.at)).reviewed(rating, at: answer.at)
  }

  init(due: Date) {
    schedule = ReviewCard(due: due)
    reviews = 0
    lapses = 0
    lastRating = .good
  }

  /// This item after a review rated `rating` at `date`.
  public func reviewed(_ rating: ReviewRating, at date: Date, scheduler: FSRSScheduler = FSRSScheduler()) -> ReviewItem {
    var next = self
    if rating == .again && schedule.state == .review { next.lapses += 1 }
    next.schedule = scheduler.review(schedule, rating, at: date)
    next.reviews += 1
    next.lastRating = rating
    return next
  }

  public func isDue(at date: Date) -> Bool { schedule.due <= date }

  /// The review items of a record written before there were any: every answer it holds,
  /// oldest first, as if each had been scheduled when it was given.
  public static func migrate(_ record: UserRecord) -> [String: ReviewItem] {
    var answers: [(key: String, answer: AnswerRecord)] = []
    for attempt in record.attempts {
      for answer in attempt.answers {
        let key = answer.questionID.contains("/") ? answer.questionID : "\(attempt.contentID)/\(answer.questionID)"
        answers.append((key, answer))
      }
    }
    var migrated = record
    migrated.reviews = [:]
    for (key, answer) in answers.sorted(by: { $0.answer.at < $1.answer.at }) {
      note(answer, key: key, in: &migrated)
    }
    return migrated.reviews
  }
}
