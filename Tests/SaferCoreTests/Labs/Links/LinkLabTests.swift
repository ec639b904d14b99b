import Foundation
import Testing

@testable import SaferCore

/// `lab link`: links taken apart as a browser reads them, and the tricks used on children.
@Suite("The link lab")
struct LinkLabTests {
  static func check(_ link: String) throws -> LinkCheck { LinkCheck(try LinkAnatomy(link)) }

  static func codes(_ link: String) throws -> Set<LinkCheck.Flag.Code> { Set(try check(link).flags.map(\.code)) }

  @Test func aLinkIsTakenApart() throws {
    let link = try LinkAnatomy("https://user:pw@login.secure.bbc.co.uk:8443/path/page?q=1#top")
    #expect(link.scheme == "https")
    #expect(link.userInfo == "user:pw")
    #expect(link.host == "login.secure.bbc.co.uk")
    #expect(link.port == 8443)
    #expect(link.publicSuffix == "co.uk")
    #expect(link.registrableDomain == "bbc.co.uk")
    #expect(link.subdomain == "login.secure")
    #expect(link.path == "/path/page" && link.query == "q=1" && link.fragment == "top")
    let bare = try LinkAnatomy("roblox.com/games")
    #expect(bare.scheme == nil && bare.registrableDomain == "roblox.com" && bare.path == "/games")
  }

  @Test(arguments: [
    ("www.bbc.co.uk", "bbc.co.uk"), ("ana.github.io", "ana.github.io"), ("a.b.example.com", "example.com"),
    ("foo.bar.ck", "foo.bar.ck"), ("www.ck", "www.ck"), ("city.kawasaki.jp", "city.kawasaki.jp"),
  ])
  func theRegistrableDomainFollowsThePublicSuffixList(_ host: String, _ registrable: String) {
    #expect(PublicSuffixList.shared.registrableDomain(of: host) == registrable)
  }

  @Test func punycodeDecodes() {
    #expect(Punycode.decodeLabel("xn--pypal-4ve") == "pаypal")
    #expect(Punycode.decodeLabel("xn--mnchen-3ya") == "münchen")
    #expect(Punycode.decodeLabel("example") == "example")
    #expect(Punycode.decode("!!") == nil)
  }

  @Test(arguments: [
    ("https://www.roblox.com/games", [LinkCheck.Flag.Code]()),
    ("https://www.google.com@evil.example.net/login", [.atSignDecoy]),
    ("http://192.168.4.20/roblox/login", [.ipAddress, .httpLogin]),
    ("https://xn--pypal-4ve.com/signin", [.punycode, .mixedScripts, .lookalike]),
    ("https://paypa1.com/account", [.lookalike]),
    ("https://rnicrosoft.com", [.lookalike]),
    ("https://robiox.com", [.typosquat]),
    ("https://paypal.com.account-check.net/verify", [.brandInSubdomain]),
    ("https://roblox-freerobux.com", [.brandInDomain]),
    ("https://bit.ly/3xYz", [.shortener]),
    ("https://starquest.com.gem-gift.net/claim", [.domainInFront]),
    ("http://example.org/news", [.notHTTPS]),
    ("https://a.b.c.d.e.example.com", [.manySubdomains]),
    ("javascript:alert(1)", [.dangerousScheme]),
  ])
  func tricksAreFound(_ link: String, _ expected: [LinkCheck.Flag.Code]) throws {
    #expect(try Self.codes(link) == Set(expected), "\(link)")
  }

  @Test func realNamesThatContainABrandAreNotAccused() throws {
    for link in ["https://www.applebees.com", "https://pineapple-recipes.org/apple-pie", "https://www.bbc.co.uk/news"] {
      let found = try Self.codes(link)
      #expect(found.isEmpty, "\(link): \(found)")
    }
  }

  @Test func theVerdictFollowsTheWorstTrick() throws {
    #expect(try Self.check("https://paypa1.com").verdict == .probablyFake)
    #expect(try Self.check("https://bit.ly/x").verdict == .beCareful)
    #expect(try Self.check("https://www.wikipedia.org").verdict == .looksFine)
    #expect(throws: LinkAnatomy.Problem.self) { try LinkAnatomy("   ") }
    #expect(throws: LinkAnatomy.Problem.self) { try LinkAnatomy(String(repeating: "a", count: 3_000)) }
  }

  @Test func theJSONHasThePartsTheFlagsAndTheVerdict() throws {
    let object = try #require(
      try JSONSerialization.jsonObject(with: try Self.check("https://www.google.com@evil.example.net/x").json())
        as? [String: Any])
    #expect(object["registrableDomain"] as? String == "example.net")
    #expect(object["userInfo"] as? String == "www.google.com")
    #expect(object["verdict"] as? String == "probably-fake")
    #expect((object["flags"] as? [[String: Any]])?.first?["code"] as? String == "at-sign-decoy")
  }
}
