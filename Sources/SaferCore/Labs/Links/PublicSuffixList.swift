/// The Public Suffix List's algorithm (https://publicsuffix.org/list/): which part of a host
/// is a public suffix (`co.uk`, `github.io`) and so which is the registrable domain, the
/// part one owner controls (`bbc.co.uk`, `ana.github.io`).
///
/// A host's suffix is the longest rule that matches its last labels, a `*` label matching
/// any one label and a `!` rule making an exception to a wildcard; with no rule matching,
/// the last label alone. The registrable domain is the suffix and one label more.
public struct PublicSuffixList: Sendable {
  private var rules: Set<String> = []
  private var wildcards: Set<String> = []
  private var exceptions: Set<String> = []

  /// The list shipped with Safer Shell (see `PublicSuffixData`), read once.
  public static let shared = PublicSuffixList(rules: PublicSuffixData.rules)

  public static var version: String { PublicSuffixData.version }

  /// Reads rules one a line (`//` comments and blank lines ignored).
  public init(rules text: String) {
    for raw in text.split(whereSeparator: \.isNewline) {
      let rule = raw.trimmingCharacters(in: .whitespaces).lowercased()
      if rule.isEmpty || rule.hasPrefix("//") { continue }
      if rule.hasPrefix("!") {
        exceptions.insert(String(rule.dropFirst()))
      } else if rule.hasPrefix("*.") {
        wildcards.insert(String(rule.dropFirst(2)))
      } else {
        rules.insert(rule)
      }
    }
  }

  /// Whether `name` is itself a listed suffix (`com`, `co.uk`), as opposed to a name.
  public func isListedSuffix(_ name: String) -> Bool { rules.contains(name.lowercased()) }

  /// The public suffix of `host` (lower-case Unicode labels, without a trailing dot).
  public func publicSuffix(of host: String) -> String {
    let labels = host.split(separator: ".").map(String.init)
    guard !labels.isEmpty else { return host }
    var best = 1  // the default rule `*`: the last label
    for count in 1...labels.count {
      let candidate = labels.suffix(count).joined(separator: ".")
      if exceptions.contains(candidate) {
        // An exception rule: the suffix is the rule without its first label.
        return labels.suffix(count - 1).joined(separator: ".")
      }
      if rules.contains(candidate) { best = max(best, count) }
      if count < labels.count, wildcards.contains(candidate) { best = max(best, count + 1) }
    }
    return labels.suffix(best).joined(separator: ".")
  }

  /// The registrable domain (`bbc.co.uk`), or `nil` when the host is itself a public
  /// suffix (`co.uk`).
  public func registrableDomain(of host: String) -> String? {
    let labels = host.split(separator: ".")
    let suffixLabels = publicSuffix(of: host).split(separator: ".").count
    guard labels.count > suffixLabels else { return nil }
    return labels.suffix(suffixLabels + 1).joined(separator: ".")
  }
}
