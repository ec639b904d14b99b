/// Which attempt counts when a quiz may be taken several times.
public enum Grading {
  /// The percentage that counts over the finished attempts, or `nil` if none is finished.
  public static func countingPercent(of attempts: [Attempt], method: Quiz.Grading) -> Double? {
    let finished = attempts.filter { $0.status == .completed }.map(\.percent)
    guard let first = finished.first, let last = finished.last else { return nil }
    switch method {
    case .highest: return finished.max()
    case .average: return finished.reduce(0, +) / Double(finished.count)
    case .first: return first
    case .last: return last
    }
  }
}
