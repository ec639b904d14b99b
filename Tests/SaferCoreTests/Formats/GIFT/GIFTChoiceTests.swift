import Testing

@testable import SaferCore

/// Multiple choice, true/false and short answer, as Moodle reads them.
@Suite("GIFT choice, true/false and short-answer questions")
struct GIFTChoiceTests {
  static let files: [ExpectedBank] = [
    ExpectedBank("multiple-choice.gift") { make in
      [
        make.question(
          "strongest-password",
          .single([
            Choice(text: "P@ssw0rd1!", feedback: "Symbol swaps are among the first guesses."),
            Choice(
              text: "purple tractor sings at dawn", isCorrect: true, feedback: "Four random words are long and memorable."),
            Choice(text: "12345678", feedback: "The most common password of all."),
          ]), "Which password is hardest to guess?", line: 4, title: "Strongest password", category: "safer/passwords"),
        // An answer block inside the sentence leaves a blank; untitled: numbered.
        make.question(
          "q2",
          .single([Choice(text: "remembers", isCorrect: true), Choice(text: "shares"), Choice(text: "sells")]),
          "A password manager _____ your passwords for you.", line: 10, category: "safer/passwords"),
        // An `=` anywhere makes it a one-answer question, even with weights.
        make.question(
          "partly-right",
          .single([
            Choice(text: "In a password manager", isCorrect: true),
            Choice(text: "On paper at home", feedback: "Safer than online, but not ideal.", weight: 50),
            Choice(text: "On a sticky note on the screen"),
          ]), "Where is a good place to keep a password?", line: 12, title: "Partly right", category: "safer/passwords"),
        // No `=`: several right answers, weights adding up to 100%.
        make.question(
          "safe-habits",
          .multiple([
            Choice(text: "Turning on two-step verification", isCorrect: true, feedback: "Yes.", weight: 50),
            Choice(text: "Using a different password for each account", isCorrect: true, feedback: "Yes.", weight: 50),
            Choice(text: "Telling your best friend your password", feedback: "Never share it.", weight: -100),
          ]), "Which habits keep your accounts safe?", line: 18, title: "Safe habits", category: "safer/passwords"),
      ]
    },
    ExpectedBank("true-false.gift") { make in
      [
        make.question("reuse", .trueFalse(answer: false), "Reusing one password everywhere is fine.", line: 4, title: "Reuse"),
        // The first `#` part is for a wrong answer, the second for a right one.
        make.question(
          "q2", .trueFalse(answer: true), "Two-step verification makes an account harder to break into.", line: 6,
          right: "Right: a stolen password alone is not enough.", wrong: "Think again: it adds a second lock."),
        make.question(
          "strangers", .trueFalse(answer: true), "Someone you only know online is a stranger.", line: 8,
          title: "Strangers", wrong: "No: you cannot check who they are."),
        make.question(
          "photos", .trueFalse(answer: false), "A photo you delete from a chat is gone for good.", line: 10,
          title: "Photos", explanation: "Screenshots and backups keep copies."),
      ]
    },
    ExpectedBank(
      "short-answer.gift",
      diagnostics: [
        "16:38: warning: `{true}` is a short-answer question to Moodle, where true/false answers are written in capitals "
          + "(`{T}`, `{TRUE}`, `{F}`, `{FALSE}`): a student would have to type `true`"
      ]
    ) { make in
      [
        make.question(
          "two-factor",
          .text(
            .gift([
              .init(text: "two-factor authentication", feedback: "Yes."), .init(text: "2FA"),
              .init(text: "verification code", weight: 50, feedback: "Close: the code is part of it."),
            ])), "What is the second step of signing in called?", line: 3, title: "Two factor"),
        // `*` is Moodle's wildcard: a pattern, plus the answer as Moodle shows it.
        make.question(
          "phishing-word", .text(.gift([.init(text: "phishing")], pattern: ".*phishing.*")),
          "A fake message that tries to steal your password is called _____ .", line: 9, title: "Phishing word"),
        // A catch-all `=%0%*#…` is the feedback for every other answer.
        make.question(
          "catch-all", .text(.gift([.init(text: "112", feedback: "Right.")])),
          "Which number do you call in an emergency anywhere in the EU?", line: 11, title: "Catch all",
          wrong: "It is 112, the same in every EU country."),
        make.question("q4", .text(.gift([.init(text: "true")])), "Is sharing your location always safe?", line: 16),
      ]
    },
  ]

  @Test(arguments: files)
  func corpusFile(_ expected: ExpectedBank) throws {
    try GIFTCorpus.check(expected)
  }

  @Test func weightedChoicesGradeAsMoodle() throws {
    let bank = try #require(try GIFTCorpus.parse("multiple-choice.gift").lesson)
    let partly = try #require(bank.questions.first { $0.id == "partly-right" })
    #expect(try Grader.grade("b", to: partly).credit == 0.5)
    let habits = try #require(bank.questions.first { $0.id == "safe-habits" })
    #expect(try Grader.grade("a b", to: habits).credit == 1)
    #expect(try Grader.grade("a c", to: habits).credit == 0)
  }

  @Test(arguments: [
    ("phishing", true), ("Spear-Phishing attack", true), ("a phishing mail", true), ("fishing", false),
  ])
  func wildcardAnswersMatchAnyText(_ response: String, right: Bool) throws {
    let bank = try #require(try GIFTCorpus.parse("short-answer.gift").lesson)
    let question = try #require(bank.questions.first { $0.id == "phishing-word" })
    #expect(try Grader.grade(response, to: question).isCorrect == right)
  }

  @Test func shortAnswersForgiveNoTypos() throws {
    let bank = try #require(try GIFTCorpus.parse("short-answer.gift").lesson)
    let question = try #require(bank.questions.first { $0.id == "two-factor" })
    #expect(try Grader.grade("Two factor authentication", to: question).isCorrect)
    #expect(try !Grader.grade("two-factor authenticaton", to: question).isCorrect)
    #expect(try Grader.grade("Verification code", to: question).credit == 0.5)
  }

  @Test(arguments: [
    ("Q {=%50%a =b}", ["a": 50.0, "b": 100]),
    ("Q {=%-25%a =b}", ["a": -25, "b": 100]),
    ("Q {=%33.33333%a =b}", ["a": 33.33333, "b": 100]),
    ("Q {=%5.%a =b}", ["a": 5, "b": 100]),
  ])
  func shortAnswerWeights(_ gift: String, weights: [String: Double]) throws {
    let question = try #require(GIFTParser.parse(text: gift, file: "w.gift", contentVersion: "").0?.questions.first)
    guard case .text(let answer) = question.kind else {
      Issue.record("not a text question: \(question.kind)")
      return
    }
    #expect(Dictionary(uniqueKeysWithValues: answer.options.map { ($0.text, $0.weight) }) == weights)
  }

  @Test func escapedAsteriskIsLiteral() throws {
    let question = try #require(
      GIFTParser.parse(text: #"Q {=5\*5 =*ten*}"#, file: "w.gift", contentVersion: "").0?.questions.first)
    guard case .text(let answer) = question.kind else {
      Issue.record("not a text question")
      return
    }
    #expect(answer.options.map(\.text) == ["5*5", "ten"])
    #expect(answer.pattern == ".*ten.*")
    #expect(try Grader.grade("5*5", to: question).isCorrect)
    #expect(try Grader.grade("it is ten", to: question).isCorrect)
  }
}
