import Foundation
import Testing

@testable import SaferCore

/// `safer convert --to yaml`: what is written reads back as the very same lesson.
@Suite struct YAMLWriterTests {
  @Test(arguments: ExportSupport.bundledLessonIDs)
  func everyBundledLessonSurvivesTheRoundTrip(id: String) throws {
    let lesson = try #require(ExportSupport.bundledLessons.first { $0.id == id })
    let yaml = YAMLWriter.write(lesson)
    let (again, problems) = ExportSupport.load(yaml: yaml)
    #expect(problems.filter { $0.severity == .error }.map(\.description) == [])
    let reread = try #require(again, "\(yaml)")
    #expect(ExportSupport.placeless(reread.steps) == ExportSupport.placeless(lesson.steps))
    #expect(reread.isBank == false)
    #expect(
      [reread.id, reread.title, reread.topic, reread.level, reread.language]
        == [lesson.id, lesson.title, lesson.topic, lesson.level, lesson.language])
    #expect(reread.minutes == lesson.minutes && reread.objectives == lesson.objectives && reread.sources == lesson.sources)
  }

  @Test func anAikenBankBecomesABankFile() throws {
    let aiken = "Which link is safe?\nA. http://bank.example.evil.io\nB) https://bank.example\nANSWER: B\n"
    let bank = try #require(AikenParser.parse(text: aiken, file: "links.aiken", contentVersion: "v").0)
    let yaml = YAMLWriter.write(bank)
    #expect(
      yaml == """
        kind: bank
        id: links
        title: links
        steps:
          - id: q1
            kind: single
            prompt: Which link is safe?
            choices:
              - text: http://bank.example.evil.io
              - text: https://bank.example
                correct: true

        """)
    let (again, problems) = ExportSupport.load(yaml: yaml)
    #expect(problems.filter { $0.severity == .error }.isEmpty)
    #expect(again?.isBank == true)
    #expect(again.map { ExportSupport.yamlKept($0.steps) } == ExportSupport.yamlKept(bank.steps))
  }

  /// Texts YAML would otherwise read as something else, or change.
  static let awkwardTexts = [
    "true", "No", "null", "~", "10-13", "3.14", "-5", ".5", "0x1F", "2026-02-10", "a: b", "a #b", "ends with:",
    "#hashtag", "- dash", "? question", "*star*", "`code`", "'quoted'", "\"double\"", "@user", "%50%", "{x}", "[x]",
    " leading", "trailing ", "tab\tinside", "back\\slash", "line\nbreak", "para\n\nends\n", "two\n\n", "\nleads",
    "  indented\nblock", "trailing space \nline", "é ñ 中文 🙂", "nel\u{85}x", "ls\u{2028}x", "bell\u{7}", "bom\u{FEFF}",
    "=", "<<", "|", ">",
  ]

  @Test(arguments: awkwardTexts)
  func awkwardTextsReadBackUnchanged(text: String) throws {
    var question = Question(
      id: "q", kind: .text(.init(options: [.init(text: text, weight: 50, feedback: text), .init(text: "ok")])),
      prompt: text, hints: [text], explanation: text, feedbackCorrect: text, feedbackWrong: text)
    question.title = text
    question.category = text
    var bank = ExportSupport.bank([question], explanations: [text])
    bank.title = text
    let yaml = YAMLWriter.write(bank)
    let reread = try #require(ExportSupport.load(yaml: yaml).0, "\(yaml)")
    #expect(reread.title == text)
    #expect(ExportSupport.yamlKept(reread.steps) == ExportSupport.yamlKept(bank.steps), "\(yaml)")
  }

  @Test func numbersAreWrittenSoTheyReadBackExactly() throws {
    let options: [Question.NumericOption] = [
      .init(value: 15, tolerance: 0), .init(minimum: 0.1, maximum: 0.3, weight: 50, feedback: "close"),
      .init(value: 1822, tolerance: 5, weight: 33.333333333333336), .init(minimum: -2.5, maximum: 1e-7, weight: -20),
    ]
    let question = Question(id: "n", kind: .number(.init(options: options, unit: "%")), prompt: "How many?")
    let bank = ExportSupport.bank([question])
    let yaml = YAMLWriter.write(bank)
    #expect(yaml.contains("min: 0.1\n") && yaml.contains("answer: 1822\n") && yaml.contains("unit: \"%\""), "\(yaml)")
    let reread = try #require(ExportSupport.load(yaml: yaml).0)
    #expect(reread.questions.first?.kind == question.kind)
  }

  @Test func everyKindAndOptionalFieldReadsBack() throws {
    var single = Question(
      id: "single", kind: .single([Choice(text: "a", feedback: "no"), Choice(text: "b", isCorrect: true, weight: 100)]),
      prompt: "Pick", points: 2.5)
    single.shuffleChoices = false
    let questions = [
      single,
      Question(
        id: "multi",
        kind: .multiple([
          Choice(text: "a", isCorrect: true, weight: 50), Choice(text: "b", weight: 100), Choice(text: "c", weight: -100),
        ]), prompt: "Pick"),
      Question(id: "tf", kind: .trueFalse(answer: true), prompt: "True?", feedbackCorrect: "Yes"),
      Question(
        id: "text", kind: .text(.init(options: [], pattern: "a+b", forgivesTypos: false)), prompt: "Type",
        feedbackWrong: "No"),
      Question(id: "number", kind: .number(answer: 2, tolerance: 0.5, unit: "years"), prompt: "How old?"),
      Question(id: "order", kind: .order(["a", "b"]), prompt: "Order"),
      Question(id: "match", kind: .matching([.init(left: "a", right: "1"), .init(left: "b", right: "1")]), prompt: "Pair"),
      Question(id: "essay", kind: .essay, prompt: "Write", explanation: "Your teacher reads it."),
    ]
    var bank = ExportSupport.bank(questions)
    bank.steps[5].next = "match"
    bank.steps.append(Step(id: "bye", content: .explain("Bye."), next: "end"))
    let yaml = YAMLWriter.write(bank)
    let (again, problems) = ExportSupport.load(yaml: yaml)
    #expect(problems.filter { $0.severity == .error }.map(\.description) == [])
    #expect(again.map { ExportSupport.yamlKept($0.steps) } == ExportSupport.yamlKept(bank.steps), "\(yaml)")
  }
}
