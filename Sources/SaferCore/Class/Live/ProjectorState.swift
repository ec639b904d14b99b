import Foundation

/// What the classroom screen shows, sent whole to the projector page whenever it changes
/// (`{"v": 1, "type": "state", …}`). It never holds an answer before the reveal.
public struct ProjectorState: Codable, Hashable, Sendable {
  public enum Phase: String, Codable, Sendable {
    case lobby, open, closed, revealed, ended
  }

  public var v = ClassProtocol.version
  public var type = "state"
  public var phase: Phase
  public var title: String
  /// The join code and the addresses students type (shown in the lobby).
  public var code: String
  public var addresses: [String]
  public var players: [String]
  public var locked: Bool
  public var question: LiveQuestion?
  public var secondsLeft: Double?
  public var paused: Bool
  public var answered: Int
  public var reveal: Reveal?
  public var leaderboard: [Standing]
  /// At the end: the class average in percent.
  public var average: Double?

  public init(_ session: ClassSession, addresses: [String], now: Date) {
    switch session.phase {
    case .lobby: phase = .lobby
    case .open: phase = .open
    case .closed: phase = .closed
    case .revealed: phase = .revealed
    case .ended: phase = .ended
    }
    title = session.title
    code = session.code
    self.addresses = addresses
    players = session.activePlayers.map(\.name)
    locked = session.locked
    let number = session.currentNumber
    question = number >= 1 && session.phase != .ended ? session.liveQuestion(number) : nil
    secondsLeft = session.phase == .open(number) ? session.secondsLeft(now: now) : nil
    paused = session.pausedLeft != nil
    answered = number >= 1 ? session.answeredCount(number) : 0
    reveal = session.phase == .revealed(number) ? session.reveal(of: number) : nil
    // Points say who got the open question right: the ranking waits for the reveal.
    let showsRanks = session.phase == .revealed(number) || session.phase == .ended
    leaderboard = showsRanks ? Array(session.leaderboard().prefix(10)) : []
    average = session.phase == .ended ? ClassResults(session).averagePercent : nil
  }

  public func encoded() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(self)) ?? Data()
  }
}
