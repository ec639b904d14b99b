import Foundation

/// The text formats a GIFT text may name at its start: `[moodle]` (the default),
/// `[html]`, `[markdown]`, `[plain]`.
///
/// A question's text sets the default for its answers and feedback, as in Moodle. Each
/// becomes lesson markup for the terminal:
/// - `html`: tags turned into markup (`HTMLToText`), line breaks in the source are spaces;
/// - `moodle`: the same, but a line break in the source stays a line break (Moodle
///   shows it as one);
/// - `markdown`: already close to lesson markup; headings become `**strong**` lines,
///   `*`/`+` bullets `- ` items, `[text](url)` links `text (url)`;
/// - `plain`: shown as written (Moodle shows tags in plain text literally, and so does
///   Safer Shell).
enum GIFTTextFormat: String, CaseIterable, Sendable {
  case moodle, html, plain, markdown

  /// A text split from its leading `[format]`, trimmed. Moodle reads a format only at the
  /// very start, and keeps an unknown `[name]` as part of the text; `misspelt` names a
  /// known format such a name was probably meant to be.
  static func split(_ text: String, default format: GIFTTextFormat) -> (
    format: GIFTTextFormat, body: String, misspelt: (written: String, meant: String)?
  ) {
    // By scalars, as Moodle reads bytes: a combining mark after `]` must not hide it.
    let scalars = text.unicodeScalars
    guard scalars.first == "[", let close = scalars.firstIndex(of: "]") else { return (format, text.trimmingSpaces(), nil) }
    let name = String(scalars[scalars.index(after: scalars.startIndex)..<close])
    guard let known = GIFTTextFormat(rawValue: name) else {
      let looksLikeFormat = !name.isEmpty && name.count <= 10 && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
      let meant = looksLikeFormat ? Suggestion.closest(to: name, among: allCases.map(\.rawValue)) : nil
      return (format, text.trimmingSpaces(), meant.map { (name, $0) })
    }
    return (known, String(scalars[scalars.index(after: close)...]).trimmingSpaces(), nil)
  }

  /// The text as lesson markup.
  func render(_ body: String) -> String {
    // A byte order mark inside a text is invisible, and at a file's start would be taken
    // for the file's own.
    let body = body.contains("\u{FEFF}") ? body.replacingOccurrences(of: "\u{FEFF}", with: "") : body
    let markup =
      switch self {
      case .plain: Self.withoutControls(body).trimmingSpaces()
      case .moodle: HTMLToText.convert(body, keepsLineBreaks: true)
      case .html: HTMLToText.convert(body)
      case .markdown: Self.markdown(Self.withoutControls(body))
      }
    return Self.listsAfterBlankLines(markup)
  }

  /// Control characters other than line breaks and tabs mean nothing in a question, and
  /// never reach the terminal; every format drops them, as HTML's does, and so do short
  /// answers.
  static func withoutControls(_ text: String) -> String {
    func isControl(_ scalar: Unicode.Scalar) -> Bool {
      scalar != "\n" && scalar != "\t" && HTMLToText.isControl(scalar)
    }
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
  }

  /// A `- ` item right under a line of text gets a blank line before it: lesson markup
  /// shows the two the same, Markdown needs the blank line to start a list, and the GIFT
  /// writer puts it there, so a bank read back after writing is the same bank.
  static func listsAfterBlankLines(_ markup: String) -> String {
    guard markup.contains("\n- ") else { return markup }
    var lines: [Substring] = []
    for line in markup.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("- "), let last = lines.last, !last.isEmpty, !last.hasPrefix("- ") { lines.append("") }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// Markdown as lesson markup. Backslash escapes (`\#`, `\_`) give the plain character;
  /// a heading is a `#` at the start of a line, with or without a space after it, as in
  /// Moodle's Markdown.
  private static func markdown(_ body: String) -> String {
    var lines: [String] = []
    for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = MarkdownEscapes.protected(raw.trimmingCharacters(in: .whitespaces))
      let hashes = line.prefix { $0 == "#" }.count
      let heading = line.dropFirst(hashes).trimmingCharacters(in: CharacterSet(charactersIn: " #"))
      if (1...6).contains(hashes), !heading.isEmpty {
        lines += ["", "**\(MarkdownEscapes.restored(links(heading)))**", ""]
        continue
      }
      if line.hasPrefix("* ") || line.hasPrefix("+ ") { line = "- " + line.dropFirst(2) }
      lines.append(MarkdownEscapes.restored(strongUnderscores(links(line))))
    }
    return lines.joined(separator: "\n").trimmingSpaces()
  }

  /// Markdown's `__strong__` as markup's `**strong**`. A run of three or more underscores
  /// is a blank to fill in (`_____`), left as it is.
  private static func strongUnderscores(_ line: String) -> String {
    guard line.contains("__") else { return line }
    let range = NSRange(line.startIndex..., in: line)
    return strong.stringByReplacingMatches(in: line, range: range, withTemplate: "**$1**")
  }

  // The pattern is a constant: it cannot fail to compile.
  // swift-format-ignore: NeverUseForceTry
  private static let strong = try! NSRegularExpression(pattern: "(?<!_)__(?!_)([^_\\s](?:[^\\n]*?[^_\\s])?)(?<!_)__(?!_)")

  /// `[text](url)` as `text (url)`, `![alt](src)` as `[image: alt]`.
  private static func links(_ line: String) -> String {
    guard line.contains("](") else { return line }
    var result = ""
    var rest = Substring(line)
    while let open = rest.firstIndex(of: "[") {
      guard let close = rest[open...].firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix("("),
        let end = rest[close...].firstIndex(of: ")")
      else {
        result += rest[...open]
        rest = rest[rest.index(after: open)...]
        continue
      }
      let isImage = open > rest.startIndex && rest[rest.index(before: open)] == "!"
      result += rest[..<(isImage ? rest.index(before: open) : open)]
      let text = rest[rest.index(after: open)..<close]
      let url = rest[rest.index(close, offsetBy: 2)..<end]
      result += isImage ? "[image: \(text)]" : (text == url || text.isEmpty ? "\(url)" : "\(text) (\(url))")
      rest = rest[rest.index(after: end)...]
    }
    return result + rest
  }
}
