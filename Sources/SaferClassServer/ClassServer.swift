import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import SaferCore

/// The live class server: one Hummingbird server on the school's network for students'
/// shells (WebSocket `/class`) and the classroom screen (`/?key=…`, WebSocket
/// `/projector?key=…`). It is transport only: every frame goes to the `ClassHost`, which
/// holds the session and decides what to send back.
///
/// Faults a client can cause end at its own connection: messages over 16 KiB close it
/// (WebSocket 1009, in one frame or several), a client that has not joined within `joinTimeout` is closed, a
/// client whose frames pile up unread (more than 256) is closed, and each is logged.
public final class ClassServer: ClassTransport, @unchecked Sendable {
  public let host: ClassHost
  /// The secret in the projector page's address, so only the teacher's screen shows the
  /// code and the questions.
  public let projectorKey: String
  public var joinTimeout: Duration = .seconds(10)
  /// Open connections at most, students and screens together.
  public static let maximumConnections = 1_200

  private enum Outgoing: Sendable {
    case text(String)
    case close
  }

  private let lock = NSLock()
  private var nextConnection = 0
  private var students: [Int: AsyncStream<Outgoing>.Continuation] = [:]
  private var projectors: [Int: AsyncStream<Outgoing>.Continuation] = [:]

  public init(host: ClassHost, projectorKey: String) {
    self.host = host
    self.projectorKey = projectorKey
  }

  // MARK: - ClassTransport

  public func send(_ frame: String, to connection: Int) {
    guard let continuation = lock.withLock({ students[connection] }) else { return }
    if case .dropped = continuation.yield(.text(frame)) {
      // More than 256 frames waiting: this client is not reading. Let it go.
      continuation.finish()
    }
  }

  public func close(_ connection: Int) {
    guard let continuation = lock.withLock({ students[connection] }) else { return }
    // With the queue full, ending the stream closes the connection all the same.
    if case .dropped = continuation.yield(.close) { continuation.finish() }
  }

  public func sendToProjectors(_ frame: String) {
    for continuation in lock.withLock({ Array(projectors.values) }) {
      if case .dropped = continuation.yield(.text(frame)) { continuation.finish() }
    }
  }

  // MARK: - Running

  /// Serves until the task is cancelled; `ready` gets the port bound (useful with port 0).
  public func run(bind: String, port: Int, ready: @escaping @Sendable (Int) -> Void) async throws {
    let router = Router()
    let key = projectorKey
    router.get("/") { request, _ -> Response in
      let given = request.uri.queryParameters.get("key")
      guard given == key else {
        return Self.html(ProjectorPage.forbidden, status: .forbidden)
      }
      return Self.html(ProjectorPage.html, status: .ok)
    }
    router.get("/health") { _, _ -> String in "ok" }
    let quiet = Logger(label: "safer-class") { _ in SwiftLogNoOpLogHandler() }
    let configuration = HTTP1WebSocketUpgradeChannel.Configuration(
      ws: WebSocketServerConfiguration(
        maxFrameSize: ClassProtocol.maximumFrameSize, autoPing: .enabled(timePeriod: .seconds(10)),
        closeTimeout: .seconds(3), validateUTF8: true))
    let app = Application(
      router: router,
      server: .http1WebSocketUpgrade(configuration: configuration) { [self] request, channel, _ in
        let address = channel.remoteAddress?.ipAddress ?? "unknown"
        let target = URLComponents(string: request.path ?? "/")
        switch target?.path {
        case "/class":
          return .upgrade([:]) { inbound, outbound, _ in
            await self.serveStudent(inbound: inbound, outbound: outbound, address: address)
          }
        case "/projector":
          guard target?.queryItems?.first(where: { $0.name == "key" })?.value == key else { return .dontUpgrade }
          return .upgrade([:]) { inbound, outbound, _ in
            await self.serveProjector(inbound: inbound, outbound: outbound)
          }
        default:
          return .dontUpgrade
        }
      },
      configuration: ApplicationConfiguration(
        address: .hostname(bind, port: port), serverName: "safer",
        availableConnectionsDelegate: MaximumAvailableConnections(Self.maximumConnections, logger: quiet)),
      onServerRunning: { channel in ready(channel.localAddress?.port ?? port) },
      logger: quiet)
    let ticker = Task { [host] in
      while !Task.isCancelled {
        try? await Task.sleep(for: .milliseconds(100))
        host.tick()
      }
    }
    defer { ticker.cancel() }
    try await app.run()
  }

  private static func html(_ page: String, status: HTTPResponse.Status) -> Response {
    Response(
      status: status,
      headers: [
        .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
        .contentSecurityPolicy: "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'",
      ],
      body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
  }

  private func register(projector: Bool) -> (Int, AsyncStream<Outgoing>) {
    let (stream, continuation) = AsyncStream<Outgoing>.makeStream(bufferingPolicy: .bufferingOldest(256))
    let id = lock.withLock {
      nextConnection += 1
      if projector { projectors[nextConnection] = continuation } else { students[nextConnection] = continuation }
      return nextConnection
    }
    return (id, stream)
  }

  private func unregister(_ id: Int) {
    let continuation = lock.withLock { students.removeValue(forKey: id) ?? projectors.removeValue(forKey: id) }
    continuation?.finish()
  }

  /// One student's connection: frames in go to the host; frames out come from a queue of
  /// its own, so writing to a slow client never blocks anyone else.
  private func serveStudent(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, address: String) async {
    let (id, stream) = register(projector: false)
    await withTaskGroup(of: Void.self) { group in
      group.addTask { await Self.write(stream, to: outbound) }
      group.addTask { [host, joinTimeout] in
        try? await Task.sleep(for: joinTimeout)
        if !Task.isCancelled && !host.hasJoined(id) {
          host.problem(address: address, description: "a client that connected and did not join")
          self.close(id)
        }
        // Ending this task would end the connection: wait for the others instead.
        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3_600)) }
      }
      group.addTask { [host] in
        do {
          for try await message in inbound.messages(maxSize: ClassProtocol.maximumFrameSize) {
            guard case .text(let text) = message else {
              host.problem(address: address, description: "a binary frame")
              continue
            }
            host.receive(text, from: id, address: address)
          }
        } catch {
          if !Task.isCancelled {
            host.problem(address: address, description: "a malformed or oversized message (connection closed)")
            // A message over the limit in several fragments: say why, as for one frame.
            try? await outbound.close(.messageTooLarge, reason: "message too large")
          }
        }
      }
      _ = await group.next()
      group.cancelAll()
    }
    unregister(id)
    host.disconnected(id)
  }

  /// The classroom screen: sent the whole picture on connecting and on every change.
  private func serveProjector(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async {
    let (id, stream) = register(projector: true)
    lock.withLock { projectors[id] }?.yield(.text(host.projectorFrame()))
    await withTaskGroup(of: Void.self) { group in
      group.addTask { await Self.write(stream, to: outbound) }
      group.addTask {
        // The page sends nothing; reading notices when it goes away.
        _ = try? await inbound.messages(maxSize: 1024).first { _ in false }
      }
      _ = await group.next()
      group.cancelAll()
    }
    unregister(id)
  }

  private static func write(_ stream: AsyncStream<Outgoing>, to outbound: WebSocketOutboundWriter) async {
    for await item in stream {
      switch item {
      case .text(let frame):
        do { try await outbound.write(.text(frame)) } catch { return }
      case .close:
        try? await outbound.close(.normalClosure, reason: nil)
        return
      }
    }
    try? await outbound.close(.goingAway, reason: nil)
  }
}

extension ClassServer {
  /// The addresses students can type to reach a server bound to `bind` on `port`: each
  /// IPv4 address of this computer's network interfaces (loopback last) for `0.0.0.0`.
  public static func joinAddresses(bind: String, port: Int) -> [String] {
    guard bind == "0.0.0.0" || bind == "::" else { return ["\(bind):\(port)"] }
    var found: [String] = []
    var loopback: [String] = []
    var list: UnsafeMutablePointer<ifaddrs>?
    guard getifaddrs(&list) == 0, let first = list else { return ["127.0.0.1:\(port)"] }
    defer { freeifaddrs(list) }
    var cursor: UnsafeMutablePointer<ifaddrs>? = first
    while let entry = cursor {
      defer { cursor = entry.pointee.ifa_next }
      guard let socketAddress = entry.pointee.ifa_addr, socketAddress.pointee.sa_family == UInt16(AF_INET) else {
        continue
      }
      var name = [CChar](repeating: 0, count: Int(NI_MAXHOST))
      guard
        getnameinfo(
          socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size), &name, socklen_t(name.count), nil, 0, NI_NUMERICHOST)
          == 0
      else { continue }
      let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if text.hasPrefix("127.") { loopback.append("\(text):\(port)") } else { found.append("\(text):\(port)") }
    }
    return found + loopback
  }
}
