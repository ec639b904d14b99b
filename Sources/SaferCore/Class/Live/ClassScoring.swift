/// How a live class's game points are given (`safer class host --scoring`). Only right
/// answers score; a question's own marks (partial credit, as in any quiz) are kept apart
/// for the records and the teacher's report.
public enum ClassScoring: String, Codable, Sendable, CaseIterable {
  /// Every right answer earns the full points.
  case flat
  /// Full points for an answer at once, falling linearly to half at the deadline.
  case speed

  public static let fullPoints = 1000.0

  public func points(correct: Bool, seconds: Double, timeLimit: Double) -> Double {
    guard correct else { return 0 }
    switch self {
    case .flat:
      return Self.fullPoints
    case .speed:
      let share = timeLimit > 0 ? min(1, max(0, seconds / timeLimit)) : 0
      return (Self.fullPoints * (1 - share / 2)).rounded()
    }
  }
}
