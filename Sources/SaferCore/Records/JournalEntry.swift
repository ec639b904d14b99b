import Foundation

/// One line of a student's journal (`users/<id>.jsonl`): what one save changed.
///
/// An entry is worked out by comparing the record before and after a change, so every
/// change the shell makes is journalled without the code that makes it knowing about
/// the journal. Replaying entries in order over the snapshot gives the record again. The
/// schema is `Schemas/journal.schema.json`.
public struct JournalEntry: Codable, Hashable, Sendable {
  /// The journal format; readers skip nothing silently, so a newer format is refused.
  public static let currentFormat = 1

  /// An unfinished attempt that gained answers and moved on: the new answers and the
  /// attempt's new figures.
  public struct AttemptProgress: Codable, Hashable, Sendable {
    public var id: String
    public var newAnswers: [AnswerRecord]
    public var position: Int
    public var score: Double
    public var maxScore: Double
    public var status: Attempt.Status
    public var finished: Date?
    public var passed: Bool?
    /// The open question's clock (see `Attempt.questionOpened`).
    public var questionOpened: Date?
    public var questionDeadline: Date?
  }

  /// The resume point after the change (`attemptID` absent: none).
  public struct Resume: Codable, Hashable, Sendable {
    public var attemptID: String?
  }

  public var format: Int
  /// Increases by one with every entry; a snapshot names the last entry it includes.
  public var seq: Int
  public var profile: UserRecord.Profile?
  public var resume: Resume?
  /// Attempts that are new or changed in another way than `AttemptProgress` describes: whole.
  public var attempts: [Attempt]?
  public var progress: [AttemptProgress]?
  /// Per topic, the latest results that changed; totals are recounted from them.
  public var mastery: [String: [String: TopicMastery.Latest]]?
  /// Review items that are new or changed.
  public var reviews: [String: ReviewItem]?

  public init(seq: Int) {
    format = Self.currentFormat
    self.seq = seq
  }

  var isEmpty: Bool {
    profile == nil && resume == nil && attempts == nil && progress == nil && mastery == nil && reviews == nil
  }
}

extension JournalEntry {
  /// The entry that turns `old` into `new`, or `nil` when the change cannot be written as
  /// one (attempts removed or reordered): the caller then writes a whole snapshot.
  static func change(from old: UserRecord, to new: UserRecord, seq: Int) -> JournalEntry? {
    guard new.schemaVersion == old.schemaVersion, new.attempts.count >= old.attempts.count else { return nil }
    var entry = JournalEntry(seq: seq)
    if new.profile != old.profile { entry.profile = new.profile }
    if new.resume != old.resume { entry.resume = Resume(attemptID: new.resume?.attemptID) }
    var whole: [Attempt] = []
    var progress: [AttemptProgress] = []
    for index in new.attempts.indices {
      let attempt = new.attempts[index]
      guard index < old.attempts.count else {
        whole.append(attempt)
        continue
      }
      let before = old.attempts[index]
      guard before.id == attempt.id else { return nil }
      if before == attempt { continue }
      if let step = AttemptProgress(from: before, to: attempt) { progress.append(step) } else { whole.append(attempt) }
    }
    if !whole.isEmpty { entry.attempts = whole }
    if !progress.isEmpty { entry.progress = progress }
    var mastery: [String: [String: TopicMastery.Latest]] = [:]
    for (topic, now) in new.mastery {
      let then = old.mastery[topic] ?? TopicMastery()
      if now == then { continue }
      guard then.latest.keys.allSatisfy({ now.latest[$0] != nil }) else { return nil }
      mastery[topic] = now.latest.filter { then.latest[$0.key] != $0.value }
    }
    guard old.mastery.keys.allSatisfy({ new.mastery[$0] != nil }) else { return nil }
    if !mastery.isEmpty { entry.mastery = mastery }
    // Review items are only ever added or changed.
    guard old.reviews.keys.allSatisfy({ new.reviews[$0] != nil }) else { return nil }
    let reviews = new.reviews.filter { old.reviews[$0.key] != $0.value }
    if !reviews.isEmpty { entry.reviews = reviews }
    return entry
  }

  /// Applies this entry to `record`. Throws when it does not fit (a journal edited by
  /// hand, or one that belongs to another snapshot).
  func apply(to record: inout UserRecord) throws(JournalProblem) {
    guard format == Self.currentFormat else { throw .newerFormat(format) }
    if let profile { record.profile = profile }
    if let resume { record.resume = resume.attemptID.map { UserRecord.ResumePoint(attemptID: $0) } }
    for attempt in attempts ?? [] {
      if let index = record.attempts.lastIndex(where: { $0.id == attempt.id }) {
        record.attempts[index] = attempt
      } else {
        record.attempts.append(attempt)
      }
    }
    for step in progress ?? [] {
      guard let index = record.attempts.lastIndex(where: { $0.id == step.id }) else { throw .unknownAttempt }
      step.apply(to: &record.attempts[index])
    }
    record.reviews.merge(reviews ?? [:]) { _, new in new }
    for (topic, changed) in mastery ?? [:] {
      var topicMastery = record.mastery[topic] ?? TopicMastery()
      topicMastery.latest.merge(changed) { _, new in new }
      topicMastery.recount()
      record.mastery[topic] = topicMastery
    }
  }
}

extension JournalEntry.AttemptProgress {
  /// The step from `before` to `after` if only answers were added and the figures moved.
  init?(from before: Attempt, to after: Attempt) {
    guard after.answers.count >= before.answers.count else { return nil }
    let added = Array(after.answers.elements[before.answers.count...])
    self.init(
      id: after.id, newAnswers: added, position: after.position, score: after.score, maxScore: after.maxScore,
      status: after.status, finished: after.finished, passed: after.passed, questionOpened: after.questionOpened,
      questionDeadline: after.questionDeadline)
    var replayed = before
    apply(to: &replayed)
    guard replayed == after else { return nil }
  }

  func apply(to attempt: inout Attempt) {
    attempt.answers.append(contentsOf: newAnswers)
    attempt.position = position
    attempt.score = score
    attempt.maxScore = maxScore
    attempt.status = status
    attempt.finished = finished
    attempt.passed = passed
    attempt.questionOpened = questionOpened
    attempt.questionDeadline = questionDeadline
  }
}

/// Why a journal could not be replayed.
enum JournalProblem: Error, Hashable {
  case unreadableLine(Int)
  case outOfOrder(Int)
  case unknownAttempt
  case newerFormat(Int)

  var description: String {
    switch self {
    case .unreadableLine(let line): "line \(line) is not a journal entry"
    case .outOfOrder(let line): "line \(line) is out of order"
    case .unknownAttempt: "an entry names an attempt the record does not have"
    case .newerFormat(let format): "it was written by a newer Safer Shell (journal format \(format))"
    }
  }
}
