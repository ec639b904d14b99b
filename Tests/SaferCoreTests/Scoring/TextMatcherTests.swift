import Testing

@testable import SaferCore

@Suite("Matching typed answers")
struct TextMatcherTests {
  struct MatchCase: CustomTestStringConvertible, Sendable {
    var response: String
    var accepted: [String]
    var pattern: String? = nil
    var typos = true
    var matches: Bool
    var why: String
    var testDescription: String { "\(why): “\(response)”" }
  }

  static let cases: [MatchCase] = [
    .init(response: "TWO FACTOR", accepted: ["two factor"], matches: true, why: "case"),
    .init(response: "Çelës", accepted: ["celes"], matches: true, why: "accents in the answer"),
    .init(response: "celes", accepted: ["Çelës"], matches: true, why: "accents in the accepted text"),
    .init(
      response: "Two-Factor  authentication!", accepted: ["two factor authentication"], matches: true,
      why: "punctuation and spaces"),
    .init(response: "  two   factor  ", accepted: ["two factor"], matches: true, why: "extra spaces"),
    .init(response: "twofactor", accepted: ["two factor"], matches: true, why: "spaces removed"),
    .init(response: "passphrase", accepted: ["password", "passphrase"], matches: true, why: "any accepted answer"),
    // One typo from 5 characters, two from 10.
    .init(response: "phsh", accepted: ["phish"], matches: true, why: "one typo at 5"),
    .init(response: "scan", accepted: ["scam"], matches: false, why: "no typo under 5"),
    .init(response: "pasword", accepted: ["password"], matches: true, why: "one typo at 8"),
    .init(response: "paswrd", accepted: ["password"], matches: false, why: "two typos under 10"),
    .init(response: "screnshott", accepted: ["screenshot"], matches: true, why: "two typos at 10"),
    .init(response: "autentcation", accepted: ["authentication"], matches: true, why: "two typos at 14"),
    .init(response: "autntcaton", accepted: ["authentication"], matches: false, why: "four typos"),
    .init(response: "pasword", accepted: ["password"], typos: false, matches: false, why: "typos: false"),
    // Never forgive a typo in an answer with digits: it is another number.
    .init(response: "116 112", accepted: ["116 111"], matches: false, why: "another phone number"),
    .init(response: "116 11", accepted: ["116 111"], matches: false, why: "a digit missing"),
    .init(response: "116111", accepted: ["116 111"], matches: true, why: "digits without the space"),
    .init(response: "116-111", accepted: ["116 111"], matches: true, why: "digits with a dash"),
    .init(response: "call 112 now", accepted: ["call 112"], matches: false, why: "extra words with digits"),
    // A pattern matches the whole trimmed answer, ignoring case.
    .init(response: " 116 111 ", accepted: [], pattern: "116 ?111", matches: true, why: "pattern"),
    .init(response: "116111", accepted: [], pattern: "116 ?111", matches: true, why: "pattern, no space"),
    .init(response: "116 1111", accepted: [], pattern: "116 ?111", matches: false, why: "pattern must match all"),
    .init(
      response: "STOP THINK CONNECT", accepted: [], pattern: "stop,? think,? connect", matches: true, why: "pattern ignores case"),
    .init(response: "nope", accepted: ["yes"], pattern: "y(es)?", matches: false, why: "neither"),
    .init(response: "!!!", accepted: ["!!!"], matches: false, why: "nothing left after folding"),
  ]

  @Test(arguments: cases)
  func matching(_ example: MatchCase) {
    let answer = Question.TextAnswer(accepted: example.accepted, pattern: example.pattern, forgivesTypos: example.typos)
    #expect(TextMatcher.matches(example.response, answer) == example.matches)
  }

  @Test(arguments: [
    ("Çelës", "celes"), ("Two-Factor  authentication!", "two factor authentication"), ("  A..b  ", "a b"),
    ("ＡＢＣ", "abc"), ("", ""),
  ])
  func folding(_ text: String, _ folded: String) {
    #expect(TextMatcher.fold(text) == folded)
  }

  @Test func graderUsesTheMatcherAndKeepsTheResponse() throws {
    let question = Fixtures.question(.text(.init(accepted: ["two factor authentication", "2fa"])))
    let grade = try Grader.grade("  Two-Factor authentification ", to: question)
    #expect(grade.isCorrect)
    #expect(grade.normalizedResponse == "Two-Factor authentification")
    #expect(grade.feedback == ["Yes.", "Explanation of q."])
    #expect(grade.rightAnswer == "two factor authentication")
    let wrong = try Grader.grade("3fa", to: question)
    #expect(!wrong.isCorrect)
    #expect(wrong.feedback == ["No.", "Explanation of q."])
  }

  @Test func patternOnlyQuestionShowsThePatternAsTheAnswer() {
    let question = Fixtures.question(.text(.init(accepted: [], pattern: "116 ?111")))
    #expect(Grader.rightAnswer(of: question) == "116 ?111")
  }
}
