import Testing

@testable import SaferCore

/// Matching, numerical, essay and description, as Moodle reads them.
@Suite("GIFT matching, numerical, essay and description")
struct GIFTOtherKindsTests {
  static let files: [ExpectedBank] = [
    // The distractor (`= -> show you adverts`) is kept, as Moodle keeps it: offered among
    // the answers, matching nothing.
    ExpectedBank("matching.gift") { make in
      [
        make.question(
          "match-threats",
          .matching([
            .init(left: "Phishing", right: "steal your password"),
            .init(left: "Ransomware", right: "lock your files for money"),
            .init(left: "Spyware", right: "watch what you do"),
            .init(left: "", right: "show you adverts"),
          ]), "Match each threat with what it tries to do.", line: 3, title: "Match threats"),
        // The question's `[html]` is the default for its answers' left sides.
        make.question(
          "match-terms",
          .matching([
            .init(left: "*VPN*", right: "hides your traffic from the local network"),
            .init(left: "*HTTPS*", right: "encrypts the page on its way"),
          ]), "Match each **term**:", line: 10, title: "Match terms"),
      ]
    },
    ExpectedBank("numerical.gift") { make in
      [
        make.question(
          "pi", .number(.init(options: [.init(value: 3.14, tolerance: 0.005)])), "What is pi to two decimal places?",
          line: 3, title: "Pi"),
        make.question(
          "age", .number(.init(options: [.init(minimum: 13, maximum: 16)])),
          "From what age can you open an account on most social networks?", line: 5, title: "Age"),
        // Several weighted answers with feedback; `~#…` is for any other number.
        make.question(
          "digits",
          .number(
            .init(options: [
              .init(value: 6, tolerance: 0, feedback: "Six or more."),
              .init(value: 4, tolerance: 0, weight: 50, feedback: "Four is the usual minimum, but six is safer."),
            ])), "How many digits should a phone PIN have at least?", line: 7, title: "Digits",
          wrong: "Count the digits again."),
        make.question(
          "q4", .number(answer: 112), "The emergency number in the EU is _____ from any phone.", line: 13),
      ]
    },
    ExpectedBank("essay-description.gift") { make in
      [
        make.explain("Before you answer: a *strong* password is long, and you never reuse it.", line: 3),
        make.question(
          "your-plan", .essay, "Describe how you would help a friend whose account was stolen.", line: 5,
          title: "Your plan"),
        make.question(
          "reflect", .essay, "What will you change about your passwords this week?", line: 7, title: "Reflect",
          explanation: "A good answer names one concrete step."),
      ]
    },
  ]

  @Test(arguments: files)
  func corpusFile(_ expected: ExpectedBank) throws {
    try GIFTCorpus.check(expected)
  }

  /// Numbers as PHP's `is_numeric` reads them, which is what Moodle checks.
  @Test(arguments: [
    ("{#-5}", -5.0...(-5.0)), ("{#+2.5:0.5}", 2.0...3.0), ("{#1e3}", 1000...1000), ("{#.5}", 0.5...0.5),
    ("{#7.}", 7...7), ("{#-5..-1}", -5...(-1)), ("{#5..1}", 1...5), ("{# 12 : 2 }", 10...14),
    ("{#=%100%3:0 =%50%3:1}", 3...3),
  ])
  func numbers(_ block: String, range: ClosedRange<Double>) throws {
    let question = try #require(
      GIFTParser.parse(text: "How many? \(block)", file: "n.gift", contentVersion: "").0?.questions.first)
    guard case .number(let answer) = question.kind, let first = answer.options.first else {
      Issue.record("not a number question: \(question.kind)")
      return
    }
    #expect(first.minimum...first.maximum == range)
  }

  @Test(arguments: ["0x1A", "inf", "NAN", "1e", "1,5", "--1", "", "1e999"])
  func notNumbers(_ text: String) {
    #expect(GIFTQuestionReader.number(Substring(text)) == nil)
  }

  @Test func matchingGradesPairByPair() throws {
    let bank = try #require(try GIFTCorpus.parse("matching.gift").lesson)
    let question = try #require(bank.questions.first)
    let shown = Grader.matchingRightOrder(of: question)
    guard case .matching(let pairs) = question.kind else { return }
    #expect(shown.contains("show you adverts"), "the distractor is offered")
    let items = pairs.filter { !$0.isDistractor }
    let letters = items.map { pair in Grader.letter(shown.firstIndex(of: pair.right) ?? 0) }
    #expect(try Grader.grade(letters.joined(separator: " "), to: question).credit == 1)
    // Choosing the distractor for an item is wrong for that item.
    let adverts = Grader.letter(try #require(shown.firstIndex(of: "show you adverts")))
    let wrongOnce = [adverts] + letters.dropFirst()
    #expect(try Grader.grade(wrongOnce.joined(separator: " "), to: question).credit == 2.0 / 3)
  }
}
