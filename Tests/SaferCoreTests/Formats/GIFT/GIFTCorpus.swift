import Foundation
import Testing

@testable import SaferCore

/// The GIFT files under `Corpus/`, each with what it must parse to.
enum GIFTCorpus {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

  /// A corpus file parsed as `ContentFile` would, but keeping a byte order mark in the
  /// text: the parser must cope with one itself. Locations name the file without a folder.
  static func parse(_ name: String) throws -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
    let data = try Data(contentsOf: folder.appendingPathComponent(name))
    return GIFTParser.parse(text: String(decoding: data, as: UTF8.self), file: name, contentVersion: "test")
  }

  /// Diagnostics as `line:column: severity: message`, for comparing with expectations.
  static func lines(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
  }

  /// Checks a parsed file against its expectation, step by step for readable failures.
  static func check(_ expected: ExpectedBank, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let (lesson, diagnostics) = try parse(expected.file)
    #expect(lines(diagnostics) == expected.diagnostics, sourceLocation: sourceLocation)
    let steps = try #require(lesson, sourceLocation: sourceLocation).steps
    #expect(steps.count == expected.steps.count, sourceLocation: sourceLocation)
    for (actual, wanted) in zip(steps, expected.steps) {
      #expect(actual == wanted, sourceLocation: sourceLocation)
    }
  }
}

/// What one corpus file must give: its steps in order and its diagnostics.
struct ExpectedBank: CustomTestStringConvertible, Sendable {
  var file: String
  var steps: [Step]
  var diagnostics: [String] = []

  var testDescription: String { file }

  init(_ file: String, diagnostics: [String] = [], steps: (StepMaker) -> [Step]) {
    self.file = file
    self.steps = steps(StepMaker(file: file))
    self.diagnostics = diagnostics
  }
}

/// Builds the steps a GIFT file should give, with their places in `file`.
struct StepMaker {
  let file: String

  func question(
    _ id: String, _ kind: Question.Kind, _ prompt: String, line: Int, column: Int = 1, title: String? = nil,
    category: String? = nil, explanation: String? = nil, right: String? = nil, wrong: String? = nil
  ) -> Step {
    let location = SourceLocation(file: file, line: line, column: column)
    var question = Question(
      id: id, kind: kind, prompt: prompt, explanation: explanation, feedbackCorrect: right, feedbackWrong: wrong,
      location: location)
    question.title = title
    question.hasGeneratedID = title == nil  // an untitled question is numbered
    question.category = category
    return Step(id: id, content: .question(question), location: location)
  }

  func explain(_ text: String, line: Int, column: Int = 1, title: String? = nil) -> Step {
    var step = Step(content: .explain(text), location: SourceLocation(file: file, line: line, column: column))
    step.title = title
    return step
  }
}

extension Question.TextAnswer {
  /// A GIFT short answer: typos are never forgiven.
  static func gift(_ options: [Question.TextOption], pattern: String? = nil) -> Question.TextAnswer {
    Question.TextAnswer(options: options, pattern: pattern, forgivesTypos: false)
  }
}
