/// `HOST:PORT` as a student types it to join a live class: a host name, an IPv4 address
/// or a bracketed IPv6 address, and a port.
public struct ClassAddress: Hashable, Sendable, CustomStringConvertible {
  public var host: String
  public var port: Int

  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    case malformed(String)

    public var description: String {
      switch self {
      case .malformed(let text):
        "“\(text.prefix(80))” is not an address: type it as your teacher gave it, e.g. `join 192.168.1.20:8040 123456`."
      }
    }
  }

  public init(host: String, port: Int) {
    self.host = host
    self.port = port
  }

  public static func parse(_ text: String) throws(Problem) -> ClassAddress {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard trimmed.utf8.count <= 300, let colon = trimmed.lastIndex(of: ":") else { throw .malformed(text) }
    var host = String(trimmed[..<colon])
    let portText = trimmed[trimmed.index(after: colon)...]
    guard let port = Int(portText), (1...65_535).contains(port) else { throw .malformed(text) }
    if host.hasPrefix("[") && host.hasSuffix("]") {
      let inner = host.dropFirst().dropLast()
      guard !inner.isEmpty, inner.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { throw .malformed(text) }
      host = String(inner)
      return ClassAddress(host: host, port: port)
    }
    guard !host.isEmpty,
      host.unicodeScalars.allSatisfy({
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == ".")
      })
    else { throw .malformed(text) }
    return ClassAddress(host: host, port: port)
  }

  /// For URLs: IPv6 in brackets.
  public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
