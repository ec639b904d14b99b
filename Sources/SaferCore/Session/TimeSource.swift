import Foundation

/// The current time, replaceable so tests can fix it.
public protocol TimeSource: Sendable {
  func now() -> Date
}

public struct SystemTime: TimeSource {
  public init() {}
  public func now() -> Date { Date() }
}

/// A clock that moves only when told, for tests.
public final class ManualTime: TimeSource, @unchecked Sendable {
  private var current: Date
  public init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = start }
  public func now() -> Date { current }
  public func advance(_ seconds: TimeInterval) { current += seconds }
}
