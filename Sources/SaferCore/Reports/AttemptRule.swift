/// Which of a student's finished attempts at a quiz a class report counts.
///
/// Moodle's quiz statistics count each student's first attempt by default: a second try is
/// made by someone who has already seen the questions (and often the answers), which breaks
/// the assumptions item analysis rests on. `all` treats every finished attempt as if a
/// different student had made it, as Moodle's "all attempts" does.
public enum AttemptRule: String, Codable, Sendable, CaseIterable {
  case first, last, best, all

  /// The attempts that count among one student's attempts at one quiz (oldest first):
  /// only completed ones, never an attempt still in progress or abandoned with `reset`.
  /// `best` keeps the earliest of equally good attempts.
  public func select(_ attempts: [Attempt]) -> [Attempt] {
    let finished = attempts.filter { $0.status == .completed }
    switch self {
    case .first: return Array(finished.prefix(1))
    case .last: return Array(finished.suffix(1))
    case .best:
      guard let best = finished.max(by: { $0.percent < $1.percent }) else { return [] }
      return [best]
    case .all: return finished
    }
  }

  /// How the rule reads in a sentence: "each student's first finished attempt".
  public var phrase: String {
    switch self {
    case .first: "each student's first finished attempt"
    case .last: "each student's last finished attempt"
    case .best: "each student's best finished attempt"
    case .all: "every finished attempt"
    }
  }
}
