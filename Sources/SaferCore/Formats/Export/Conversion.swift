import Foundation

/// `safer convert`: reads one lesson or question bank and writes it in another format.
///
/// Reading goes through `ContentFile`, so every format Safer Shell loads (YAML lessons
/// and banks, GIFT, Aiken) converts, with the same diagnostics `safer check` prints.
public enum Conversion {
  /// What `--to` accepts.
  public enum Format: String, CaseIterable, Sendable {
    /// Moodle's GIFT, for a Moodle question bank.
    case gift
    /// Safer Shell's own lesson format (`kind: bank` for banks).
    case yaml
    /// The normalised question model (docs/question-model.md).
    case json
  }

  /// The lesson or bank in `path`, and every problem found on the way.
  public static func load(path: String, format: ContentFile.Format? = nil) -> (Lesson?, [Diagnostic]) {
    let (content, problems) = ContentFile.load(path: path, format: format)
    switch content {
    case .lesson(let lesson):
      return (lesson, problems)
    case .quiz:
      let start = SourceLocation(file: path, line: 1, column: 1)
      let message = "this is a quiz file: it picks questions from lessons and holds none of its own; convert those lessons"
      return (nil, problems + [Diagnostic(.error, at: start, message)])
    case nil:
      return (nil, problems)
    }
  }

  /// The text of `lesson` in `format`, plus what the format could not hold. `output`
  /// names where the text goes, for warnings about it.
  public static func convert(
    _ lesson: Lesson, to format: Format, output: String = "(standard output)"
  ) throws -> (text: String, warnings: [Diagnostic]) {
    switch format {
    case .gift:
      return GIFTWriter.write(lesson)
    case .yaml:
      let text = YAMLWriter.write(lesson)
      return (text, checkAgain(text, output: output))
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let data = try encoder.encode(QuestionModelDocument(lesson: lesson))
      return (String(decoding: data, as: UTF8.self) + "\n", [])
    }
  }

  /// What `safer check` will say against the YAML written, as warnings at their place in
  /// it. Banks can hold what lesson files refuse (a GIFT question with two `=` answers is
  /// a single-choice question with two right answers); the teacher should hear it now.
  static func checkAgain(_ text: String, output: String) -> [Diagnostic] {
    let (_, problems) = ContentFile.parse(text: text, file: output, contentVersion: "")
    return problems.filter { $0.severity == .error }.map { problem in
      Diagnostic(.warning, at: problem.location, "`safer check` will refuse this in the converted file: \(problem.message)")
    }
  }
}
