import Foundation
import Testing

@testable import SaferCore

/// Moodle 4 keeps a question's ID number and tags in its GIFT comment lines; they survive
/// a round trip through the model.
@Suite("GIFT ID numbers and tags")
struct GIFTMetadataTests {
  @Test func idNumberAndTagsAreKeptAndWrittenBack() throws {
    let text = """
      // question: 12  name: Padlock
      // [id:SAFE-1] [tag:phishing] [tag: web ] [id:ignored] [tag:a\\]b]
      ::Padlock::What does a padlock prove?{=encryption ~honesty}
      """
    let (bank, problems) = GIFTParser.parse(text: text, file: "b.gift", contentVersion: "v")
    #expect(problems.isEmpty)
    let question = try #require(bank?.questions.first)
    #expect(question.idNumber == "SAFE-1")
    #expect(question.tags == ["phishing", "web", "a]b"])
    #expect(question.prompt == "What does a padlock prove?", "nothing of them is left in the text")
    let written = GIFTWriter.write(try #require(bank)).text
    #expect(written.hasPrefix("// [id:SAFE-1] [tag:phishing] [tag:web] [tag:a\\]b]\n::Padlock::"))
    let again = try #require(GIFTParser.parse(text: written, file: "b.gift", contentVersion: "v").0?.questions.first)
    #expect(again.idNumber == question.idNumber && again.tags == question.tags)
  }
}
