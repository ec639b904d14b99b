import Testing

@testable import SaferShell

@Suite struct ShellWordsTests {
  @Test(arguments: [
    ("quiz My\\ Quiz.gift --count 2", ["quiz", "My Quiz.gift", "--count", "2"]),
    ("quiz \"My Quiz.gift\"", ["quiz", "My Quiz.gift"]),
    ("quiz 'a\\b c'", ["quiz", "a\\b c"]),
    ("  a   b  ", ["a", "b"]),
    ("say \"a \\\"b\\\" c\"", ["say", "a \"b\" c"]),
    ("empty \"\" word", ["empty", "", "word"]),
    ("tab\there", ["tab", "here"]),
  ])
  func splitsAsAShellDoes(line: String, words: [String]) throws {
    #expect(try ShellWords.split(line) == words)
  }

  @Test func anUnclosedQuoteIsAProblem() {
    #expect(throws: ShellWords.Problem.unclosedQuote("\"")) { try ShellWords.split("quiz \"My Quiz") }
  }

  @Test func escapedWordsSplitBackWhole() throws {
    for word in ["My Quiz.gift", "it's", "a\\b", "\"quoted\"", "plain"] {
      #expect(try ShellWords.split("quiz " + ShellWords.escape(word)) == ["quiz", word])
    }
  }

  @Test func thePartialLastWordIsWhatTabCompletes() {
    let line = "quiz my\\ banks/Cl"
    let (text, start) = ShellWords.partialLastWord(line)
    #expect(text == "my banks/Cl")
    #expect(line[start...] == "my\\ banks/Cl")
    #expect(ShellWords.partialLastWord("quiz \"my ba").text == "my ba")
    #expect(ShellWords.partialLastWord("quiz ").text == "")
  }
}
