import Testing

@testable import SaferCore

/// `safer convert --to gift`: the exact GIFT of small native questions, escaping, and the
/// warnings for what GIFT cannot hold.
@Suite struct GIFTWriterTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var question: Question
    var gift: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "single choice with feedback, explanation and title",
      question: {
        var question = Question(
          id: "strongest",
          kind: .single([
            Choice(text: "P@ssw0rd1!", feedback: "Guessed early."),
            Choice(text: "purple tractor sings", isCorrect: true, feedback: "Long."),
          ]), prompt: "Which is strongest?", explanation: "Length wins.")
        question.title = "Strongest password"
        return question
      }(),
      gift: """
        ::Strongest password::Which is strongest?{
        \t~P@ssw0rd1!#Guessed early.
        \t=purple tractor sings#Long.
        \t####Length wins.
        }
        """),
    Case(
      name: "single choice with a weighted choice",
      question: Question(
        id: "where",
        kind: .single([
          Choice(text: "A password manager", isCorrect: true), Choice(text: "Paper at home", feedback: "Not ideal.", weight: 50),
          Choice(text: "A sticky note"),
        ]), prompt: "Where?"),
      gift: "::where::Where?{\n\t=A password manager\n\t~%50%Paper at home#Not ideal.\n\t~A sticky note\n}"),
    Case(
      name: "multiple without weights: Safer Shell's rule as weights",
      question: Question(
        id: "habits",
        kind: .multiple([
          Choice(text: "Two-step", isCorrect: true), Choice(text: "Reuse"), Choice(text: "Manager", isCorrect: true),
        ]), prompt: "Which?"),
      gift: "::habits::Which?{\n\t~%50%Two-step\n\t~%-50%Reuse\n\t~%50%Manager\n}"),
    Case(
      name: "multiple with weights, a third each",
      question: Question(
        id: "thirds",
        kind: .multiple([
          Choice(text: "a", isCorrect: true, weight: 100.0 / 3), Choice(text: "b", isCorrect: true, weight: 100.0 / 3),
          Choice(text: "c", isCorrect: true, weight: 100.0 / 3), Choice(text: "d", weight: -100), Choice(text: "e"),
        ]), prompt: "Pick"),
      gift: "::thirds::Pick{\n\t~%33.33333%a\n\t~%33.33333%b\n\t~%33.33333%c\n\t~%-100%d\n\t~e\n}"),
    Case(
      name: "true/false with both feedbacks",
      question: Question(
        id: "padlock", kind: .trueFalse(answer: false), prompt: "A padlock means honest.", explanation: "Encryption only.",
        feedbackCorrect: "Right.", feedbackWrong: "It means encrypted."),
      gift: "::padlock::A padlock means honest.{FALSE#It means encrypted.#Right.####Encryption only.}"),
    Case(
      name: "true/false with only the right feedback",
      question: Question(id: "tf", kind: .trueFalse(answer: true), prompt: "Sure?", feedbackCorrect: "Yes."),
      gift: "::tf::Sure?{TRUE##Yes.}"),
    Case(
      name: "short text with weights, per-answer and question feedback",
      question: Question(
        id: "word",
        kind: .text(
          .init(options: [
            .init(text: "passphrase"), .init(text: "pass phrase", feedback: "One word."), .init(text: "password", weight: 25),
          ])),
        prompt: "What is it called?", feedbackCorrect: "Yes.", feedbackWrong: "A passphrase."),
      gift: """
        ::word::What is it called?{
        \t=passphrase#Yes.
        \t=pass phrase#One word.
        \t=%25%password#A passphrase.
        \t=%0%*#A passphrase.
        }
        """),
    Case(
      name: "short text: a pattern that is a few texts becomes answers, in its order around the one it covers; `.*` becomes `*`",
      question: Question(
        id: "host", kind: .text(.init(options: [.init(text: "evil.io")], pattern: "(https?://)?evil\\.io|.*\\.evil\\.io")),
        prompt: "Host?"),
      gift: """
        ::host::Host?{
        \t=https\\://evil.io
        \t=http\\://evil.io
        \t=evil.io
        \t=*.evil.io
        }
        """),
    Case(
      name: "number: exact, tolerance, range and weights, in the model's order",
      question: Question(
        id: "num",
        kind: .number(
          .init(options: [
            .init(value: 15, tolerance: 0), .init(minimum: 10, maximum: 20, weight: 50, feedback: "Close."),
            .init(value: 1822, tolerance: 5, weight: 50), .init(minimum: 0.1, maximum: 0.3, weight: 10),
          ])), prompt: "How many?", feedbackCorrect: "Yes.", feedbackWrong: "15."),
      gift: """
        ::num::How many?{#
        \t=15#Yes.
        \t=%50%15:5#Close.
        \t=%50%1822:5#15.
        \t=%10%0.1..0.3#15.
        \t~#15.
        }
        """),
    Case(
      name: "matching",
      question: Question(
        id: "pairs", kind: .matching([.init(left: "Phishing", right: "Fake message"), .init(left: "Scam", right: "Trick")]),
        prompt: "Match them.", explanation: "Both steal."),
      gift: "::pairs::Match them.{\n\t=Phishing -> Fake message\n\t=Scam -> Trick\n\t####Both steal.\n}"),
    Case(
      name: "essay with general feedback",
      question: Question(id: "essay", kind: .essay, prompt: "What would you do?", explanation: "Your teacher reads it."),
      gift: "::essay::What would you do?{####Your teacher reads it.}"),
    Case(
      name: "every special character escaped, line breaks as \\n; in Markdown a leading # and a backslash too",
      question: Question(
        id: "esc",
        kind: .single([Choice(text: "a = b ~ c", isCorrect: true, feedback: "#1: {ok}"), Choice(text: "back\\slash")]),
        prompt: "Odd: ~ = # { } :\nnext line"),
      gift:
        "::esc::[markdown]Odd\\: \\~ \\= \\# \\{ \\} \\:\\nnext line{\n\t=a \\= b \\~ c#\\\\\\#1\\: \\{ok\\}\n\t~back\\\\\\\\slash\n}"
    ),
    Case(
      name: "lesson markup is written as Markdown, with a blank line before a list",
      question: Question(
        id: "md", kind: .trueFalse(answer: true), prompt: "Is *this*:\n- a list", feedbackCorrect: "Use `code`."),
      gift: "::md::[markdown]Is *this*\\:\\n\\n- a list{TRUE##Use `code`.}"),
    Case(
      name: "HTML characters in plain text, which Moodle shows as written",
      question: Question(
        id: "html", kind: .single([Choice(text: "<b>", isCorrect: true), Choice(text: "a & b")]), prompt: "Tag <b>?"),
      gift: "::html::[plain]Tag <b>?{\n\t=<b>\n\t~a & b\n}"),
    Case(
      name: "in a Markdown question, a text with HTML-like parts is plain",
      question: Question(
        id: "mixed", kind: .trueFalse(answer: true), prompt: "Read *this*.", feedbackCorrect: "Tags like <b> are HTML."),
      gift: "::mixed::[markdown]Read *this*.{TRUE##[plain]Tags like <b> are HTML.}"),
    Case(
      name: "a choice starting like a weight gets an explicit one",
      question: Question(
        id: "pct", kind: .single([Choice(text: "%50% off", isCorrect: true), Choice(text: "%10%")]), prompt: "Deal?"),
      gift: "::pct::Deal?{\n\t=%50% off\n\t~%0%%10%\n}"),
  ]

  @Test(arguments: cases)
  func writesTheExactGIFT(_ testCase: Case) {
    let (text, warnings) = GIFTWriter.write(ExportSupport.bank([testCase.question]))
    #expect(text == testCase.gift + "\n")
    #expect(warnings.map(\.description) == [])
  }

  @Test func explanationsAreDescriptionsAndCategoriesAreWrittenWhenTheyChange() {
    func question(_ id: String, _ category: String?) -> Question {
      var question = Question(id: id, kind: .trueFalse(answer: true), prompt: "\(id)?")
      question.category = category
      return question
    }
    var bank = ExportSupport.bank(
      [question("a", "safety/passwords"), question("b", "safety/passwords"), question("c", "safety/fraud")],
      explanations: ["Read *this* first.", "// not a comment"])
    bank.steps[0].id = "intro"
    let (text, warnings) = GIFTWriter.write(bank)
    #expect(
      text == """
        ::intro::[markdown]Read *this* first.

        ::::// not a comment

        $CATEGORY: safety/passwords

        ::a::a?{TRUE}

        ::b::b?{TRUE}

        $CATEGORY: safety/fraud

        ::c::c?{TRUE}

        """)
    #expect(warnings.isEmpty)
  }

  @Test func whatGIFTCannotHoldIsWrittenInItsClosestFormAndReported() {
    let scenario = Question(
      id: "photo",
      kind: .scenario([
        Choice(text: "Send it", feedback: "Photos spread.", next: "pressure"),
        Choice(text: "Say no", isCorrect: true, feedback: "Well done.", next: "end"),
      ]), prompt: "A stranger asks for a photo.", hints: ["Think."], points: 2)
    let order = Question(
      id: "steps", kind: .order(["Screenshot", "Block", "Report"]), prompt: "Put in order.", feedbackCorrect: "Good.")
    let unexpressible = Question(id: "regex", kind: .text(.init(options: [], pattern: "\\d+")), prompt: "Digits?")
    var bank = ExportSupport.bank([scenario, order, unexpressible])
    bank.steps[1].next = "end"
    let (text, warnings) = GIFTWriter.write(bank)
    #expect(
      text == """
        ::photo::A stranger asks for a photo.{
        \t~Send it#Photos spread.
        \t=Say no#Well done.
        }

        ::steps::Put in order.{
        \t=Screenshot -> 1
        \t=Block -> 2
        \t=Report -> 3
        }

        """)
    let messages = warnings.map(\.message)
    #expect(warnings.allSatisfy { $0.severity == .warning })
    #expect(messages.contains { $0.hasPrefix("question `photo`: a scenario") && $0.contains("branches") })
    #expect(messages.contains { $0.hasPrefix("question `photo`: its hint is left out") })
    #expect(messages.contains { $0.hasPrefix("question `photo`: worth 2 points") })
    #expect(messages.contains { $0.hasPrefix("question `steps`: an order question") })
    #expect(messages.contains { $0.hasPrefix("question `steps`: `next: end` is left out") })
    #expect(messages.contains { $0.hasPrefix("question `steps`: its `feedback` is left out") })
    #expect(messages.contains { $0.hasPrefix("question `regex`: left out") && $0.contains("\\d+") })
  }

  @Test func unitsAndUnlistedGradesAndArrowsAreReported() {
    let number = Question(id: "n", kind: .number(answer: 15, unit: "characters"), prompt: "How long?")
    let odd = Question(
      id: "odd", kind: .single([Choice(text: "a", isCorrect: true), Choice(text: "b", weight: 42)]), prompt: "Pick")
    let arrow = Question(
      id: "arrow", kind: .text(.init(options: [.init(text: "a->b")])), prompt: "Which way?")
    let (text, warnings) = GIFTWriter.write(ExportSupport.bank([number, odd, arrow]))
    #expect(!text.contains("arrow"))
    #expect(text.contains("\t~%42%b\n"))
    let messages = warnings.map(\.message)
    #expect(messages.contains { $0.hasPrefix("question `n`: its unit `characters` is left out") })
    #expect(messages.contains { $0.hasPrefix("question `odd`: weight 42% is not one of Moodle's grades") })
    #expect(messages.contains { $0.hasPrefix("question `arrow`: left out: `->`") })
  }

  @Test func anAnswerBeforeABetterOneItAlsoAcceptsIsReported() {
    let question = Question(
      id: "name", kind: .text(.init(options: [.init(text: "An", weight: 50, pattern: "An.*"), .init(text: "Ana")])),
      prompt: "Name?")
    let (text, warnings) = GIFTWriter.write(ExportSupport.bank([question]))
    #expect(text.contains("\t=%50%An*\n\t=Ana\n"))
    #expect(warnings.map(\.message).contains { $0.contains("`An*` (50%) comes before `Ana` (100%)") })
  }
}
