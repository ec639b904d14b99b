import Foundation
import Testing

@testable import SaferCore

@Suite struct AikenParserTests {
  static let good = """
    What does a padlock in the address bar prove?
    A. The site is honest
    B. The connection is encrypted
    C) Nothing at all
    ANSWER: B

    Which password is hardest to guess?
    A) P@ss1
    B) river candle jump moon
    ANSWER: b
    """

  @Test func readsQuestionsOptionsAndAnswers() throws {
    let (bank, problems) = AikenParser.parse(text: Self.good, file: "dir/My Bank.txt", contentVersion: "v")
    #expect(problems.isEmpty)
    let lesson = try #require(bank)
    #expect(lesson.isBank)
    #expect(lesson.id == "my-bank")
    #expect(lesson.questions.map(\.id) == ["q1", "q2"])
    guard case .single(let choices) = lesson.questions[0].kind else {
      Issue.record("not a single-choice question")
      return
    }
    #expect(choices.map(\.text) == ["The site is honest", "The connection is encrypted", "Nothing at all"])
    #expect(choices.map(\.isCorrect) == [false, true, false])
    #expect(lesson.questions[1].choices[1].isCorrect, "a lowercase answer letter is accepted")
  }

  /// Moodle's importer takes options without a space after the label, and the first
  /// letter of the answer line whatever follows it.
  @Test func optionsWithoutASpaceAndAnAnswerWithItsText() throws {
    let text = """
      Is a padlock proof of honesty?
      A)Yes
      B.No
      ANSWER: B) No
      """
    let (bank, problems) = AikenParser.parse(text: text, file: "b.txt", contentVersion: "v")
    #expect(problems.isEmpty, "\(problems)")
    let question = try #require(bank?.questions.first)
    #expect(question.choices.map(\.text) == ["Yes", "No"])
    #expect(question.choices.map(\.isCorrect) == [false, true])
  }

  @Test func windowsLineEndingsAndAByteOrderMark() throws {
    let text = "\u{FEFF}" + Self.good.replacingOccurrences(of: "\n", with: "\r\n")
    let (bank, problems) = AikenParser.parse(text: text, file: "b.txt", contentVersion: "v")
    #expect(problems.isEmpty)
    #expect(bank?.questions.count == 2)
    #expect(bank?.questions.first?.prompt == "What does a padlock in the address bar prove?")
  }

  @Test func aBadQuestionIsReportedAtItsLineAndTheRestLoads() throws {
    let text = """
      First question?
      A. one
      ANSWER: A

      Second question?
      A. yes
      B. no
      ANSWER: D

      Third question?
      A. yes
      B. no
      ANSWER: B

      Fourth question?
      A. yes
      B. no
      """
    let (bank, problems) = AikenParser.parse(text: text, file: "b.txt", contentVersion: "v")
    #expect(bank?.questions.map(\.prompt) == ["Third question?"])
    #expect(problems.map { "\($0.location.line):\($0.location.column)" } == ["1:1", "8:9", "15:1"])
    #expect(problems[0].message.contains("at least two options"))
    #expect(problems[1].message.contains("`ANSWER: D` names no option; the options are A, B"))
    #expect(problems[2].message.contains("no `ANSWER:` line"))
  }

  @Test func bankFilesLoadFromFoldersAndKeepTheirGoodQuestions() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aiken-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try (Self.good + "\n\nBroken?\nA. x\nANSWER: A\n").write(
      to: folder.appendingPathComponent("class.aiken"), atomically: true, encoding: .utf8)
    try "not a bank".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let library = LessonLibrary.load(paths: [folder.path])
    #expect(library.lessons.map(\.id) == ["class"])
    #expect(library.lessons.first?.questions.count == 2)
    #expect(library.diagnostics.count == 1, "notes.txt is not read from a folder; the broken question is reported")
  }
}
