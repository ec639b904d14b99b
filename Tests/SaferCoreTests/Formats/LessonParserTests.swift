import Testing

@testable import SaferCore

/// One broken lesson file and the error it must produce at the `«here»` mark.
struct LessonDiagnosticCase: CustomTestStringConvertible, Sendable {
  var name: String
  var yaml: String
  var message: String

  var testDescription: String { name }

  static let steps = "steps:\n"
  static let trueFalseStep = """
      - id: q1
        kind: truefalse
        prompt: Is it?
        answer: true
        feedback: Because.

    """

  static let all: [LessonDiagnosticCase] = [
    .init(
      name: "scanner error", yaml: "id: tiny\ntitle: «here»@oops\n",
      message: "this is not valid YAML: found character that cannot start any token"),
    .init(
      name: "bad indentation", yaml: "id: tiny\ntitle: A\n topic«here»: passwords\n",
      message: "this is not valid YAML"),
    .init(
      name: "missing title", yaml: "«here»id: tiny\ntopic: passwords\nlevel: \"10-13\"\nsteps:\n" + trueFalseStep,
      message: "missing required field `title`"),
    .init(
      name: "empty required text",
      yaml: Fixtures.lessonHeader.replacingOccurrences(of: "title: A tiny lesson", with: "title: «here»''") + steps
        + trueFalseStep,
      message: "`title` must not be empty"),
    .init(
      name: "missing prompt", yaml: Fixtures.lessonHeader + "steps:\n  - «here»id: q1\n    kind: truefalse\n    answer: true\n",
      message: "missing required field `prompt`"),
    .init(
      name: "unknown lesson field", yaml: Fixtures.lessonHeader + "«here»minuts: 5\n" + steps + trueFalseStep,
      message: "unknown field `minuts` in a lesson (did you mean `minutes`?)"),
    .init(
      name: "unknown step field",
      yaml: Fixtures.lessonHeader + steps + "  - id: q1\n    kind: truefalse\n    «here»promt: Is it?\n    answer: true\n",
      message: "unknown field `promt` in a step (did you mean `prompt`?)"),
    .init(
      name: "unknown choice field",
      yaml: Fixtures.lessonHeader + steps + """
          - id: q1
            kind: single
            prompt: Which?
            choices:
              - {text: A, correct: true, feedback: F}
              - {text: B, «here»feedbak: F}

        """,
      message: "unknown field `feedbak` in a choice (did you mean `feedback`?)"),
    .init(
      name: "unknown question kind", yaml: Fixtures.lessonHeader + steps + "  - id: q1\n    kind: «here»multi\n    prompt: P\n",
      message: "unknown question kind `multi` (did you mean `multiple`?)"),
    .init(
      name: "unknown file kind", yaml: "kind: «here»survey\nid: tiny\n",
      message: "`kind` of a file is `lesson`, `quiz` or `bank`, not `survey`"),
    .init(
      name: "number field holds text", yaml: Fixtures.lessonHeader + "minutes: «here»ten\n" + steps + trueFalseStep,
      message: "`minutes` must be a whole number"),
    .init(
      name: "steps is not a list", yaml: Fixtures.lessonHeader + "steps: «here»hello\n",
      message: "`steps` must be a list"),
    .init(
      name: "root is not a mapping", yaml: "«here»- one\n- two\n",
      message: "this is not a lesson, quiz or question bank"),
    .init(
      name: "step is not a mapping", yaml: Fixtures.lessonHeader + steps + "  - «here»just text\n",
      message: "a step must be a mapping"),
    .init(
      name: "bad lesson id",
      yaml: Fixtures.lessonHeader.replacingOccurrences(of: "id: tiny", with: "id: «here»Tiny Lesson") + steps + trueFalseStep,
      message: "id `Tiny Lesson` may use only lowercase letters"),
    .init(
      name: "unknown topic",
      yaml: Fixtures.lessonHeader.replacingOccurrences(of: "topic: passwords", with: "topic: «here»hacking") + steps
        + trueFalseStep,
      message: "unknown topic `hacking`"),
    .init(
      name: "single with no correct choice",
      yaml: Fixtures.lessonHeader + steps + """
          - «here»id: q1
            kind: single
            prompt: Which?
            choices:
              - {text: A, feedback: F}
              - {text: B, feedback: F}

        """,
      message: "exactly one choice with `correct: true` (found 0)"),
    .init(
      name: "single with two correct choices",
      yaml: Fixtures.lessonHeader + steps + """
          - «here»id: q1
            kind: single
            prompt: Which?
            choices:
              - {text: A, correct: true, feedback: F}
              - {text: B, correct: true, feedback: F}

        """,
      message: "exactly one choice with `correct: true` (found 2)"),
    .init(
      name: "question without id",
      yaml: Fixtures.lessonHeader + steps + "  - «here»kind: truefalse\n    prompt: P\n    answer: true\n",
      message: "a question needs an `id`"),
    .init(
      name: "explain and question at once",
      yaml: Fixtures.lessonHeader + steps + trueFalseStep + "  - «here»explain: Text\n    kind: single\n",
      message: "a step is either `explain:` text or a question"),
    .init(
      name: "invalid pattern",
      yaml: Fixtures.lessonHeader + steps
        + "  - id: q1\n    kind: text\n    prompt: P\n    pattern: «here»\"(unclosed\"\n    feedback: F\n",
      message: "`pattern` is not a valid regular expression"),
    .init(
      name: "next names a missing step",
      yaml: Fixtures.lessonHeader + steps + trueFalseStep + """
          - «here»id: q2
            kind: truefalse
            prompt: Again?
            answer: true
            feedback: F
            next: wrapup
          - id: wrap-up
            explain: Bye.

        """,
      message: "`next: wrapup` names no step of this lesson (did you mean `wrap-up`?)"),
    .init(
      name: "unreachable step",
      yaml: Fixtures.lessonHeader + steps + trueFalseStep + "    next: end\n  - «here»id: q2\n    explain: Nobody reads me.\n",
      message: "step `q2` can never be reached"),
    .init(
      name: "duplicate id in a lesson",
      yaml: Fixtures.lessonHeader + steps + trueFalseStep + "  - «here»id: q1\n    explain: Same id.\n",
      message: "id `q1` is used twice in this lesson (first at line 8)"),
    .init(
      name: "reserved id end",
      yaml: Fixtures.lessonHeader + steps + trueFalseStep + "  - «here»id: end\n    explain: Bye.\n",
      message: "`end` is reserved"),
  ]
}

@Suite("Lesson loader diagnostics")
struct LessonParserTests {
  @Test(arguments: LessonDiagnosticCase.all)
  func reportsErrorAtMark(_ example: LessonDiagnosticCase) {
    let marked = MarkedText(example.yaml)
    let diagnostics = Fixtures.parse(marked.text).diagnostics
    let location = marked.location()
    #expect(
      !diagnostics.errors(at: location, containing: example.message).isEmpty,
      "expected \(location): error: …\(example.message)…, got:\n\(diagnostics.map(\.description).joined(separator: "\n"))")
  }

  @Test func validLessonHasNoDiagnosticsAndEveryField() throws {
    let (content, diagnostics) = Fixtures.parse(Fixtures.tinyLessonYAML, file: "tiny.yaml")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    guard case .lesson(let lesson) = content else {
      Issue.record("not a lesson")
      return
    }
    #expect(lesson.id == "tiny")
    #expect(lesson.title == "A tiny lesson")
    #expect(lesson.level == "10-13")
    #expect(lesson.minutes == 3)
    #expect(lesson.language == "en")
    #expect(lesson.objectives == ["Pick a long password."])
    #expect(lesson.sources == [.init(title: "NIST SP 800-63B", url: "https://pages.nist.gov/800-63-4/sp800-63b.html")])
    #expect(lesson.file == "tiny.yaml")
    #expect(lesson.steps.count == 3)
    #expect(lesson.steps[0].content == .explain("Length matters most."))
    #expect(lesson.questions.map(\.id) == ["longest", "reuse"])
    let single = try #require(lesson.questions.first)
    #expect(single.choices.map(\.isCorrect) == [false, true])
    #expect(single.location == SourceLocation(file: "tiny.yaml", line: 13, column: 5))
    #expect(lesson.questions[1].kind == .trueFalse(answer: false))
    #expect(lesson.questions[1].feedbackCorrect == "Right, one leak would open every account.")
    #expect(lesson.questions[1].feedbackWrong == "One leak would open every account.")
  }

  @Test func everyQuestionKindParses() throws {
    let yaml =
      Fixtures.lessonHeader + """
        steps:
          - {id: m, kind: multiple, prompt: P, choices: [{text: A, correct: true, feedback: F}, {text: B, feedback: F}]}
          - {id: t, kind: text, prompt: P, accept: [two factor, 2fa], typos: false, feedback: F}
          - {id: n, kind: number, prompt: P, answer: 15, tolerance: -0.5, unit: characters, feedback: F}
          - {id: o, kind: order, prompt: P, items: [Screenshot, Block, Report], feedback: F}
          - {id: s, kind: scenario, prompt: P, choices: [{text: A, correct: true, feedback: F, next: end}, {text: B, feedback: F}]}
          - {id: p, kind: text, prompt: P, pattern: "116 ?111", points: 2.5, hints: [One, Two], feedback: F}

        """
    let (content, diagnostics) = Fixtures.parse(yaml)
    // A negative tolerance is reported, but the rest of the file still parses.
    #expect(diagnostics.map(\.message) == ["`tolerance` must not be negative"])
    guard case .lesson(let lesson) = content else {
      Issue.record("not a lesson")
      return
    }
    let kinds = lesson.questions.map(\.kind)
    #expect(kinds[0] == .multiple([Choice(text: "A", isCorrect: true, feedback: "F"), Choice(text: "B", feedback: "F")]))
    #expect(kinds[1] == .text(.init(accepted: ["two factor", "2fa"], pattern: nil, forgivesTypos: false)))
    #expect(kinds[2] == .number(answer: 15, tolerance: 0.5, unit: "characters"))
    #expect(kinds[3] == .order(["Screenshot", "Block", "Report"]))
    #expect(lesson.questions[4].choices.map(\.next) == ["end", nil])
    #expect(kinds[5] == .text(.init(accepted: [], pattern: "116 ?111")))
    #expect(lesson.questions[5].points == 2.5)
    #expect(lesson.questions[5].hints == ["One", "Two"])
    #expect(lesson.questions.map(\.kindName) == ["multiple", "text", "number", "order", "scenario", "text"])
  }

  @Test func missingObjectivesSourcesAndFeedbackAreWarningsOnly() {
    let yaml = """
      id: tiny
      title: T
      topic: privacy
      level: "14-18"
      steps:
        - id: q1
          kind: single
          prompt: Which?
          choices: [{text: A, correct: true}, {text: B}]

      """
    let (content, diagnostics) = Fixtures.parse(yaml)
    #expect(diagnostics.allSatisfy { $0.severity == .warning })
    #expect(diagnostics.contains { $0.message.contains("no `objectives`") })
    #expect(diagnostics.contains { $0.message.contains("no `sources`") })
    #expect(diagnostics.filter { $0.message.contains("this choice has no `feedback`") }.count == 2)
    guard case .lesson(let lesson) = content else {
      Issue.record("a lesson with only warnings still loads")
      return
    }
    #expect(lesson.topic == "privacy")
  }

  @Test func collectsEveryProblemInOneRun() {
    let marked = MarkedText(
      """
      «root»id: tiny
      «title»titel: T
      topic: passwords
      level: «level»1013
      steps: []

      """)
    let diagnostics = Fixtures.parse(marked.text).diagnostics
    #expect(!diagnostics.errors(at: marked.location("title"), containing: "unknown field `titel`").isEmpty)
    #expect(!diagnostics.errors(at: marked.location("root"), containing: "missing required field `title`").isEmpty)
    #expect(!diagnostics.errors(at: marked.location("level"), containing: "level must be an age band").isEmpty)
    #expect(!diagnostics.errors(at: marked.location("root"), containing: "at least one step").isEmpty)
  }

  @Test func unknownPlaceholderIsAWarningAtItsStep() {
    let marked = MarkedText(
      Fixtures.lessonHeader + "steps:\n  - «here»explain: Call {{helpline}} or {{hotline}}.\n"
        + LessonDiagnosticCase.trueFalseStep)
    let diagnostics = Fixtures.parse(marked.text).diagnostics
    #expect(diagnostics.map(\.location) == [marked.location()])
    #expect(diagnostics.first?.severity == .warning)
    #expect(diagnostics.first?.message.hasPrefix("unknown placeholder {{hotline}}") == true)
  }

  @Test func emptyFileIsReportedAtTheStart() {
    let diagnostics = Fixtures.parse("# only a comment\n").diagnostics
    #expect(diagnostics.map(\.description) == ["test.yaml:1:1: error: the file is empty"])
  }

  @Test func diagnosticPrintsInEditorForm() {
    let diagnostic = Diagnostic(.error, at: SourceLocation(file: "Lessons/a.yaml", line: 3, column: 7), "bad")
    #expect(diagnostic.description == "Lessons/a.yaml:3:7: error: bad")
    #expect(Diagnostic.Severity.warning < .error)
  }
}
