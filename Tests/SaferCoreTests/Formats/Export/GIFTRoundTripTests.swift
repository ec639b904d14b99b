import Foundation
import Testing

@testable import SaferCore

/// GIFT → native → GIFT over the GIFT parser's whole test corpus: every question keeps its
/// meaning (type, answers, weights, feedback), and the native YAML on the way reads back
/// as the same bank.
@Suite struct GIFTRoundTripTests {
  static let corpus = ExportSupport.giftCorpus.map(\.lastPathComponent)

  @Test(arguments: corpus)
  func everyQuestionKeepsItsMeaning(file: String) throws {
    let url = ExportSupport.giftCorpus.first { $0.lastPathComponent == file }
    let text = try String(contentsOf: try #require(url), encoding: .utf8)
    // A file Moodle would reject as a whole has no questions to keep.
    guard let original = GIFTParser.parse(text: text, file: file, contentVersion: "").0 else { return }

    let yaml = YAMLWriter.write(original)
    let (native, problems) = ExportSupport.load(yaml: yaml, file: file + ".yaml")
    #expect(problems.filter { $0.severity == .error }.map(\.description) == [], "\(yaml)")
    let bank = try #require(native)
    #expect(bank.isBank)
    #expect(ExportSupport.yamlKept(bank.steps) == ExportSupport.yamlKept(original.steps), "\(yaml)")

    let (gift, _) = GIFTWriter.write(bank)
    let (again, giftProblems) = GIFTParser.parse(text: gift, file: file + ".out.gift", contentVersion: "")
    #expect(giftProblems.filter { $0.severity == .error }.map(\.description) == [], "\(gift)")
    let reread = try #require(again, "\(gift)")
    #expect(reread.steps.map(\.id) == original.steps.map(\.id), "\(gift)")
    for (before, after) in zip(original.steps, reread.steps) {
      #expect(Meaning(after) == Meaning(before), "\(gift)")
      // Through YAML an untitled question's made-up id becomes the author's own, and is
      // written as its title from then on.
      if let title = before.question?.title { #expect(after.question?.title == title) }
    }
  }

  /// GIFT → model → GIFT → model gives the very same model: ids, titles (and no invented
  /// ones), descriptions' titles, texts, weights, feedback, Moodle's ID numbers and tags.
  @Test(arguments: corpus)
  func theModelComesBackTheSame(file: String) throws {
    let url = ExportSupport.giftCorpus.first { $0.lastPathComponent == file }
    let text = try String(contentsOf: try #require(url), encoding: .utf8)
    // `safer convert` writes nothing for a file with errors, and a question left out would
    // renumber the untitled ones after it.
    let (parsed, found) = GIFTParser.parse(text: text, file: file, contentVersion: "")
    guard let original = parsed, !found.contains(where: { $0.severity == .error }) else { return }
    let (gift, _) = GIFTWriter.write(original)
    let (again, problems) = GIFTParser.parse(text: gift, file: file, contentVersion: "")
    #expect(problems.filter { $0.severity == .error }.map(\.description) == [], "\(gift)")
    let reread = try #require(again, "\(gift)")
    #expect(reread.steps.count == original.steps.count, "\(gift)")
    for (after, before) in zip(ExportSupport.placeless(reread.steps), ExportSupport.placeless(original.steps)) {
      #expect(after == before, "\(gift)")
    }
    // And once more: the written file is a fixed point.
    #expect(GIFTWriter.write(reread).text == gift)
  }

  /// What a student meets in a step, independent of how GIFT spells it: texts with
  /// Markdown's blank line before a list undone, weights as the credit each answer earns,
  /// and feedback as it is shown (an answer's own, else the question's).
  struct Meaning: Equatable, CustomStringConvertible {
    var kind: String
    var text: String
    var category: String?
    var explanation: String?
    var answers: [String]

    init(_ step: Step) {
      guard let question = step.question else {
        if case .explain(let text) = step.content { self.text = Self.plain(text) } else { text = "" }
        kind = "explanation"
        answers = []
        return
      }
      kind = question.kindName
      text = Self.plain(question.prompt)
      category = question.category
      explanation = question.explanation.map(Self.plain)
      answers = Self.answers(question)
    }

    static func plain(_ text: String) -> String {
      text.replacingOccurrences(of: "\n\n- ", with: "\n- ")
    }

    static func answers(_ question: Question) -> [String] {
      let right = question.feedbackCorrect.map(plain) ?? "-"
      let wrong = question.feedbackWrong.map(plain) ?? "-"
      func shown(_ feedback: String?, _ weight: Double) -> String {
        feedback.map(plain) ?? (weight >= 100 ? right : wrong)
      }
      func percent(_ value: Double) -> String { String(format: "%.4f", value) }
      switch question.kind {
      case .single(let choices), .scenario(let choices):
        return choices.map { "\(plain($0.text)) \(percent($0.weight ?? ($0.isCorrect ? 100 : 0))) \($0.feedback ?? "-")" }
      case .multiple(let choices):
        let weighted = choices.contains { $0.weight != nil }
        let share = 100 / Double(max(1, choices.filter(\.isCorrect).count))
        return choices.map { choice in
          let credit = weighted ? choice.weight ?? 0 : (choice.isCorrect ? share : -share)
          return "\(plain(choice.text)) \(percent(credit)) \(choice.feedback ?? "-")"
        }
      case .trueFalse(let answer):
        return ["\(answer)", "right: \(right)", "wrong: \(wrong)"]
      case .text(let spec):
        let options = spec.options.map { "\($0.text) \(percent($0.weight)) \(shown($0.feedback, $0.weight))" }.sorted()
        return options + ["pattern: \(spec.pattern ?? "-")", "typos: \(spec.forgivesTypos)", "other: \(wrong)"]
      case .number(let spec):
        let options = spec.options.map {
          "\(percent($0.minimum))..\(percent($0.maximum)) \(percent($0.weight)) \(shown($0.feedback, $0.weight))"
        }
        return options.sorted() + ["other: \(wrong)", "unit: \(spec.unit ?? "-")"]
      case .matching(let pairs):
        return pairs.map { "\(plain($0.left)) -> \($0.right)" }
      case .order(let items):
        return items
      case .essay:
        return []
      }
    }

    var description: String {
      "\(kind) {\(category ?? "")} \(text) #### \(explanation ?? "-") | \(answers.joined(separator: " | "))"
    }
  }
}
