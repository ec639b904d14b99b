/// A student's connection to a live class, as the shell sees it. The real one is
/// `SaferClassClient.ClassClient` (a WebSocket); tests wire the shell to a `ClassHost`
/// in memory.
public protocol ClassLink: AnyObject {
  func send(_ message: ClientMessage)
  /// Ends the connection; no more events follow.
  func close()
}

/// What arrives from a class connection, on the connection's own thread.
public enum ClassLinkEvent: Sendable {
  case message(ServerMessage)
  /// The connection could not be made or was lost, and why (for the student).
  case lost(String)
}

/// Opens a connection to `address` (`HOST:PORT`); events go to `deliver`.
public typealias ClassConnector = (_ address: ClassAddress, _ deliver: @escaping @Sendable (ClassLinkEvent) -> Void) ->
  any ClassLink
