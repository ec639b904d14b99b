import Foundation

/// Checks a record read from disk before anything relies on it.
///
/// A record is a file on a shared computer: a curious student can edit it. Nothing in
/// it may crash the shell or lock its owner out, so every attempt is checked (positions,
/// ids, counts, scores, dates) and whatever fails is left out of the record in use; the
/// store keeps the original file aside for a teacher.
public enum RecordValidator {
  /// Longest id, content id, title or topic kept from a record, in UTF-8 bytes (counted
  /// in bytes because counting characters in every attempt was a measurable part of
  /// opening a long history).
  static let maximumText = 16 * 1024
  /// Dates a record may hold: from 1970 to 3000.
  static let dates = Date(timeIntervalSince1970: 0)...Date(timeIntervalSince1970: 32_503_680_000)

  /// What is wrong with a record, and the record without it.
  public struct Outcome: Sendable {
    public var record: UserRecord
    /// One line per problem, for the notice and the log.
    public var problems: [String]
  }

  /// Removes what cannot be trusted: attempts that fail their checks, a resume point
  /// that leads nowhere, mastery entries out of range.
  public static func repair(_ input: UserRecord) -> Outcome {
    var record = input
    var problems: [String] = []
    if let issue = problem(with: record.profile) {
      problems.append("profile: \(issue)")
      record.profile = repaired(record.profile)
    }
    var seen: Set<String> = []
    record.attempts = record.attempts.enumerated().compactMap { index, attempt in
      let issue = problem(with: attempt) ?? (seen.insert(attempt.id).inserted ? nil : "its id is used twice")
      if let issue {
        problems.append("attempt \(index + 1) (\(clip(attempt.contentID))): \(issue)")
        return nil
      }
      return attempt
    }
    if let resume = record.resume,
      !record.attempts.contains(where: { $0.id == resume.attemptID && $0.status == .inProgress })
    {
      // Pointing at a finished attempt is harmless; pointing at nothing is not.
      if !record.attempts.contains(where: { $0.id == resume.attemptID }) {
        problems.append("resume: it names no attempt in the record")
      }
      record.resume = nil
    }
    for (topic, mastery) in record.mastery where problem(with: mastery) != nil || topic.utf8.count > maximumText {
      problems.append("mastery of \(clip(topic)): \(problem(with: mastery) ?? "topic name too long")")
      record.mastery[topic] = nil
    }
    for (key, item) in record.reviews {
      let issue =
        key.isEmpty || key.utf8.count > maximumText ? "its question id is empty or too long" : problem(with: item)
      guard let issue else { continue }
      problems.append("review of \(clip(key)): \(issue)")
      record.reviews[key] = nil
    }
    if record.reviews.count > ReviewItem.maximumItems {
      problems.append("reviews: \(record.reviews.count) items, more than \(ReviewItem.maximumItems); the latest kept")
      let kept = record.reviews.sorted { $0.value.schedule.due > $1.value.schedule.due }.prefix(ReviewItem.maximumItems)
      record.reviews = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
    }
    return Outcome(record: record, problems: problems)
  }

  /// A schedule FSRS could have made: finite figures in range, dates in range.
  static func problem(with item: ReviewItem) -> String? {
    let card = item.schedule
    if let stability = card.stability, !(stability.isFinite && stability > 0 && stability < 1e9) {
      return "its stability \(stability) is impossible"
    }
    if let difficulty = card.difficulty, !(1...10).contains(difficulty) { return "its difficulty \(difficulty) is out of range" }
    if let step = card.step, !(0..<100).contains(step) { return "its step \(step) is out of range" }
    if !dates.contains(card.due) || !(card.lastReview.map(dates.contains) ?? true) { return "a date is out of range" }
    if item.reviews < 0 || item.lapses < 0 || item.lapses > item.reviews { return "its counts are impossible" }
    return nil
  }

  static func problem(with profile: UserRecord.Profile) -> String? {
    if profile.displayName.count > UserID.maximumNameLength { return "the name is too long" }
    if !dates.contains(profile.created) || !dates.contains(profile.lastSeen) { return "a date is out of range" }
    if let join = profile.classJoin, !isUsable(join) { return "its live class token is malformed" }
    return nil
  }

  /// A class join as the shell writes it: a bounded address and code, 32 hex digits.
  static func isUsable(_ join: UserRecord.ClassJoin) -> Bool {
    join.address.utf8.count <= 300 && join.code.utf8.count <= 16 && join.token.utf8.count == 32
      && join.token.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
  }

  /// The profile with its name cut to the longest allowed and its dates brought into range,
  /// so that a repaired record passes the checks again.
  static func repaired(_ profile: UserRecord.Profile) -> UserRecord.Profile {
    var profile = profile
    if profile.displayName.count > UserID.maximumNameLength {
      profile.displayName = String(profile.displayName.prefix(UserID.maximumNameLength))
    }
    profile.created = profile.created.clamped(to: dates)
    profile.lastSeen = profile.lastSeen.clamped(to: dates)
    if let join = profile.classJoin, !isUsable(join) { profile.classJoin = nil }
    return profile
  }

  static func problem(with attempt: Attempt) -> String? {
    if attempt.id.isEmpty || attempt.id.utf8.count > 200 { return "its id is empty or too long" }
    if attempt.contentID.isEmpty || attempt.contentID.utf8.count > maximumText { return "its lesson id is empty or too long" }
    if attempt.title.utf8.count > maximumText || (attempt.topic?.utf8.count ?? 0) > maximumText { return "its title is too long" }
    if attempt.position < 0 { return "its position \(attempt.position) is negative" }
    if attempt.position > 1_000_000 { return "its position \(attempt.position) is out of range" }
    if attempt.kind == .quiz {
      guard let order = attempt.questionOrder else { return "a quiz attempt without its questions" }
      if attempt.position > order.count { return "its position \(attempt.position) is past its \(order.count) questions" }
      if order.contains(where: { $0.isEmpty || $0.utf8.count > maximumText }) { return "a question id is empty or too long" }
    }
    if !dates.contains(attempt.started) { return "its start date is out of range" }
    if let finished = attempt.finished, !dates.contains(finished) { return "its end date is out of range" }
    for date in [attempt.questionOpened, attempt.questionDeadline, attempt.deadline].compactMap({ $0 })
    where !dates.contains(date) {
      return "a deadline is out of range"
    }
    if attempt.status == .inProgress && attempt.finished != nil { return "it is unfinished but has an end date" }
    if !isScore(attempt.score) || !isScore(attempt.maxScore) || attempt.score > attempt.maxScore + 1e-6 {
      return "its score \(attempt.score) of \(attempt.maxScore) is impossible"
    }
    if (attempt.overrides?.count ?? 0) > 100 { return "too many settings" }
    if let session = attempt.classSession, session.isEmpty || session.utf8.count > 128 {
      return "its class session id is empty or too long"
    }
    if attempt.answers.archivedBytes == nil {
      for answer in attempt.answers {
        if let issue = problem(with: answer) { return "an answer \(issue)" }
      }
    }
    return nil
  }

  static func problem(with answer: AnswerRecord) -> String? {
    if answer.questionID.isEmpty || answer.questionID.utf8.count > maximumText { return "has an empty or too long question id" }
    if answer.response.utf8.count > 65_536 { return "is too long" }
    if !isScore(answer.points) || !isScore(answer.maxPoints) || answer.points > answer.maxPoints + 1e-6 {
      return "has impossible points"
    }
    if !answer.seconds.isFinite || answer.seconds < 0 { return "has an impossible time" }
    if answer.hintsUsed < 0 || answer.hintsUsed > 1000 { return "has an impossible hint count" }
    if !dates.contains(answer.at) { return "has a date out of range" }
    return nil
  }

  static func problem(with mastery: TopicMastery) -> String? {
    guard mastery.level.isFinite, (0...1.000001).contains(mastery.level), mastery.questionsAnswered >= 0,
      mastery.questionsRight >= 0, mastery.questionsRight <= mastery.questionsAnswered
    else { return "figures out of range" }
    for latest in mastery.latest.values where !isScore(latest.points) || !isScore(latest.maxPoints) {
      return "figures out of range"
    }
    return nil
  }

  private static func isScore(_ value: Double) -> Bool { value.isFinite && value >= 0 && value < 1e12 }

  private static func clip(_ text: String) -> String { text.count > 40 ? String(text.prefix(40)) + "…" : text }
}

extension Date {
  fileprivate func clamped(to range: ClosedRange<Date>) -> Date {
    Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
  }
}
