import Testing

@testable import SaferCore

/// Titles, comments, categories, escapes, ids, text formats, line endings and the bank.
@Suite("GIFT file structure")
struct GIFTStructureTests {
  static let files: [ExpectedBank] = [
    ExpectedBank("structure.gift") { make in
      let sid = "$course$/top/Safer Internet Day"
      return [
        make.question(
          "escapes",
          .single([
            Choice(text: "{ and }", isCorrect: true, feedback: "Both braces need a backslash."),
            Choice(text: "~ tilde", feedback: "That escapes a tilde: not a brace."),
            Choice(text: "a = b", feedback: "An equals sign, escaped."),
            Choice(text: #"100\% sure"#),  // not a GIFT escape: kept as written
          ]), "Which of these writes a brace in GIFT?", line: 6, title: "Escapes", category: sid),
        make.question(
          "line-breaks", .trueFalse(answer: true), "First line\nsecond line, and a backslash \\ here.", line: 14,
          title: "Line breaks", category: sid),
        make.question(
          "same-title", .trueFalse(answer: true), "One // is not a comment here.", line: 17, title: "Same title",
          category: sid),
        make.question("same-title-2", .trueFalse(answer: false), "Two.", line: 19, title: "Same title", category: sid),
        make.question(
          "q5", .trueFalse(answer: true), "Untitled questions are numbered by their place among the file's questions.",
          line: 23, column: 4, category: "Privacy"),
      ]
    },
    ExpectedBank(
      "formats.gift",
      diagnostics: [
        "20:1: warning: `[htm]` is not a text format (did you mean `[html]`?): Moodle would show it as part of the text"
      ]
    ) { make in
      [
        make.question("plain", .trueFalse(answer: true), "Is <b>this</b> bold?", line: 3, title: "Plain"),
        make.question(
          "markdown", .trueFalse(answer: false),
          "**Before you click**\n\nIs your bank (https://bank.example.evil.io) really your bank?\n\n- look at the address\n"
            + "- look for typos", line: 5, title: "Markdown"),
        make.question(
          "html",
          .single([
            Choice(text: "bank.example", isCorrect: true, feedback: "Yes – the last part before the path counts."),
            Choice(text: "evil.io", feedback: "No."),
          ]),
          "Which link really goes to your bank (https://bank.example)?\n\n- `bank.example.evil.io`\n- bank&example",
          line: 10, title: "HTML", explanation: "Read <b>addresses</b> from the right."),
        make.question(
          "moodle-format", .trueFalse(answer: true),
          "This line\nand this one are on two lines, with *emphasis* and <tags> as text.", line: 17,
          title: "Moodle format"),
        make.question(
          "typo-format", .trueFalse(answer: true), "[htm]Is this shown with its brackets?", line: 20,
          title: "Typo format"),
      ]
    },
    ExpectedBank("windows-bom.gift") { make in
      [
        make.question(
          "first", .trueFalse(answer: true), "Is this file saved with Windows line endings?", line: 1, title: "First"),
        make.question(
          "second", .trueFalse(answer: false), "Does a mark at the start change anything?", line: 3, title: "Second",
          wrong: "It is left out."),
      ]
    },
  ]

  @Test(arguments: files)
  func corpusFile(_ expected: ExpectedBank) throws {
    try GIFTCorpus.check(expected)
  }

  @Test func theBankIsNamedAfterItsFile() throws {
    let (lesson, _) = GIFTParser.parse(text: "Q {T}", file: "/banks/Year 8 Passwörter.gift", contentVersion: "abc")
    let bank = try #require(lesson)
    #expect(bank.id == "year-8-passworter")
    #expect(bank.title == "Year 8 Passwörter")
    #expect(bank.topic == Lesson.bankTopic)
    #expect(bank.level == "")
    #expect(bank.isBank)
    #expect(bank.sources.isEmpty && bank.objectives.isEmpty)
    #expect(bank.file == "/banks/Year 8 Passwörter.gift")
    #expect(bank.contentVersion == "abc")
  }

  @Test(arguments: ["A {T}\n\nB {F}\n", "A {T}\r\n\r\nB {F}\r\n", "A {T}\r\rB {F}\r", "\u{FEFF}A {T}\n \t \nB {F}"])
  func lineEndings(_ text: String) throws {
    let (lesson, diagnostics) = GIFTParser.parse(text: text, file: "e.gift", contentVersion: "")
    #expect(diagnostics.isEmpty)
    let questions = try #require(lesson).questions
    #expect(questions.map(\.prompt) == ["A", "B"])
    #expect(questions.map { $0.location?.line } == [1, 3])
    #expect(questions.map { $0.location?.column } == [1, 1])
  }

  @Test func numbersCountQuestionsLeftOut() throws {
    let text = "First {T}\n\nNot a question, a description.\n\nBroken {\n\nFourth {F}\n"
    let (lesson, diagnostics) = GIFTParser.parse(text: text, file: "n.gift", contentVersion: "")
    #expect(try #require(lesson).steps.map(\.id) == ["q1", nil, "q3"])
    #expect(diagnostics.count == 1)
  }

  @Test func titlesThatMakeNoIdFallBackToNumbers() throws {
    let text = "::?!::A {T}\n\n::End::B {T}\n\n::::C {T}\n"
    let (lesson, _) = GIFTParser.parse(text: text, file: "n.gift", contentVersion: "")
    let questions = try #require(lesson).questions
    #expect(questions.map(\.id) == ["q1", "end-2", "q3"])
    #expect(questions.map(\.title) == ["?!", "End", nil])
  }

  @Test func repeatedLongTitlesKeepIdsValid() throws {
    let title = String(repeating: "long title ", count: 8)
    let text = String(repeating: "::\(title)::Q {T}\n\n", count: 1_001)
    let ids = try #require(GIFTParser.parse(text: text, file: "n.gift", contentVersion: "").0).questions.map(\.id)
    #expect(Set(ids).count == 1_001)
    #expect(ids.allSatisfy(IdentifierRules.isValid))
    #expect(ids.last?.hasSuffix("-1001") == true)
  }

  @Test func titlesLoseTheirTags() throws {
    let (lesson, _) = GIFTParser.parse(text: "::<b>Bold</b> &amp; bright::A {T}", file: "t.gift", contentVersion: "")
    #expect(try #require(lesson).questions.first?.title == "Bold & bright")
  }

  @Test(arguments: ["", "\n\n", "// only a comment\n// and another\n", "\u{FEFF}"])
  func nothingUsable(_ text: String) {
    let (lesson, diagnostics) = GIFTParser.parse(text: text, file: "x.gift", contentVersion: "")
    #expect(lesson == nil)
    #expect(
      GIFTCorpus.lines(diagnostics) == [
        "1:1: error: no GIFT questions in this file: a question is text with an answer block, like `Is it safe? {F}`"
      ])
  }

  @Test func descriptionsAloneAreNoBank() {
    let (lesson, diagnostics) = GIFTParser.parse(text: "Just some text.\n\nAnd more.", file: "x.gift", contentVersion: "")
    #expect(lesson == nil)
    #expect(diagnostics.count == 1)
  }

  @Test func categoriesApplyUntilTheNext() throws {
    let text = "Q1 {T}\n\n$CATEGORY: a/b\n\nQ2 {T}\n\n$CATEGORY:\n\nQ3 {T}\n"
    let (lesson, _) = GIFTParser.parse(text: text, file: "c.gift", contentVersion: "")
    #expect(try #require(lesson).questions.map(\.category) == [nil, "a/b", nil])
  }
}
