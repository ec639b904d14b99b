import Foundation
import Logging
import SaferCore
import WSClient

/// A student's WebSocket connection to a live class host (`ws://HOST:PORT/class`).
///
/// The shell is synchronous and sits in libedit; this runs the connection on SwiftNIO's
/// threads and hands every frame from the host to `deliver`, which queues it for the shell
/// and wakes its read (`WakeQueue`). Frames to send wait in a queue of their own.
public final class ClassClient: ClassLink, @unchecked Sendable {
  private let outgoing: AsyncStream<ClientMessage>.Continuation
  private let task: Task<Void, Never>

  /// Starts connecting at once; `deliver` gets `.lost` if that fails or when it ends.
  public init(address: ClassAddress, deliver: @escaping @Sendable (ClassLinkEvent) -> Void) {
    let (stream, continuation) = AsyncStream<ClientMessage>.makeStream(bufferingPolicy: .bufferingOldest(64))
    outgoing = continuation
    let url = "ws://\(address)/class"
    task = Task.detached {
      let quiet = Logger(label: "safer-class-client") { _ in SwiftLogNoOpLogHandler() }
      let configuration = WebSocketClientConfiguration(
        maxFrameSize: ClassProtocol.maximumHostFrameSize, closeTimeout: .seconds(2),
        autoPing: .enabled(timePeriod: .seconds(10)), validateUTF8: true)
      do {
        let closing = try await WebSocketClient.connect(url: url, configuration: configuration, logger: quiet) {
          inbound, outbound, _ in
          try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
              for await message in stream {
                try await outbound.write(.text(String(decoding: message.encoded(), as: UTF8.self)))
              }
            }
            group.addTask {
              for try await message in inbound.messages(maxSize: ClassProtocol.maximumHostFrameSize) {
                guard case .text(let text) = message else { continue }
                do {
                  deliver(.message(try ServerMessage.decode(Data(text.utf8))))
                } catch {
                  guard case .unsupportedVersion(let version)? = error as? ClassFrameProblem else {
                    continue  // a message this shell does not know: nothing to show
                  }
                  let theirs = version.map(String.init) ?? "?"
                  deliver(
                    .lost(
                      "the class runs another version of Safer Shell (protocol \(theirs), this shell speaks \(ClassProtocol.version))"
                    ))
                  return
                }
              }
            }
            _ = try await group.next()
            group.cancelAll()
          }
        }
        deliver(.lost(closing?.reason.flatMap { $0.isEmpty ? nil : $0 } ?? "the host closed the connection"))
      } catch {
        deliver(.lost(Self.describe(error, address: address)))
      }
    }
  }

  public func send(_ message: ClientMessage) {
    outgoing.yield(message)
  }

  public func close() {
    outgoing.finish()
  }

  deinit {
    outgoing.finish()
  }

  /// A connection error as a student can act on it.
  static func describe(_ error: any Error, address: ClassAddress) -> String {
    let text = String(describing: error)
    if text.contains("connectionRefused") || text.contains("Connection refused") {
      return "nothing answers at \(address): check the address, and that your teacher's class is running"
    }
    if text.contains("timeout") || text.contains("Timeout") { return "\(address) did not answer in time" }
    if text.contains("NXDOMAIN") || text.contains("resolve") { return "the computer \(address.host) was not found" }
    return "could not connect to \(address)"
  }
}
