/// What `lab link` says about a link: the tricks used on children, each with why it
/// matters, and a verdict.
public struct LinkCheck: Hashable, Sendable {
  public enum Severity: String, Codable, Sendable, Comparable {
    case info, caution, danger

    private var order: Int {
      switch self {
      case .info: 0
      case .caution: 1
      case .danger: 2
      }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.order < rhs.order }
  }

  public struct Flag: Hashable, Sendable {
    public enum Code: String, Codable, Sendable {
      case atSignDecoy = "at-sign-decoy"
      case ipAddress = "ip-address"
      case punycode
      case mixedScripts = "mixed-scripts"
      case lookalike
      case typosquat
      case brandInSubdomain = "brand-in-subdomain"
      case brandInDomain = "brand-in-domain"
      case brandInPath = "brand-in-path"
      case domainInFront = "domain-in-front"
      case shortener
      case httpLogin = "http-login"
      case notHTTPS = "not-https"
      case dangerousScheme = "dangerous-scheme"
      case manySubdomains = "many-subdomains"
      case unusualPort = "unusual-port"
    }

    public var code: Code
    public var severity: Severity
    public var message: String
  }

  public enum Verdict: String, Codable, Sendable {
    case looksFine = "looks-fine"
    case beCareful = "be-careful"
    case probablyFake = "probably-fake"
  }

  public var anatomy: LinkAnatomy
  public var flags: [Flag]

  public var verdict: Verdict {
    switch flags.map(\.severity).max() {
    case .danger?: .probablyFake
    case .caution?: .beCareful
    default: .looksFine
    }
  }

  public init(_ anatomy: LinkAnatomy) {
    self.anatomy = anatomy
    flags = Self.flags(for: anatomy)
  }

  /// Words on a page that asks for a password or money.
  static let loginWords = [
    "login", "log-in", "signin", "sign-in", "password", "account", "verify", "secure", "wallet", "payment",
  ]

  static func flags(for link: LinkAnatomy) -> [Flag] {
    var flags: [Flag] = []
    func add(_ code: Flag.Code, _ severity: Severity, _ message: String) {
      flags.append(Flag(code: code, severity: severity, message: message))
    }
    let scheme = link.scheme ?? "https"
    if ["javascript", "data", "vbscript", "file"].contains(scheme) {
      add(.dangerousScheme, .danger, "A `\(scheme):` link runs or opens something on your device instead of a web page.")
    }
    let site = link.registrableDomain ?? link.hostUnicode
    if let userInfo = link.userInfo, !userInfo.isEmpty {
      add(
        .atSignDecoy, .danger,
        "Everything before the @ is ignored: “\(userInfo.prefix(60))” is only decoration. This link really goes to \(link.hostUnicode)."
      )
    }
    if link.isIPAddress {
      add(.ipAddress, .caution, "The website is a number (\(link.host)), not a name. Real shops, games and banks use names.")
    }
    let labels = link.host.split(separator: ".").map(String.init)
    if labels.contains(where: { $0.hasPrefix("xn--") }) {
      add(.punycode, .caution, "Part of the name is written in code (xn--…): it really reads “\(link.hostUnicode)”.")
    }
    if let mixed = link.hostUnicode.split(separator: ".").first(where: { Homoglyphs.mixesScripts(String($0)) }) {
      add(
        .mixedScripts, .danger,
        "“\(mixed)” mixes letters from different alphabets, so it can look like a name it is not.")
    }
    let registrableLabel = site.split(separator: ".").first.map(String.init) ?? site
    var brandFlagged = false
    if !link.isIPAddress, let brand = Brands.owner(of: site) == nil ? Brands.imitated(by: registrableLabel) : nil {
      brandFlagged = true
      let folded = Homoglyphs.fold(registrableLabel)
      if folded == brand.key {
        add(
          .lookalike, .danger,
          "“\(site)” is made to look like \(brand.name) by swapping letters, but \(brand.name) is \(brand.domains[0]).")
      } else {
        add(
          .typosquat, .danger,
          "“\(site)” is one or two letters away from \(brand.name) (\(brand.domains[0])): a typing mistake someone registered to catch you."
        )
      }
    }
    if !link.isIPAddress, Brands.owner(of: site) == nil, !brandFlagged {
      if let subdomain = link.subdomain, let brand = Brands.mentioned(in: subdomain) {
        brandFlagged = true
        add(
          .brandInSubdomain, .danger,
          "\(brand.name) appears at the start, but the website is \(site): the real one is \(brand.domains[0]).")
      } else if let brand = Brands.mentioned(in: registrableLabel) {
        brandFlagged = true
        add(.brandInDomain, .danger, "“\(site)” contains \(brand.name)'s name but is not \(brand.name)'s (\(brand.domains[0])).")
      } else if let brand = Brands.mentioned(in: link.path + " " + (link.query ?? "")),
        loginWords.contains(where: { (link.path + "?" + (link.query ?? "")).lowercased().contains($0) })
      {
        add(
          .brandInPath, .caution,
          "\(brand.name) is named after the website's name, which is \(site): the part after the first / can say anything.")
      }
    }
    // `starquest.com.gem-gift.net`: a whole website name in front of another, whatever
    // the brand (the lessons' StarQuest is one no list knows).
    if !brandFlagged, let subdomain = link.subdomain {
      let labels = subdomain.split(separator: ".")
      if labels.count >= 2, let last = labels.last, PublicSuffixList.shared.isListedSuffix(String(last)) {
        add(
          .domainInFront, .danger,
          "“\(subdomain)” in front looks like a website's name, but the website is \(site): the front part is a disguise.")
      }
    }
    if Brands.shorteners.contains(site) {
      add(
        .shortener, .caution, "\(site) is a link shortener: it hides where the link really goes. Ask an adult before opening it.")
    }
    let rest = (link.path + "?" + (link.query ?? "")).lowercased()
    if scheme == "http" {
      if loginWords.contains(where: { rest.contains($0) })
        || link.subdomain.map({ sub in loginWords.contains { sub.contains($0) } }) == true
      {
        add(
          .httpLogin, .danger,
          "This page seems to ask you to log in, but it is not https: what you type could be read on the way.")
      } else {
        add(.notHTTPS, .info, "It is http, not https: the connection is not private. Never type a password on such a page.")
      }
    }
    if let subdomain = link.subdomain, subdomain.split(separator: ".").count >= 4 {
      add(
        .manySubdomains, .caution, "The name has many parts before \(site): a trick to push the real website's name out of sight."
      )
    }
    if let port = link.port, ![80, 443].contains(port) {
      add(.unusualPort, .caution, "It names a port (:\(port)): ordinary websites do not need one.")
    }
    return flags
  }
}
