/// A link taken apart as a browser reads it: scheme, user info, host, port, path, query,
/// fragment, and the host's registrable domain (the part one owner controls).
///
/// Parsed by hand, leniently, so that the tricks used on children (an `@` decoy, a host
/// written as a number, an IDN look-alike) are shown as what they are rather than refused.
public struct LinkAnatomy: Hashable, Sendable {
  /// Longest link looked at.
  public static let maximumLength = 2_048

  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case tooLong(Int)
    case noHost

    public var description: String {
      switch self {
      case .empty: "Give a link, e.g. `lab link https://www.example.com/login`."
      case .tooLong(let count): "That link is \(count) characters long; links up to \(LinkAnatomy.maximumLength) are looked at."
      case .noHost: "That link has no website name in it."
      }
    }
  }

  public var link: String
  /// `https`, `http`, …; `nil` when the link has none (a browser would add `https://`).
  public var scheme: String?
  /// Whatever comes before an `@` in the address part: ignored by the browser.
  public var userInfo: String?
  /// Lower case, as written (IDN labels in `xn--` form if written so).
  public var host: String
  /// The host with `xn--` labels decoded, as it really spells.
  public var hostUnicode: String
  public var port: Int?
  public var path: String
  public var query: String?
  public var fragment: String?
  /// `co.uk`, `com`, `github.io`…; `nil` for an IP address.
  public var publicSuffix: String?
  /// `bbc.co.uk`; `nil` for an IP address or a bare public suffix.
  public var registrableDomain: String?
  /// The labels before the registrable domain (`login.secure` in `login.secure.bank.com`).
  public var subdomain: String?
  public var isIPAddress: Bool

  public init(_ text: String, suffixes: PublicSuffixList = .shared) throws(Problem) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw .empty }
    guard trimmed.count <= Self.maximumLength else { throw .tooLong(trimmed.count) }
    link = trimmed
    var rest = Substring(trimmed)
    scheme = nil
    if let colon = rest.firstIndex(of: ":"), Self.isScheme(rest[..<colon]),
      rest[rest.index(after: colon)...].hasPrefix("//") || !Self.looksLikeHostAndPort(rest)
    {
      scheme = rest[..<colon].lowercased()
      rest = rest[rest.index(after: colon)...]
    }
    if rest.hasPrefix("//") { rest = rest.dropFirst(2) }
    let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" || $0 == "\\" } ?? rest.endIndex
    var authority = rest[..<authorityEnd]
    var tail = rest[authorityEnd...]
    userInfo = nil
    if let at = authority.lastIndex(of: "@") {
      userInfo = String(authority[..<at])
      authority = authority[authority.index(after: at)...]
    }
    var hostPart = authority
    port = nil
    if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
      hostPart = authority[...close]
      let after = authority[authority.index(after: close)...]
      if after.hasPrefix(":") { port = Int(after.dropFirst()) }
    } else if let colon = authority.lastIndex(of: ":") {
      hostPart = authority[..<colon]
      port = Int(authority[authority.index(after: colon)...])
    }
    var host = hostPart.lowercased()
    while host.hasSuffix(".") { host.removeLast() }
    guard !host.isEmpty else { throw .noHost }
    self.host = host
    fragment = nil
    if let hash = tail.firstIndex(of: "#") {
      fragment = String(tail[tail.index(after: hash)...])
      tail = tail[..<hash]
    }
    query = nil
    if let mark = tail.firstIndex(of: "?") {
      query = String(tail[tail.index(after: mark)...])
      tail = tail[..<mark]
    }
    path = tail.isEmpty ? "/" : String(tail)
    isIPAddress = Self.isIPAddress(host)
    hostUnicode = host.split(separator: ".").map { Punycode.decodeLabel(String($0)) ?? String($0) }.joined(separator: ".")
    if isIPAddress {
      publicSuffix = nil
      registrableDomain = nil
      subdomain = nil
    } else {
      publicSuffix = suffixes.publicSuffix(of: hostUnicode)
      registrableDomain = suffixes.registrableDomain(of: hostUnicode)
      if let registrable = registrableDomain, hostUnicode.count > registrable.count {
        subdomain = String(hostUnicode.dropLast(registrable.count + 1))
      } else {
        subdomain = nil
      }
    }
  }

  /// RFC 3986: a letter, then letters, digits, `+`, `-`, `.`.
  private static func isScheme(_ text: Substring) -> Bool {
    guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
    return text.unicodeScalars.allSatisfy {
      $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0))
    }
  }

  /// `example.com:8080/x`: a host and port, not a scheme.
  private static func looksLikeHostAndPort(_ text: Substring) -> Bool {
    guard let colon = text.firstIndex(of: ":") else { return false }
    let after = text[text.index(after: colon)...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    return !after.isEmpty && after.allSatisfy(\.isNumber) && text[..<colon].contains(".")
  }

  /// Dotted IPv4 (also in the short, decimal, octal or hex forms browsers accept) or IPv6.
  static func isIPAddress(_ host: String) -> Bool {
    if host.hasPrefix("[") { return true }
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...4).contains(parts.count) else { return false }
    return parts.allSatisfy { part in
      let lower = part.lowercased()
      if lower.hasPrefix("0x") { return lower.count > 2 && lower.dropFirst(2).allSatisfy(\.isHexDigit) }
      return !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber }
    }
  }
}
