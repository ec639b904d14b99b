import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A WebSocket client written out by hand over a blocking socket (RFC 6455), to play a
/// hostile client against the real host: it sends exactly the bytes a test asks for, and
/// it needs no Swift concurrency, so a suite full of blocking tests cannot starve it.
final class RawWebSocket {
  enum Frame: Equatable {
    case text(String)
    case close(UInt16?)
  }

  private let descriptor: Int32
  private var buffer: [UInt8] = []

  /// Connects to `127.0.0.1:port` and upgrades `path`; reads wait at most `timeout` seconds.
  init(port: Int, path: String = "/class", timeout: Double = 10) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw HarnessError(description: "socket: \(errno)") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      Glibc.close(descriptor)
      throw HarnessError(description: "connect to port \(port): \(errno)")
    }
    var wait = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    let request =
      "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
      + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    try write(Array(request.utf8))
    var header: [UInt8] = []
    while !header.ends(with: [13, 10, 13, 10]) {
      guard let byte = try readBytes(1).first else { throw HarnessError(description: "no upgrade response") }
      header.append(byte)
    }
    let status = String(decoding: header, as: UTF8.self)
    guard status.hasPrefix("HTTP/1.1 101") else {
      throw HarnessError(description: "the upgrade was refused: \(status.prefix(80))")
    }
  }

  deinit { Glibc.close(descriptor) }

  /// One masked text frame (clients must mask), in one piece.
  func send(text: String) throws {
    try send(opcode: 0x1, payload: Array(text.utf8), final: true)
  }

  /// A frame as given: `final: false` starts a fragmented message (continuations are
  /// opcode 0).
  func send(opcode: UInt8, payload: [UInt8], final: Bool) throws {
    var frame: [UInt8] = [(final ? 0x80 : 0) | opcode]
    switch payload.count {
    case ..<126: frame.append(0x80 | UInt8(payload.count))
    case ..<65_536: frame += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
    default: frame += [0x80 | 127] + (0..<8).reversed().map { UInt8((payload.count >> ($0 * 8)) & 0xFF) }
    }
    let mask: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]
    frame += mask
    frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
    try write(frame)
  }

  /// The next text or close frame (pings are answered on the way); `nil` when the host
  /// closed the socket or nothing came in time.
  func receive() -> Frame? {
    while true {
      guard let head = try? readBytes(2), head.count == 2 else { return nil }
      var length = Int(head[1] & 0x7F)
      if length == 126 {
        guard let extended = try? readBytes(2), extended.count == 2 else { return nil }
        length = Int(extended[0]) << 8 | Int(extended[1])
      } else if length == 127 {
        guard let extended = try? readBytes(8), extended.count == 8 else { return nil }
        length = extended.reduce(0) { $0 << 8 | Int($1) }
      }
      guard let payload = try? readBytes(length), payload.count == length else { return nil }
      switch head[0] & 0x0F {
      case 0x1: return .text(String(decoding: payload, as: UTF8.self))
      case 0x8: return .close(payload.count >= 2 ? UInt16(payload[0]) << 8 | UInt16(payload[1]) : nil)
      case 0x9: try? send(opcode: 0xA, payload: payload, final: true)
      default: continue
      }
    }
  }

  private func write(_ bytes: [UInt8]) throws {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      guard written > 0 else { throw HarnessError(description: "the host closed the connection (errno \(errno))") }
      offset += written
    }
  }

  /// Exactly `count` bytes, fewer only at the end of the stream; throws on a timeout.
  private func readBytes(_ count: Int) throws -> [UInt8] {
    while buffer.count < count {
      var chunk = [UInt8](repeating: 0, count: 4096)
      let got = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if got == 0 { break }
      guard got > 0 else { throw HarnessError(description: "nothing from the host in time") }
      buffer += chunk[..<got]
    }
    let taken = Array(buffer.prefix(count))
    buffer.removeFirst(taken.count)
    return taken
  }
}

extension Array where Element == UInt8 {
  fileprivate func ends(with suffix: [UInt8]) -> Bool {
    count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
  }
}
