import Foundation
import Logging
import SaferCore
import Testing
import WSClient

/// Clients that misbehave, against the real host over loopback: each is refused, the host
/// logs it, nothing they send reaches the teacher's terminal as an escape sequence, and a
/// well-behaved student afterwards takes part as if nothing happened.
@Suite("A live class against hostile clients", .serialized)
struct HostileClassClientTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try sandbox.addLesson("demo-quiz.yaml", DemoLesson.quizYAML("count: 2\n"))
  }

  /// What a raw WebSocket client got back: the text frames, and whether the host closed
  /// the connection before `timeout`.
  struct Exchange {
    var frames: [String] = []
    var closedByHost = false

    var types: [String] {
      frames.compactMap { frame in
        (try? JSONSerialization.jsonObject(with: Data(frame.utf8)) as? [String: Any])?["type"] as? String
      }
    }

    func field(_ type: String, _ key: String) -> String? {
      for frame in frames {
        guard let object = try? JSONSerialization.jsonObject(with: Data(frame.utf8)) as? [String: Any],
          object["type"] as? String == type
        else { continue }
        return object[key] as? String
      }
      return nil
    }
  }

  /// Connects, sends `frames` one by one (each after the previous reply, if `await`),
  /// and collects what comes back until `count` frames arrived, the host closed, or
  /// `timeout` passed.
  func exchange(
    _ address: String, _ frames: [String], until count: Int, timeout: Duration = .seconds(5)
  ) async throws -> Exchange {
    let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    let collected = Collected()
    let configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 16)
    do {
      try await talk(
        address, frames, until: count, timeout: timeout, into: collected, configuration: configuration, logger: quiet)
    } catch {
      // The host closed the connection while frames were still being written.
      collected.markClosed()
    }
    return collected.result
  }

  private func talk(
    _ address: String, _ frames: [String], until count: Int, timeout: Duration, into collected: Collected,
    configuration: WebSocketClientConfiguration, logger: Logger
  ) async throws {
    _ = try await WebSocketClient.connect(url: "ws://\(address)/class", configuration: configuration, logger: logger) {
      inbound, outbound, _ in
      for frame in frames { try await outbound.write(.text(frame)) }
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          for try await message in inbound.messages(maxSize: 1 << 16) {
            if case .text(let text) = message { collected.add(text) }
            if collected.count >= count { return }
          }
          collected.markClosed()
        }
        group.addTask { try await Task.sleep(for: timeout) }
        _ = try await group.next()
        group.cancelAll()
      }
    }
  }

  final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var exchange = Exchange()
    func add(_ frame: String) { lock.withLock { exchange.frames.append(frame) } }
    func markClosed() { lock.withLock { exchange.closedByHost = true } }
    var count: Int { lock.withLock { exchange.frames.count } }
    var result: Exchange { lock.withLock { exchange } }
  }

  static func join(_ code: String, _ name: String, token: String = String(repeating: "e", count: 32)) -> String {
    String(decoding: ClientMessage.join(code: code, name: name, token: token).encoded(), as: UTF8.self)
  }

  @Test func badFramesWrongCodesSilenceAndImpersonationAreRefusedAndTheClassGoesOn() async throws {
    let host = try TmuxSession(
      sandbox: sandbox,
      arguments: [
        "class", "host", "demo-quiz", "--port", "0", "--bind", "127.0.0.1", "--data", sandbox.data.path, "--lessons",
        sandbox.lessons.path,
      ], environment: ["SAFER_CLASS_JOIN_TIMEOUT": "1"])
    defer { host.close() }
    let banner = try host.waitFor(text: "Type next to open question 1")
    let (address, code, _) = try LiveClassTests.joinDetails(banner)

    // Not JSON, an unknown type: each answered with `rejected`, and the same connection can
    // still join.
    let garbled = try await exchange(
      address, ["not json", #"{"v":1,"type":"dance"}"#, Self.join(code, "Eve")], until: 3)
    #expect(garbled.types == ["rejected", "rejected", "welcome"], "\(garbled.frames)")

    // Another protocol version: told so, and let go.
    let newer = try await exchange(address, [#"{"v":9,"type":"join"}"#], until: 2)
    #expect(newer.field("refused", "reason") == "version" && newer.closedByHost, "\(newer)")

    // A frame over 16 KiB: the connection is closed, nothing joined.
    let huge = Self.join(code, String(repeating: "x", count: 20_000))
    let oversized = try await exchange(address, [huge], until: 1)
    #expect(oversized.closedByHost && !oversized.types.contains("welcome"), "\(oversized)")

    // A client that says nothing is let go (here after 1 s; 10 s by default).
    let silent = try await exchange(address, [], until: 1, timeout: .seconds(5))
    #expect(silent.closedByHost && silent.frames.isEmpty)

    // A name with escape sequences is refused; the teacher's screen is untouched.
    let evil = try await exchange(
      address, [Self.join(code, "Mallory\u{1B}]0;pwned\u{07}\u{1B}[2J", token: String(repeating: "f", count: 32))], until: 1)
    #expect(evil.field("refused", "reason") == "bad-name")

    // A real student joins; Eve tries to answer for her once a question is open.
    let ana = try TmuxSession(
      sandbox: sandbox, arguments: ["class", "join", address, code, "--user", "Ana"] + sandbox.shellArguments(user: nil))
    defer { ana.close() }
    try ana.waitFor(text: "You joined “Demo quiz” as Ana.")
    try host.enter("next")
    try ana.waitFor(text: "Question 1 of 2")
    let forAna = try await exchange(
      address,
      [
        Self.join(code, "Eve"),
        #"{"v":1,"type":"answer","question":1,"response":"a","player":"Ana"}"#,
        #"{"v":1,"type":"answer","question":7,"response":"a"}"#,
      ], until: 4)
    #expect(forAna.field("rejected", "reason") == "not-yours", "\(forAna.frames)")
    #expect(forAna.frames.contains { $0.contains("wrong-question") })
    try ana.enter("b")
    try ana.waitFor(text: "✓ Answer received.")

    // Wrong codes: five from this address, then even the right one is held back.
    for _ in 0..<5 {
      let wrong = try await exchange(address, [Self.join("000000", "Guess")], until: 1)
      #expect(wrong.field("refused", "reason") == "wrong-code")
    }
    let held = try await exchange(address, [Self.join(code, "Guess")], until: 1)
    #expect(held.field("refused", "reason") == "too-many-tries")

    // The class went on: the host is still asking, Ana's answer counted, and the teacher's
    // screen shows no trace of the escape sequences (the banner was not cleared).
    try host.enter("reveal")
    try ana.waitFor(text: "✓ Right! +")
    let screen = try host.screen()
    #expect(screen.contains("Students type:"), "the screen was cleared")
    #expect(!screen.contains("\u{1B}") && !screen.contains("pwned\u{07}"))
    let log = try String(
      contentsOf: try #require(
        FileManager.default.contentsOfDirectory(
          at: sandbox.data.appendingPathComponent("classes"), includingPropertiesForKeys: nil
        )
        .first { $0.pathExtension == "log" }), encoding: .utf8)
    for logged in ["not a JSON object", "unknown message type", "protocol version 9", "did not join", "bad-name", "wrong-code"] {
      #expect(log.contains(logged), "the log lacks \(logged): \(log)")
    }
    #expect(!log.contains("\u{1B}"), "the log holds a raw escape")
  }
}
