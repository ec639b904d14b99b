/// Who content is for. A 10-13 student is never shown 14-18 content (intimate images,
/// police cases); a 14-18 student may see both.
public enum AgeBand: String, CaseIterable, Codable, Sendable, Comparable {
  case younger = "10-13"
  case older = "14-18"

  /// A lesson's `level`, or a quiz's (absent: open to everyone, so held to 10-13).
  public init(level: String?) {
    self = level == AgeBand.older.rawValue ? .older : .younger
  }

  /// Whether a student of this band may be shown content of `band`.
  public func allows(_ band: AgeBand) -> Bool { band <= self }

  public static func < (lhs: AgeBand, rhs: AgeBand) -> Bool { lhs == .younger && rhs == .older }
}
