import Foundation

/// Everything Safer Shell keeps about one student: `DATA/users/<id>.json` plus the
/// entries of `DATA/users/<id>.jsonl` not yet folded into it (see `FileRecordStore`).
///
/// Schema 2 added the journal (`journalSeq`) and ids with a hash of the name.
/// The schema is published in `Schemas/record.schema.json`; bump `currentSchemaVersion`
/// (and teach `FileRecordStore` to migrate) when a change would confuse an older reader.
public struct UserRecord: Codable, Hashable, Sendable {
  public static let currentSchemaVersion = 2

  public struct Profile: Codable, Hashable, Sendable {
    /// The file-safe id (see `UserID`).
    public var id: String
    /// The name as the student typed it (any Unicode).
    public var displayName: String
    public var created: Date
    public var lastSeen: Date
    /// A PIN the student chose, so classmates cannot open this record (hashed; see
    /// `SecretHash`). Absent: none.
    public var pin: SecretHash?
    /// `10-13` or `14-18`: what the student may be shown. Asked once, or set by the
    /// teacher (`safer class band`); absent: treated as 10-13.
    public var band: AgeBand?
    /// The live class this student last joined, with the token that makes them the same
    /// player when they join again (a dropped network, a new terminal). Saved before
    /// connecting, so a killed shell never loses it.
    public var classJoin: ClassJoin?
  }

  /// A live class joined (`safer class join HOST:PORT CODE`).
  public struct ClassJoin: Codable, Hashable, Sendable {
    /// `HOST:PORT`, as typed.
    public var address: String
    public var code: String
    /// 32 random hex digits; the host binds the student's name to it.
    public var token: String

    public init(address: String, code: String, token: String) {
      self.address = address
      self.code = code
      self.token = token
    }
  }

  /// Where `resume` picks up.
  public struct ResumePoint: Codable, Hashable, Sendable {
    public var attemptID: String
  }

  public var schemaVersion: Int
  public var profile: Profile
  /// Every attempt ever made, oldest first; nothing is ever removed.
  public var attempts: [Attempt]
  public var resume: ResumePoint?
  /// Per topic, kept up to date after every answer.
  public var mastery: [String: TopicMastery]
  /// Spaced review: every question the student has met (`lesson/question`), with its FSRS
  /// schedule, updated after every answer (see `ReviewItem`). Absent in older records:
  /// `ReviewItem.migrate` builds it from their answers.
  public var reviews: [String: ReviewItem]

  public init(id: String, displayName: String, now: Date) {
    schemaVersion = Self.currentSchemaVersion
    profile = Profile(id: id, displayName: displayName, created: now, lastSeen: now)
    attempts = []
    resume = nil
    mastery = [:]
    reviews = [:]
  }

  enum CodingKeys: String, CodingKey {
    case schemaVersion, profile, attempts, resume, mastery, reviews
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
    profile = try container.decode(Profile.self, forKey: .profile)
    attempts = try container.decode([Attempt].self, forKey: .attempts)
    resume = try container.decodeIfPresent(ResumePoint.self, forKey: .resume)
    mastery = try container.decode([String: TopicMastery].self, forKey: .mastery)
    reviews = try container.decodeIfPresent([String: ReviewItem].self, forKey: .reviews) ?? [:]
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schemaVersion, forKey: .schemaVersion)
    try container.encode(profile, forKey: .profile)
    try container.encode(attempts, forKey: .attempts)
    try container.encodeIfPresent(resume, forKey: .resume)
    try container.encode(mastery, forKey: .mastery)
    if !reviews.isEmpty { try container.encode(reviews, forKey: .reviews) }
  }

  public func attempt(id: String) -> Attempt? { attempts.last { $0.id == id } }

  public func attemptIndex(id: String) -> Int? { attempts.lastIndex { $0.id == id } }

  /// Attempts of one lesson or quiz, oldest first.
  public func attempts(of contentID: String) -> [Attempt] { attempts.filter { $0.contentID == contentID } }

  /// The unfinished attempt of a lesson or quiz, if any. A live class's attempt is the
  /// host's to finish, never continued alone.
  public func openAttempt(of contentID: String) -> Attempt? {
    attempts.last { $0.contentID == contentID && $0.status == .inProgress && $0.classSession == nil }
  }
}
