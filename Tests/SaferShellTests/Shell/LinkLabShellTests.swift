import Foundation
import SaferCore
import SaferShell
import Testing

/// `lab link` in the shell: the same parts and tricks as `safer link`.
@Suite("The link lab in the shell")
struct LinkLabShellTests {
  @Test func aLinkIsTakenApartInTheShell() throws {
    let text = Fixtures.transcript(
      ["lab link https://starquest.com.gem-gift.net/claim", "lab link", "lab"], library: try Fixtures.library())
    #expect(text.contains("website   gem-gift.net  ← who you are really visiting"), "\(text)")
    #expect(text.contains("✗ Probably fake."))
    #expect(text.contains("Paste or type a link after `lab link`"))
    #expect(text.contains("and `lab link"))
  }
}
