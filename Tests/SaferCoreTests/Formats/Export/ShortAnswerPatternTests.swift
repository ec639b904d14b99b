import Testing

@testable import SaferCore

/// Which `pattern`s become Moodle short answers, and which are reported instead.
@Suite struct ShortAnswerPatternTests {
  static let expressible: [(String, [String])] = [
    ("passphrase", ["passphrase"]),
    ("^pass ?phrase$", ["pass phrase", "passphrase"]),
    (
      "(https?://)?free\\.top/?",
      [
        "https://free.top/", "https://free.top", "http://free.top/", "http://free.top", "free.top/", "free.top",
      ]
    ),
    ("colou?r|(?:hue)", ["colour", "color", "hue"]),
    ("[sz]ign", ["sign", "zign"]),
    (".*phish.*", ["*phish*"]),
    ("a\\*b", ["a\\*b"]),
  ]

  @Test(arguments: expressible)
  func expressiblePatternsBecomeAnswers(pattern: String, answers: [String]) throws {
    let found = try #require(ShortAnswerPattern.answers(for: pattern))
    let written = found.map { pieces in
      pieces.map { piece in
        switch piece {
        case .literal(let text): text.replacingOccurrences(of: "*", with: "\\*")
        case .anything: "*"
        }
      }.joined()
    }
    #expect(written == answers)
  }

  @Test(arguments: ["\\d+", "a+", "\\S*", "a{2}", "[^a]", ".", "(a|b", "[ab", "(?i)a", "(a|b|c|d|e)(f|g|h|i|j)"])
  func otherPatternsHaveNoMoodleForm(pattern: String) {
    #expect(ShortAnswerPattern.answers(for: pattern) == nil)
  }

  @Test func wildcardsMatchAsMoodleDoes() {
    #expect(ShortAnswerPattern.matches([.anything, .literal("Phish"), .anything], "a phishing mail"))
    #expect(ShortAnswerPattern.matches([.literal("a"), .anything, .literal("b")], "AB"))
    #expect(!ShortAnswerPattern.matches([.literal("a"), .anything, .literal("b")], "abc"))
  }
}
