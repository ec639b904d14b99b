import Foundation
import Yams

/// What one lesson or quiz file held, once read.
public enum ContentFile: Sendable {
  case lesson(Lesson)
  case quiz(Quiz)

  /// What a folder scan picks up. A `.txt` file is read (as Aiken) only when named.
  static let extensions = Set(["yaml", "yml"]).union(QuestionBank.extensions)

  /// Largest lesson, quiz or bank file read: the biggest real ones are a few dozen KB.
  static let maximumBytes = 4 * 1024 * 1024

  /// The formats a file can be read as.
  public enum Format: String, CaseIterable, Sendable {
    /// Safer Shell's YAML lessons, quizzes and banks.
    case yaml
    case gift
    case aiken
  }

  /// Reads and parses one file, in `format` or the one its extension (and, for `.txt`,
  /// its content) says. Never throws: every problem becomes a diagnostic, and a file that
  /// cannot be used at all yields `nil` content.
  static func load(path: String, format: Format? = nil) -> (ContentFile?, [Diagnostic]) {
    let start = SourceLocation(file: path, line: 1, column: 1)
    var bytes: [UInt8]
    switch BoundedFile.read(path, maximumBytes: maximumBytes) {
    case .success(let read): bytes = read
    case .failure(let problem): return (nil, [Diagnostic(.error, at: start, problem.description)])
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return (nil, [Diagnostic(.error, at: start, "this file is not UTF-8 text; save it as UTF-8")])
    }
    let version = Fingerprint.hex(bytes)
    switch format ?? Self.format(of: path, text: text) {
    case .gift:
      let (lesson, problems) = GIFTParser.parse(text: text, file: path, contentVersion: version)
      return (lesson.map(ContentFile.lesson), problems)
    case .aiken:
      let (lesson, problems) = AikenParser.parse(text: text, file: path, contentVersion: version)
      return (lesson.map(ContentFile.lesson), problems)
    case .yaml:
      return parse(text: text, file: path, contentVersion: version)
    }
  }

  /// The format by extension; a `.txt` file by what it holds, since both Moodle's GIFT
  /// export and Aiken files are named `.txt`.
  static func format(of path: String, text: String) -> Format {
    switch (path as NSString).pathExtension.lowercased() {
    case "gift": .gift
    case "aiken": .aiken
    case "txt": sniff(text)
    default: .yaml
    }
  }

  /// GIFT when the text has a GIFT answer block (`{` not escaped), a `::title::`, a
  /// `$CATEGORY:` or a `//` comment line and no Aiken `ANSWER:` lines outnumbering them;
  /// otherwise Aiken (whose messages then say what is missing).
  static func sniff(_ text: String) -> Format {
    var giftSigns = 0
    var aikenSigns = 0
    for line in text.split(whereSeparator: \.isNewline) {
      let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
      if trimmed.hasPrefix("ANSWER:") { aikenSigns += 1 }
      if trimmed.hasPrefix("::") || trimmed.hasPrefix("$CATEGORY:") || trimmed.hasPrefix("//") { giftSigns += 1 }
      var escaped = false
      for character in trimmed {
        if character == "{" && !escaped { giftSigns += 1 }
        escaped = character == "\\" && !escaped
      }
    }
    return giftSigns > aikenSigns ? .gift : .aiken
  }

  static func parse(text: String, file: String, contentVersion: String) -> (ContentFile?, [Diagnostic]) {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text, .basic) else {
        return (nil, [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "the file is empty")])
      }
      root = node
    } catch let error as YamlError {
      return (nil, [diagnostic(for: error, file: file)])
    } catch {
      return (nil, [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "\(error)")])
    }
    if !looksLikeContent(root) {
      return (
        nil,
        [
          Diagnostic(
            .error, at: SourceLocation(file: file, line: 1, column: 1),
            "this is not a lesson, quiz or question bank: it has none of their fields (`id`, `title`, `steps`, `kind`)")
        ]
      )
    }
    if root["kind"]?.string == "quiz" {
      let (quiz, problems) = QuizParser.parse(root, file: file, contentVersion: contentVersion)
      return (quiz.map(ContentFile.quiz), problems)
    }
    if let kind = root["kind"]?.string, kind != "lesson", kind != "bank" {
      let location = SourceLocation(file: file, line: root["kind"]?.mark?.line ?? 1, column: root["kind"]?.mark?.column ?? 1)
      return (nil, [Diagnostic(.error, at: location, "`kind` of a file is `lesson`, `quiz` or `bank`, not `\(kind)`")])
    }
    let isBank = root["kind"]?.string == "bank"
    let (lesson, problems) = LessonParser.parse(root, file: file, contentVersion: contentVersion, isBank: isBank)
    return (lesson.map(ContentFile.lesson), problems)
  }

  /// Whether a YAML document is meant as a lesson, quiz or bank: a mapping with at least
  /// one of their fields. Anything else (a password file, a list, a letter) is refused as
  /// a whole, without quoting its lines back as "unknown fields".
  static func looksLikeContent(_ root: Node) -> Bool {
    guard let mapping = root.mapping else { return false }
    let known = LessonParser.lessonKeys.union(QuizParser.quizKeys)
    return mapping.keys.contains { $0.string.map(known.contains) ?? false }
  }

  private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
    func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
      return Diagnostic(.error, at: at(mark), "this is not valid YAML: \(detail)")
    case .reader(let problem, _, _, _):
      return Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "cannot read this file: \(problem)")
    default:
      return Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "this is not valid YAML: \(error)")
    }
  }
}
