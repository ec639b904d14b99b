import Foundation

@testable import SaferCore

/// Helpers shared by the export tests: the bundled lessons, the GIFT corpus, and lessons
/// compared without where they were read from.
enum ExportSupport {
  static let bundledLessons = LessonLibrary.load(paths: [Checkout.lessons]).lessons

  static var bundledLessonIDs: [String] { bundledLessons.map(\.id) }

  /// The GIFT files of the parser's test corpus, whatever is there.
  static var giftCorpus: [URL] {
    let folder = GIFTCorpus.folder
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".gift") }.sorted().map { folder.appendingPathComponent($0) }
  }

  /// `text` read as a lesson file would be, with its problems.
  static func load(yaml text: String, file: String = "converted.yaml") -> (Lesson?, [Diagnostic]) {
    let (content, problems) = ContentFile.parse(text: text, file: file, contentVersion: "")
    if case .lesson(let lesson) = content { return (lesson, problems) }
    return (nil, problems)
  }

  /// Steps without file positions, which no conversion can keep.
  static func placeless(_ steps: [Step]) -> [Step] { steps.map(\.placeless) }

  /// Steps as a YAML lesson holds them: placeless, and without what only a question bank
  /// has (whether a question's id was made up, a description's title).
  static func yamlKept(_ steps: [Step]) -> [Step] {
    placeless(steps).map { step in
      var step = step
      step.title = nil
      if case .question(var question) = step.content {
        question.hasGeneratedID = false
        step.content = .question(question)
      }
      return step
    }
  }

  /// A one-question bank around `question`.
  static func bank(_ questions: [Question], explanations: [String] = []) -> Lesson {
    var steps = explanations.map { Step(content: .explain($0)) }
    steps += questions.map { Step(id: $0.id, content: .question($0)) }
    return QuestionBank.lesson(file: "bank.gift", contentVersion: "", steps: steps)
  }
}
