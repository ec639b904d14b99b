import Foundation

/// Limits wrong join codes, so a 6-digit code cannot be guessed in a lesson's time.
///
/// Each address may get the code wrong `perAddress` times a minute; and all addresses
/// that got it wrong share `overall` tries a minute, so many machines together guess no
/// faster than about 3,000 codes an hour (0.3% of the codes). An address that has not got
/// it wrong is never held back, so a class typing the right code is never locked out.
public struct JoinThrottle: Sendable {
  public var perAddress: Int
  public var overall: Int
  public var window: TimeInterval
  private var failures: [String: [Date]] = [:]

  public init(perAddress: Int = 5, overall: Int = 50, window: TimeInterval = 60) {
    self.perAddress = perAddress
    self.overall = overall
    self.window = window
  }

  /// Whether `address` may try a code now.
  public mutating func allows(_ address: String, now: Date) -> Bool {
    prune(now: now)
    guard let mine = failures[address], !mine.isEmpty else { return true }
    if mine.count >= perAddress { return false }
    return failures.values.reduce(0) { $0 + $1.count } < overall
  }

  public mutating func recordFailure(_ address: String, now: Date) {
    prune(now: now)
    failures[address, default: []].append(now)
  }

  private mutating func prune(now: Date) {
    let cutoff = now.addingTimeInterval(-window)
    for (address, times) in failures {
      let recent = times.filter { $0 > cutoff }
      failures[address] = recent.isEmpty ? nil : recent
    }
  }
}
