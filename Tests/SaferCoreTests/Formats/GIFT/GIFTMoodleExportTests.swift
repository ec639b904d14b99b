import Testing

@testable import SaferCore

/// `moodle-export.gift`: what Moodle's own export and other tools write, read as Moodle
/// reads it — a description's title, untitled questions, part marks for a `*` wildcard and
/// a catch-all, Markdown escapes, and more answers than there are letters.
@Suite struct GIFTMoodleExportTests {
  static let bank = ExpectedBank("moodle-export.gift") { make in
    var phishing = make.question(
      "q2",
      .text(
        .gift([
          .init(text: "phishing", feedback: "Right."),
          .init(text: "phish", weight: 50, feedback: "Nearly: the word is phishing.", pattern: ".*phish.*"),
          .init(text: "", weight: 10, feedback: "Keep trying: it starts with \"ph\".", pattern: ".*"),
        ])), "Name the trick in a fake log-in page.", line: 14)
    if case .question(var question) = phishing.content {
      question.idNumber = "SAFE-7"
      question.tags = ["phishing", "links"]
      phishing.content = .question(question)
    }
    let many = (1...26).map { Choice(text: "a\($0)") } + [Choice(text: "correct horse battery staple", isCorrect: true)]
    return [
      make.explain(
        "Read each question *carefully*.\nThe questions have no titles.", line: 4, title: "About this bank"),
      make.question(
        "q1",
        .single([
          Choice(text: "That the website is safe"), Choice(text: "That the connection is encrypted", isCorrect: true),
          Choice(text: "That the company is real"),
        ]), "What does a padlock in the address bar prove?", line: 7),
      phishing,
      make.question(
        "q3",
        .single([
          Choice(text: "true", isCorrect: true, feedback: "#1 is not a heading here; it is written escaped."),
          Choice(text: "false", feedback: "**Not** strong, and a _blank_ stays."),
        ]), "A hashtag at the start of a line:", line: 20),
      make.question(
        "q4", .single([Choice(text: "gap", isCorrect: true), Choice(text: "hole")]),
        "Fill the _____ in the list:\n\n- first\n- second", line: 25),
      make.question("q5", .single(many), "Choose the strongest of many.", line: 27),
    ]
  }

  @Test func readsAsMoodleReadsIt() throws {
    try GIFTCorpus.check(Self.bank)
  }

  @Test func partMarksForAWildcardAndForAnyAnswer() throws {
    let question = try #require(GIFTCorpus.parse("moodle-export.gift").lesson?.questions.first { $0.id == "q2" })
    func credit(_ response: String) throws -> Double {
      try Grader.grade(response, to: question, hintsUsed: 0, seconds: 1, timeLimit: nil).credit
    }
    #expect(try credit("Phishing") == 1)
    #expect(try credit("spear-phish") == 0.5)
    #expect(try credit("fishing") == 0.1)
  }

  @Test func untitledQuestionsAndTheDescriptionKeepTheirNamesOnExport() throws {
    let lesson = try #require(GIFTCorpus.parse("moodle-export.gift").lesson)
    let (gift, warnings) = GIFTWriter.write(lesson)
    #expect(warnings.isEmpty)
    #expect(gift.hasPrefix("::About this bank::[markdown]Read each question"))
    #expect(!gift.contains("::q1::") && !gift.contains("::q2::"))
    #expect(gift.contains("// [id:SAFE-7] [tag:phishing] [tag:links]\nName the trick"))
    #expect(gift.contains("=%50%*phish*#Nearly") && gift.contains("=%10%*#Keep trying"))
  }

  @Test func moreChoicesThanLettersAreNumbered() throws {
    let question = try #require(GIFTCorpus.parse("moodle-export.gift").lesson?.questions.last)
    #expect(question.choices.count == 27)
    #expect(Grader.label(26, of: 27) == "27")
    #expect(try Grader.grade("27", to: question, hintsUsed: 0, seconds: 1, timeLimit: nil).isCorrect)
    #expect(throws: ResponseProblem.notAChoice("b", letters: "1 to 27")) {
      try Grader.grade("b", to: question, hintsUsed: 0, seconds: 1, timeLimit: nil)
    }
    #expect(Grader.rightAnswer(of: question) == "27) correct horse battery staple")
  }
}
