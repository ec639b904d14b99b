import Foundation
import Testing

@testable import SaferCore

@Suite("GIFT [markdown] text")
struct GIFTMarkdownTests {
  /// A missing-word blank is not Markdown's strong emphasis.
  @Test func aBlankStaysABlankAndStrongIsStrong() throws {
    let text = "::Blank::[markdown]A strong password is _____ characters long, __really__ long.{=long ~short}\n"
    let question = try #require(GIFTParser.parse(text: text, file: "b.gift", contentVersion: "v").0?.questions.first)
    #expect(question.prompt == "A strong password is _____ characters long, **really** long.")
  }
}
