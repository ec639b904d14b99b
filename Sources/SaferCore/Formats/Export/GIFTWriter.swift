import Foundation

/// Writes a lesson or question bank in Moodle's GIFT format, for import into a Moodle
/// question bank (`safer convert --to gift`).
///
/// Each question becomes `::title::prompt{answers}` with per-answer `#feedback`, weights as
/// `%50%` and the explanation as general feedback (`####`); explanation steps become
/// descriptions, and `$CATEGORY:` lines are written where the category changes. Every
/// character GIFT reserves is escaped, and texts stay on one line (`\n`), since a blank
/// line ends a question.
///
/// GIFT has no order questions, branches, hints, points, units or regular expressions.
/// What it cannot hold is written in the closest form Moodle grades the same way, or
/// left out, and either way reported as a warning at the question's place, so nothing
/// disappears without the teacher knowing.
public enum GIFTWriter {
  public static func write(_ lesson: Lesson) -> (text: String, warnings: [Diagnostic]) {
    var blocks: [String] = []
    var warnings: [Diagnostic] = []
    var category: String?
    let start = SourceLocation(file: lesson.file, line: 1, column: 1)
    for step in lesson.steps {
      var report = Report(location: step.question?.location ?? step.location ?? start, name: stepName(step))
      if let next = step.next {
        report.warn("`next: \(next)` is left out, since GIFT questions always follow in file order")
      }
      switch step.content {
      case .explain(let text):
        let body = TextStyle(texts: [text]).opening(text)
        // A line starting `//` is a comment; an empty title keeps the text from starting one.
        blocks.append((title(step.title ?? step.id) ?? (body.hasPrefix("//") ? "::::" : "")) + body)
      case .question(let question):
        let style = TextStyle(question)
        guard let body = answers(for: question, style: style, report: &report) else { break }
        if let wanted = question.category, wanted != category {
          blocks.append("$CATEGORY: " + wanted.replacingOccurrences(of: "\n", with: " "))
          category = wanted
        } else if question.category == nil, let category {
          report.warn("no category, so Moodle files it under `\(category)`, the category of the question before it")
        }
        // Moodle's ID number and tags ride in a comment line, as Moodle writes them.
        let comment = GIFTMetadata.commentLine(idNumber: question.idNumber, tags: question.tags).map { $0 + "\n" } ?? ""
        // An untitled bank question stays untitled: its `q3` is not the author's name.
        let name = question.title ?? (question.hasGeneratedID ? nil : question.id)
        let prompt = style.opening(question.prompt)
        blocks.append(comment + (title(name) ?? (prompt.hasPrefix("//") ? "::::" : "")) + prompt + body)
        reportLostFields(of: question, into: &report)
      }
      warnings += report.warnings
    }
    return (blocks.joined(separator: "\n\n") + "\n", warnings)
  }

  /// Collects the warnings about one step, each naming it.
  struct Report {
    var location: SourceLocation
    var name: String
    var warnings: [Diagnostic] = []

    mutating func warn(_ message: String) {
      warnings.append(Diagnostic(.warning, at: location, "\(name): \(message)"))
    }
  }

  private static func stepName(_ step: Step) -> String {
    switch step.content {
    case .explain: step.id.map { "explanation `\($0)`" } ?? "an explanation step"
    case .question(let question): "question `\(question.id)`"
    }
  }

  /// `::name::`. Moodle takes tags out of a name (and the GIFT reader reads it as HTML),
  /// so `&`, `<` and `>` are written as entities.
  private static func title(_ name: String?) -> String? {
    name.map { name in
      let html =
        name.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" })
        ? name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
          .replacingOccurrences(of: ">", with: "&gt;") : name
      return "::" + escape(html) + "::"
    }
  }

  /// Fields every kind has that GIFT has no place for.
  private static func reportLostFields(of question: Question, into report: inout Report) {
    if !question.hints.isEmpty {
      let count = question.hints.count == 1 ? "its hint is" : "its \(question.hints.count) hints are"
      report.warn("\(count) left out (GIFT has no hints)")
    }
    if question.points != 1 {
      report.warn(
        "worth \(NumberText.shortest(question.points)) points, which GIFT cannot say; Moodle gives it the default mark (1)")
    }
    if !question.shuffleChoices {
      report.warn("`shuffle: false` is left out (GIFT cannot say it); the Moodle quiz's own setting decides")
    }
  }

  // MARK: - Text

  /// `text` with GIFT's special characters escaped and line breaks as `\n`. A backslash
  /// is doubled, as Moodle's own export does, so it never joins the next character into
  /// an escape.
  static func escape(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\", "~", "=", "#", "{", "}", ":":
        result.unicodeScalars.append("\\")
        result.unicodeScalars.append(scalar)
      case "\n": result += "\\n"
      case "\r": continue
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// How a question's texts are marked up for Moodle, which shows them as HTML.
  ///
  /// Lesson markup (`*emphasis*`, `` `code` ``, `- ` lists, blank lines between
  /// paragraphs, other line breaks as spaces) is Markdown, so a question using any of it
  /// is written `[markdown]`, and its other texts inherit that. A text holding what
  /// Markdown or Moodle would take for HTML (`<b>`, `&amp;`), or spaces they would close
  /// up, is written `[plain]`, which Moodle shows exactly as written. Everything else is
  /// the same in Moodle's own format, the default, which needs no marker.
  struct TextStyle {
    enum Format: String {
      case markdown, moodle, plain
    }

    /// The format of the question text, which the other texts inherit.
    var format: Format

    init(texts: [String?]) {
      let formats = texts.compactMap { $0.flatMap(Self.wanted) }
      let prompt = texts.first.flatMap { $0.flatMap(Self.wanted) }
      format = prompt ?? (formats.contains(.markdown) ? .markdown : .moodle)
    }

    /// Every text of the question Moodle formats, the question text first (short
    /// answers and the right-hand sides of pairs are compared or listed as they are).
    init(_ question: Question) {
      var texts: [String?] = [question.prompt, question.explanation, question.feedbackCorrect, question.feedbackWrong]
      texts += question.choices.flatMap { [$0.text, $0.feedback] }
      switch question.kind {
      case .text(let spec): texts += spec.options.map(\.feedback)
      case .number(let spec): texts += spec.options.map(\.feedback)
      case .matching(let pairs): texts += pairs.map(\.left)
      case .order(let items): texts += items
      default: break
      }
      self.init(texts: texts)
    }

    /// The format `text` needs: plain when it holds HTML-like text or spaces that
    /// Markdown (at the ends of a line) or Moodle's format (in a run) would drop,
    /// Markdown when it uses lesson markup or line breaks; `nil` when any shows it the
    /// same.
    static func wanted(_ text: String) -> Format? {
      if text.contains("<") || text.contains(/&#?[A-Za-z0-9]+;/) { return .plain }
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      if lines.contains(where: { $0.first?.isWhitespace == true || $0.last?.isWhitespace == true }) { return .plain }
      if text.contains(where: { "*`\n".contains($0) }) { return .markdown }
      return text.contains("  ") || text.contains("\t") ? .plain : nil
    }

    /// The question text, naming the format every other text of the question inherits.
    func opening(_ text: String) -> String {
      let text = trimmed(text)
      let marker = format != .moodle || text.hasPrefix("[") ? "[\(format.rawValue)]" : ""
      return marker + escape(formatted(text, as: format))
    }

    /// An answer, feedback or item, naming its format when it differs from the question's
    /// (or when it starts with `[`, which would be read as one).
    func rich(_ text: String, inShortAnswer: Bool = false) -> String {
      let text = trimmed(text)
      // `->` has no GIFT escape, and in a short answer's block it would make Moodle read
      // a matching question: only Moodle's own format can write it (as `-&gt;`).
      let own = inShortAnswer && text.contains("->") ? .moodle : Self.wanted(text) ?? format
      let marker = own != format || text.hasPrefix("[") ? "[\(own.rawValue)]" : ""
      return marker + escape(formatted(text, as: own))
    }

    /// `#feedback`, or nothing.
    func feedback(_ text: String?, inShortAnswer: Bool = false) -> String {
      guard let text, !text.isEmpty else { return "" }
      return "#" + rich(text, inShortAnswer: inShortAnswer)
    }

    /// Moodle trims every text; so does this, to keep the file tidy.
    private func trimmed(_ text: String) -> String {
      text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// In Markdown a list must follow a blank line, or it joins the paragraph before it,
    /// and what Markdown alone reads (`#`, `_`, `[`, `\`…) is escaped (`MarkdownEscapes`);
    /// in Moodle's own format `&` and `<` start HTML.
    private func formatted(_ text: String, as format: Format) -> String {
      switch format {
      case .markdown:
        return MarkdownEscapes.escaped(GIFTTextFormat.listsAfterBlankLines(text))
      case .moodle:
        // `->` too (`rich`).
        guard text.contains(where: { $0 == "&" || $0 == "<" }) || text.contains("->") else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
          .replacingOccurrences(of: ">", with: "&gt;")
      case .plain:
        return text
      }
    }
  }

  /// `\t####explanation\n` before the closing brace: Moodle's general feedback.
  static func generalFeedback(_ question: Question, _ style: TextStyle, inline: Bool = false) -> String {
    guard let explanation = question.explanation, !explanation.isEmpty else { return "" }
    return inline ? "####" + style.rich(explanation) : "\t####" + style.rich(explanation) + "\n"
  }

  // MARK: - Weights

  /// `%50%`, `%-33.33333%`: at most five decimals, as Moodle lists its grades.
  static func weight(_ percent: Double) -> String {
    "%" + decimal(percent, places: 5) + "%"
  }

  /// `percent`, warning when Moodle's import would refuse it (the GIFT reader's list of
  /// Moodle's grades).
  static func checkedWeight(_ percent: Double, report: inout Report) -> String {
    if !GIFTWeight.isMoodleGrade(percent) {
      report.warn(
        "weight \(decimal(percent, places: 5))% is not one of Moodle's grades; Moodle's import refuses it "
          + "unless told to use the nearest grade")
    }
    return weight(percent)
  }

  static func decimal(_ value: Double, places: Int) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    var text = String(format: "%.\(places)f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }
}
