import Foundation
import Testing

@testable import SaferCore

/// Random texts made of the characters YAML and GIFT treat specially, through each writer
/// and back through the matching reader: what comes back is what went in.
@Suite struct RandomTextRoundTripTests {
  /// The same texts on every run (a failure names its seed).
  static func texts(seed: UInt64, alphabet: [String], count: Int = 60) -> [String] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
      (0..<Int.random(in: 1...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
    }
  }

  static let yamlAlphabet = [
    "a", "Z", "7", " ", "  ", "\n", "\n\n", "\t", ":", ": ", "#", " #", "-", "- ", "?", "'", "\"", "\\", "|", ">", "{",
    "}", "[", "]", ",", "&", "*", "!", "%", "@", "`", "~", "é", "🙂", "\u{85}", "\u{2028}", "\u{7}", "true", "0x1", ".5",
  ]

  @Test(arguments: Array(1...20) as [UInt64])
  func yamlKeepsEveryText(seed: UInt64) throws {
    // Blank prompts are refused by the lesson format itself.
    let texts = Self.texts(seed: seed, alphabet: Self.yamlAlphabet).filter {
      !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
    let questions = texts.enumerated().map { index, text in
      Question(
        id: "q\(index)", kind: .single([Choice(text: text, isCorrect: true, feedback: text), Choice(text: "other")]),
        prompt: text, hints: [text], explanation: text)
    }
    let bank = ExportSupport.bank(questions)
    let yaml = YAMLWriter.write(bank)
    let reread = try #require(ExportSupport.load(yaml: yaml).0, "seed \(seed)")
    #expect(reread.steps.count == bank.steps.count, "seed \(seed)")
    for (after, before) in zip(ExportSupport.placeless(reread.steps), ExportSupport.placeless(bank.steps)) {
      #expect(after == before, "seed \(seed)")
    }
  }

  /// GIFT's special characters and what could look like syntax; no markup, line breaks or
  /// HTML, which Moodle formats (those are covered by the corpus round trip).
  static let giftAlphabet = [
    "a", "Z", "7", " ", "~", "=", "#", "####", "{", "}", ":", "::", "\\", "\\n", "%", "%50%", "-", "->", "[", "]",
    "$CATEGORY:", "//", "T", "é", ".", "..",
  ]

  @Test(arguments: Array(1...20) as [UInt64])
  func giftKeepsEveryText(seed: UInt64) throws {
    let texts = Self.texts(seed: seed, alphabet: Self.giftAlphabet).map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    let questions = texts.enumerated().map { index, text in
      Question(
        id: "q\(index)",
        kind: .single([Choice(text: text, isCorrect: true, feedback: text), Choice(text: "x \(text)", feedback: "y")]),
        prompt: "Q " + text, explanation: text)
    }
    let (gift, warnings) = GIFTWriter.write(ExportSupport.bank(questions))
    #expect(warnings.isEmpty)
    let (reread, problems) = GIFTParser.parse(text: gift, file: "random.gift", contentVersion: "")
    #expect(problems.filter { $0.severity == .error }.map(\.description) == [], "seed \(seed)")
    let back = try #require(reread).questions
    #expect(back.count == questions.count)
    // A text written with entities is HTML to Moodle, which shows a run of spaces as one.
    func shown(_ text: String?) -> String? { text?.replacing(/\ +/, with: " ") }
    for (before, after) in zip(questions, back) {
      #expect(shown(after.prompt) == shown(before.prompt), "seed \(seed)")
      #expect(shown(after.explanation) == shown(before.explanation), "seed \(seed)")
      #expect(after.choices.map { shown($0.text) } == before.choices.map { shown($0.text) }, "seed \(seed)")
      #expect(after.choices.map { shown($0.feedback) } == before.choices.map { shown($0.feedback) }, "seed \(seed)")
    }
  }

  /// Lesson markup and what Markdown alone reads: headings, `_`, links, quotes, numbered
  /// items, rules, backslashes and code spans, over several lines.
  static let markdownAlphabet = [
    "a", "Z", "7", " ", "\n", "\n\n", "\n- ", "\n* ", "\n+ ", "\n#", "\n# ", "#", "_", "__", "_____", "[", "](", ")",
    "\\", "`", "*", "**", "\n1. ", "1.", "\n> ", "\n---", "\n===", "=", "!", "é", ":", "~", "{", "}", "%",
  ]

  /// A text as the GIFT reader gives it: lines trimmed, a list after a blank line.
  static func asRead(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    return GIFTTextFormat.listsAfterBlankLines(lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
  }

  @Test(arguments: Array(1...20) as [UInt64])
  func markdownKeepsEveryText(seed: UInt64) throws {
    let texts = Self.texts(seed: seed, alphabet: Self.markdownAlphabet).map(Self.asRead).filter { !$0.isEmpty }
    let questions = texts.enumerated().map { index, text in
      Question(
        id: "q\(index)",
        kind: .single([Choice(text: text, isCorrect: true, feedback: text), Choice(text: "x \(text)", feedback: "y")]),
        prompt: Self.asRead("Read *this*:\n" + text), explanation: text)
    }
    let (gift, warnings) = GIFTWriter.write(ExportSupport.bank(questions))
    #expect(warnings.isEmpty)
    let (reread, problems) = GIFTParser.parse(text: gift, file: "random.gift", contentVersion: "")
    #expect(problems.filter { $0.severity == .error }.map(\.description) == [], "seed \(seed)")
    let back = try #require(reread).questions
    #expect(back.count == questions.count)
    for (before, after) in zip(questions, back) {
      #expect(after.prompt == before.prompt, "seed \(seed)")
      #expect(after.explanation == before.explanation, "seed \(seed)")
      #expect(after.choices == before.choices, "seed \(seed)")
    }
  }
}
