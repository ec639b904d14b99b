/// Reads one GIFT question block as Moodle's importer does, and says what it cannot use
/// and how Moodle would read it.
///
/// The order of Moodle's decisions is kept: a block starting `$CATEGORY:` is a category;
/// `::title::` comes off the front; the first `{` and the first `}` bound the answers (none
/// at all: a description); an answer block inside the text leaves `_____` there; the
/// last `####` in the answers starts the general feedback; then the kind is decided by
/// the answers: empty is an essay, `#` first is numerical, any `~` is multiple choice, `=`
/// with `->` is matching, `T`/`TRUE`/`F`/`FALSE` is true/false, anything else short
/// answer.
struct GIFTQuestionReader {
  let file: String
  var diagnostics: [Diagnostic] = []

  enum Item {
    case category(String?)
    case description(String, SourceLocation, title: String?)
    /// A question without its id, which depends on the whole file.
    case question(Question)
    /// A question that was reported and left out; it still takes its number.
    case rejected
  }

  init(file: String) { self.file = file }

  /// `nil` for a block with nothing in it (only comments).
  mutating func read(_ block: GIFTBlock) -> Item? {
    var text = block.glyphs[...].trimmed()
    guard let first = text.first else { return nil }
    let start = at(first)
    if text.hasSyntaxPrefix(GIFTToken.category) { return category(text.dropFirst(10)) }
    var title: String?
    if text.hasSyntaxPrefix(GIFTToken.title) {
      let rest = text.dropFirst(2)
      if let end = rest.firstSyntax(GIFTToken.title) {
        let name = HTMLToText.convert(rest[..<end].text, markup: false)
        title = name.isEmpty ? nil : name
        text = rest[(end + 2)...].trimmed()
      } else {
        warning(
          "question title never closed: no `::` after the opening one, so Moodle would read the title as part of "
            + "the question text", at: start)
        text = rest
      }
    }
    let open = text.firstSyntax("{")
    let close = text.firstSyntax("}")
    if open == nil && close == nil { return description(text, title: title, at: start) }
    guard let open, let close, open < close else {
      reportBraces(text, open: open, close: close, endsFile: block.endsFile)
      return .rejected
    }
    if let inner = text[(open + 1)..<close].firstSyntax("{") {
      error(
        "`{` inside the answer block opened at \(at(text[open]).line):\(at(text[open]).column), which is not closed "
          + "first: Moodle would read everything up to the next `}` as answers (write `\\{` for a brace in text)",
        at: at(text[inner]))
      return .rejected
    }
    if let extra = text[(close + 1)...].firstIndex(where: { $0.isSyntax("{") || $0.isSyntax("}") }) {
      reportExtraBrace(text[extra], after: text[close])
      return .rejected
    }
    let blockStart = at(text[open])
    var answers = text[(open + 1)..<close].trimmed()
    let blank = close == text.endIndex - 1 ? "" : "_____"
    let (format, body) = split(text[..<open].text + blank + text[(close + 1)...].text, default: .moodle, at: start)
    let prompt = format.render(body)
    var context = AnswerContext(format: format, block: blockStart)
    var explanation: String?
    if let separator = answers.lastSyntax(GIFTToken.generalFeedback) {
      explanation = render(answers[(separator + 4)...], default: format)
      answers = answers[..<separator].trimmed()
    }
    guard let kind = kind(of: answers, &context) else { return .rejected }
    guard !prompt.isEmpty else {
      error("this question has no text, only an answer block: write the question before the `{`", at: start)
      return .rejected
    }
    var question = Question(
      id: "", kind: kind, prompt: prompt, explanation: explanation, feedbackCorrect: context.feedbackCorrect,
      feedbackWrong: context.feedbackWrong, location: start)
    question.title = title
    return .question(question)
  }

  /// What Moodle decides the answers are, read as that kind.
  private mutating func kind(of answers: GIFTText, _ context: inout AnswerContext) -> Question.Kind? {
    guard let first = answers.first else { return .essay }
    if first.isSyntax("#") { return numerical(answers.dropFirst(), &context) }
    if answers.containsSyntax("~") { return choices(answers, &context) }
    if answers.containsSyntax("="), answers.firstSyntax(GIFTToken.arrow) != nil { return matching(answers, &context) }
    var check = answers
    if let hash = answers.firstSyntax("#"), hash > answers.startIndex { check = answers[..<hash].trimmed() }
    let word = check.text
    let trueFalseWords = ["T", "TRUE", "F", "FALSE"]
    if trueFalseWords.contains(word) { return trueFalse(answers, &context) }
    if trueFalseWords.contains(word.uppercased()) {
      warning(
        "`{\(word)}` is a short-answer question to Moodle, where true/false answers are written in capitals "
          + "(`{T}`, `{TRUE}`, `{F}`, `{FALSE}`): a student would have to type `\(word)`", at: context.block)
    }
    return shortAnswer(answers, &context)
  }

  // MARK: - Blocks that are not questions

  private mutating func category(_ rest: GIFTText) -> Item {
    let lines = rest.split(onSyntax: "\n")
    if lines.count > 1, let next = lines[1].first {
      error(
        "a `$CATEGORY:` line must be followed by a blank line: Moodle would read line \(next.line) and the rest of "
          + "this block as part of the category name, and import none of it as a question", at: at(next))
    }
    let path = lines[0].trimmed().rawText
    return .category(path.isEmpty ? nil : path)
  }

  private mutating func description(_ text: GIFTText, title: String?, at start: SourceLocation) -> Item? {
    let (format, body) = split(text.text, default: .moodle, at: start)
    let rendered = format.render(body)
    guard !rendered.isEmpty else {
      warning("a title with no text after it: Moodle would import an empty description; it is left out", at: start)
      return nil
    }
    return .description(rendered, start, title: title)
  }

  // MARK: - Braces

  private mutating func reportBraces(_ text: GIFTText, open: Int?, close: Int?, endsFile: Bool) {
    if let open, close == nil {
      let end = endsFile ? "the end of the file" : "the blank line that ends this question"
      error(
        "answer block never closed: no `}` before \(end), so Moodle would reject it (write `\\{` for a brace in "
          + "text)", at: at(text[open]))
    } else if let close {
      let place = open.map { " before the `{` at \(at(text[$0]).line):\(at(text[$0]).column)" } ?? ""
      error(
        "`}` with no `{` opening an answer block\(place): Moodle would reject this question (write `\\}` for a "
          + "brace in text)", at: at(text[close]))
    }
  }

  private mutating func reportExtraBrace(_ glyph: GIFTGlyph, after close: GIFTGlyph) {
    if glyph.scalar == "{" {
      let hint = glyph.line > close.line ? " (is a blank line missing before line \(glyph.line)?)" : ""
      error(
        "a second answer block: Moodle reads only the first `{…}` of a question and would show this one as "
          + "text\(hint)", at: at(glyph))
    } else {
      error(
        "`}` after the answer block has no `{`: Moodle would show it as text (write `\\}` for a brace in text)",
        at: at(glyph))
    }
  }

  // MARK: - Text and diagnostics

  /// The text with its `[format]` taken off, and a warning for a misspelt format.
  mutating func split(_ text: String, default format: GIFTTextFormat, at location: SourceLocation) -> (
    GIFTTextFormat, String
  ) {
    let (found, body, misspelt) = GIFTTextFormat.split(text, default: format)
    if let misspelt {
      warning(
        "`[\(misspelt.written)]` is not a text format (did you mean `[\(misspelt.meant)]`?): Moodle would show it as "
          + "part of the text", at: location)
    }
    return (found, body)
  }

  /// A piece of question text rendered for the terminal; `nil` when empty.
  mutating func render(_ text: GIFTText, default format: GIFTTextFormat) -> String? {
    let location = text.first.map(at) ?? SourceLocation(file: file, line: 1, column: 1)
    let (found, body) = split(text.text, default: format, at: location)
    let rendered = found.render(body)
    return rendered.isEmpty ? nil : rendered
  }

  func at(_ glyph: GIFTGlyph) -> SourceLocation {
    SourceLocation(file: file, line: Int(glyph.line), column: Int(glyph.column))
  }

  mutating func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.error, at: location, message))
  }

  mutating func warning(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.warning, at: location, message))
  }
}

/// What the answers of one question share while they are read.
struct AnswerContext {
  /// The question text's format, the default for answers and feedback.
  var format: GIFTTextFormat
  /// Where the answer block starts (its `{`).
  var block: SourceLocation
  var feedbackCorrect: String?
  var feedbackWrong: String?
}

extension AnswerContext {
  /// `options` (short answers, number ranges) with the question's own wrong feedback taken
  /// off those worth less than full marks: they show the same without it (Safer Shell falls
  /// back to it), and the GIFT writer puts it back there, so a bank reads back the same.
  func withoutFallbackFeedback<Option>(
    _ options: [Option], weight: KeyPath<Option, Double>, feedback: WritableKeyPath<Option, String?>
  ) -> [Option] {
    guard let wrong = feedbackWrong else { return options }
    return options.map { option in
      var option = option
      if option[keyPath: weight] < 100 && option[keyPath: feedback] == wrong { option[keyPath: feedback] = nil }
      return option
    }
  }
}
