import Foundation
import Testing

@testable import SaferCore

/// Inputs that once broke a promise of the GIFT parser under the fuzzer (docs/fuzzing.md),
/// kept so `swift test` guards them.
@Suite("GIFT fuzzing regressions")
struct GIFTFuzzRegressionTests {
  struct Input: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var testDescription: String { name }
  }

  static let inputs: [Input] = [
    // A combining mark after `%` made the wildcard's pattern one Swift's Regex refuses as
    // "confusable", so the answer silently accepted nothing.
    Input(name: "combining mark after punctuation in a wildcard answer", text: "Q {=%\u{737}i0a0%;*}"),
    Input(name: "combining mark after a space in a wildcard answer", text: "Q {=a \u{301}*}"),
    Input(name: "combining mark at the start of a wildcard's second part", text: "Q {=*\u{301}x}"),
  ]

  @Test(arguments: inputs)
  func keepsItsPromises(_ input: Input) throws {
    let (lesson, diagnostics) = GIFTParser.parse(text: input.text, file: "fuzz.gift", contentVersion: "")
    #expect(diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
    for question in try #require(lesson).questions {
      if case .text(let answer) = question.kind, let pattern = answer.pattern {
        #expect((try? Regex(pattern)) != nil, "\(pattern)")
      }
      _ = Grader.rightAnswer(of: question)
    }
  }

  @Test func wildcardWithCombiningMarksMatches() throws {
    let question = try #require(
      GIFTParser.parse(text: "Q {=caf\u{65}\u{301}*}", file: "f.gift", contentVersion: "").0?.questions.first)
    #expect(try Grader.grade("caf\u{E9} au lait", to: question).isCorrect)
  }
}
