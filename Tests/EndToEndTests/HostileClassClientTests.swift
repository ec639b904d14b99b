import Foundation
import SaferCore
import Testing

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
  /// the connection.
  struct Exchange {
    var frames: [String] = []
    var closedByHost = false
    var closeCode: UInt16?

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

  /// Connects, sends `frames`, and collects what comes back until `count` text frames
  /// arrived or the host closed the connection (or nothing came for `timeout` seconds).
  func exchange(_ address: String, _ frames: [String], until count: Int, timeout: Double = 10) throws -> Exchange {
    let port = try #require(address.split(separator: ":").last.flatMap { Int($0) })
    let socket = try RawWebSocket(port: port, timeout: timeout)
    var result = Exchange()
    for frame in frames {
      do { try socket.send(text: frame) } catch {
        result.closedByHost = true  // the host let go while frames were still going out
        return result
      }
    }
    while result.frames.count < count {
      switch socket.receive() {
      case .text(let text)?:
        result.frames.append(text)
      case .close(let code)?:
        result.closedByHost = true
        result.closeCode = code
        return result
      case nil:
        result.closedByHost = true
        return result
      }
    }
    return result
  }

  static func join(_ code: String, _ name: String, token: String = String(repeating: "e", count: 32)) -> String {
    String(decoding: ClientMessage.join(code: code, name: name, token: token).encoded(), as: UTF8.self)
  }

  @Test func badFramesWrongCodesSilenceAndImpersonationAreRefusedAndTheClassGoesOn() throws {
    let host = try TmuxSession(
      sandbox: sandbox,
      arguments: [
        "class", "host", "demo-quiz", "--port", "0", "--bind", "127.0.0.1", "--data", sandbox.data.path, "--lessons",
        sandbox.lessons.path,
      ], environment: ["SAFER_CLASS_JOIN_TIMEOUT": "3"])
    defer { host.close() }
    let banner = try host.waitFor(text: "Type next to open question 1")
    let (address, code, _) = try LiveClassTests.joinDetails(banner)

    // Not JSON, an unknown type: each answered with `rejected`, and the same connection can
    // still join.
    let garbled = try exchange(
      address, ["not json", #"{"v":1,"type":"dance"}"#, Self.join(code, "Eve")], until: 3)
    #expect(garbled.types == ["rejected", "rejected", "welcome"], "\(garbled.frames)")

    // Another protocol version: told so, and let go.
    let newer = try exchange(address, [#"{"v":9,"type":"join"}"#], until: 2)
    #expect(newer.field("refused", "reason") == "version" && newer.closedByHost, "\(newer)")

    // A frame over 16 KiB: the connection is closed, nothing joined.
    let huge = Self.join(code, String(repeating: "x", count: 20_000))
    let oversized = try exchange(address, [huge], until: 1)
    #expect(oversized.closedByHost && !oversized.types.contains("welcome"), "\(oversized)")
    #expect(oversized.closeCode == 1009, "closed with \(String(describing: oversized.closeCode))")

    // A client that says nothing is let go (here after 3 s, so a loaded machine still
    // reads the others' frames in time; 10 s by default).
    let silent = try exchange(address, [], until: 1, timeout: 15)
    #expect(silent.closedByHost && silent.frames.isEmpty)

    // A name with escape sequences is refused; the teacher's screen is untouched.
    let evil = try exchange(
      address, [Self.join(code, "Mallory\u{1B}]0;pwned\u{07}\u{1B}[2J", token: String(repeating: "f", count: 32))], until: 1)
    #expect(evil.field("refused", "reason") == "bad-name")

    // A real student joins; Eve tries to answer for her once a question is open.
    let ana = try TmuxSession(
      sandbox: sandbox, arguments: ["class", "join", address, code, "--user", "Ana"] + sandbox.shellArguments(user: nil))
    defer { ana.close() }
    try ana.waitFor(text: "You joined “Demo quiz” as Ana.")
    try host.enter("next")
    try ana.waitFor(text: "Question 1 of 2")
    let forAna = try exchange(
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
      let wrong = try exchange(address, [Self.join("000000", "Guess")], until: 1)
      #expect(wrong.field("refused", "reason") == "wrong-code")
    }
    let held = try exchange(address, [Self.join(code, "Guess")], until: 1)
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
