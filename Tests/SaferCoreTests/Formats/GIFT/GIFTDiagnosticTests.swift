import Testing

@testable import SaferCore

/// Every problem is reported at its `file:line:column` with what Moodle would do, and a
/// bad question never costs the others.
@Suite("GIFT diagnostics")
struct GIFTDiagnosticTests {
  @Test func everyBrokenQuestionIsReportedWhereItIsWrong() throws {
    let (lesson, diagnostics) = try GIFTCorpus.parse("errors.gift")
    #expect(lesson == nil)
    let expected = [
      "3:10: error: answer block never closed: no `}` before the blank line that ends this question, so Moodle "
        + "would reject it (write `\\{` for a brace in text)",
      "5:7: error: `}` with no `{` opening an answer block: Moodle would reject this question (write `\\}` for a "
        + "brace in text)",
      "7:17: error: a multiple-choice question needs at least two answers (found 1): Moodle would reject it",
      "9:29: error: `{` inside the answer block opened at 9:22, which is not closed first: Moodle would read "
        + "everything up to the next `}` as answers (write `\\{` for a brace in text)",
      "12:15: error: a second answer block: Moodle reads only the first `{…}` of a question and would show this one "
        + "as text (is a blank line missing before line 12?)",
      "14:9: error: the positive weights add up to 90%: with no `=` answer Moodle makes this a question with several "
        + "right answers, marked like `~%50%`, whose weights must add up to 100% (Moodle stops the import here)",
      "16:14: error: weight `%--50%` is not a number: Moodle's import would stop with an error here",
      "18:11: error: weight 150% is outside -100…100%: Moodle would refuse this question",
      "20:13: error: `abc` is not a number: Moodle would accept any answer in its place (write a number like `42`, "
        + "`3.14:0.01` or `1..5`)",
      "22:17: error: tolerance `x` is not a number: Moodle would reject this question",
      "24:31: error: matching answer without `->`: Moodle would reject the whole question; write each pair as "
        + "`=left -> right`",
      "27:1: error: a `$CATEGORY:` line must be followed by a blank line: Moodle would read line 27 and the rest of "
        + "this block as part of the category name, and import none of it as a question",
      "29:1: error: this question has no text, only an answer block: write the question before the `{`",
      "31:33: error: no answer is worth 100%: Moodle would refuse this short-answer question",
      "33:15: error: `}` with no `{` opening an answer block before the `{` at 33:22: Moodle would reject this "
        + "question (write `\\}` for a brace in text)",
    ]
    #expect(GIFTCorpus.lines(diagnostics) == expected)
    #expect(diagnostics.allSatisfy { $0.location.file == "errors.gift" })
  }

  @Test func oneBrokenQuestionKeepsTheOthers() throws {
    let (lesson, diagnostics) = try GIFTCorpus.parse("broken-one.gift")
    let bank = try #require(lesson)
    #expect(bank.questions.map(\.id) == ["one", "q3"])
    #expect(bank.questions.map(\.prompt) == ["First question.", "Third question."])
    #expect(
      GIFTCorpus.lines(diagnostics) == [
        "3:25: error: answer block never closed: no `}` before the blank line that ends this question, so Moodle "
          + "would reject it (write `\\{` for a brace in text)"
      ])
    #expect(diagnostics.first?.description.hasPrefix("broken-one.gift:3:25: error: ") == true)
  }

  static let warnings = ExpectedBank(
    "warnings.gift",
    diagnostics: [
      "3:1: warning: question title never closed: no `::` after the opening one, so Moodle would read the title as "
        + "part of the question text",
      "5:16: warning: `%abc%` is not a weight Moodle reads (a percentage such as `%50%` or `%-25%`): it would be kept "
        + "as part of the answer's text",
      "7:23: warning: `=` already gives full marks in a multiple-choice question: Moodle would show the `%…%` as part "
        + "of the answer (write `~%50%` for part marks)",
      "9:22: warning: weight 35% is not one of Moodle's grades (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, "
        + "33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 and their negatives): Moodle would "
        + "refuse this question unless its import rounds to the nearest grade; Safer Shell uses 35%",
      "9:29: warning: weight 65% is not one of Moodle's grades (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, "
        + "33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 and their negatives): Moodle would "
        + "refuse this question unless its import rounds to the nearest grade; Safer Shell uses 65%",
      "11:14: warning: an empty answer: Moodle leaves it out",
    ]
  ) { make in
    [
      make.question("q1", .trueFalse(answer: true), "Unclosed title Is this read as text?", line: 3),
      make.question(
        "q2", .single([Choice(text: "%abc%x"), Choice(text: "y", isCorrect: true)]), "Not a weight", line: 5),
      make.question(
        "q3", .single([Choice(text: "%50%x", isCorrect: true), Choice(text: "y")]), "Equals with a weight", line: 7),
      make.question(
        "q4",
        .multiple([Choice(text: "a", isCorrect: true, weight: 35), Choice(text: "b", isCorrect: true, weight: 65)]),
        "Not a Moodle grade", line: 9),
      make.question(
        "q5", .single([Choice(text: "yes", isCorrect: true), Choice(text: "no")]), "Empty answer", line: 11),
    ]
  }

  @Test func questionsWithWarningsStillLoad() throws {
    try GIFTCorpus.check(Self.warnings)
  }

  /// Moodle's grade list allows 0.00001 of difference in the fraction.
  @Test(arguments: [
    (100.0, true), (83.33333, true), (-33.33333, true), (33.333, true), (33.33, false), (35, false), (-5, true),
  ])
  func moodleGrades(_ percent: Double, accepted: Bool) {
    #expect(GIFTWeight.isMoodleGrade(percent) == accepted)
  }

  @Test(arguments: [
    ("Q {=a ~b}\n\n::T::Q {~%200%a =b}", "3:10: error: weight 200% is outside -100…100%: Moodle would refuse this question"),
    (
      "::T::[plian]Q {T}",
      "1:1: warning: `[plian]` is not a text format (did you mean `[plain]`?): Moodle would show it as part of the text"
    ),
    ("Q {=a =b}\n\n{T}", "3:1: error: this question has no text, only an answer block: write the question before the `{`"),
    (
      "Q {=a ~b ~c",
      "1:3: error: answer block never closed: no `}` before the end of the file, so Moodle would reject it (write `\\{` for a brace in text)"
    ),
    (
      "Q {=a}}",
      "1:7: error: `}` after the answer block has no `{`: Moodle would show it as text (write `\\}` for a brace in text)"
    ),
    (
      "Q {#}",
      "1:3: error: a numerical question needs a number after `{#` (like `{#42}` or `{#3.14:0.01}`): Moodle would reject it"
    ),
    ("Q {#1..x}", "1:5: error: range `1..x` is not two numbers `min..max`: Moodle's import would stop with an error here"),
    (
      "Q {~a ~b}",
      "1:3: error: no answer has a positive weight: with no `=` answer Moodle makes this a question with several right answers, marked like `~%50%`, whose weights must add up to 100% (Moodle stops the import here)"
    ),
    ("Q {= ~a ~b}", "1:3: error: no answer is right: mark one with `=` (Moodle needs one answer worth 100%)"),
    ("Q {=a -> b}", "1:3: error: a matching question needs at least two `=left -> right` pairs: Moodle would reject it"),
    ("Q {=a -> b =c ->}", "1:13: error: nothing after `->`: each item needs the answer it matches"),
  ])
  func singleProblems(_ text: String, expected: String) {
    let (_, diagnostics) = GIFTParser.parse(text: text, file: "p.gift", contentVersion: "")
    #expect(GIFTCorpus.lines(diagnostics).contains(expected), "\(GIFTCorpus.lines(diagnostics))")
  }
}
