import Foundation

/// `safer link URL --json`: a `LinkCheck` as one JSON object (keys sorted, absent parts
/// left out).
extension LinkCheck {
  public func json() -> Data {
    var object: [String: Any] = [
      "link": anatomy.link, "host": anatomy.host, "hostUnicode": anatomy.hostUnicode, "path": anatomy.path,
      "isIPAddress": anatomy.isIPAddress, "verdict": verdict.rawValue,
      "flags": flags.map { ["code": $0.code.rawValue, "severity": $0.severity.rawValue, "message": $0.message] },
    ]
    object["scheme"] = anatomy.scheme
    object["userInfo"] = anatomy.userInfo
    object["port"] = anatomy.port
    object["query"] = anatomy.query
    object["fragment"] = anatomy.fragment
    object["publicSuffix"] = anatomy.publicSuffix
    object["registrableDomain"] = anatomy.registrableDomain
    object["subdomain"] = anatomy.subdomain
    return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
  }
}
