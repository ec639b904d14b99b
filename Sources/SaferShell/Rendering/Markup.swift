/// Renders the light markup of lesson text for the terminal.
///
/// `*emphasis*`, `**strong**`, `` `code` ``; lines starting with `- ` are list items; a
/// blank line separates paragraphs; other line breaks are just spaces, so authors can
/// wrap their YAML freely and the text still fits the student's terminal.
public struct Markup {
  public var style: Style
  public var wrapper: TextWrapper

  public init(style: Style, wrapper: TextWrapper) {
    self.style = style
    self.wrapper = wrapper
  }

  /// The text as terminal lines, `indent` before each. `text` must already be clean
  /// (see `TerminalSafe`).
  public func render(_ text: String, indent: String = "") -> [String] {
    var lines: [String] = []
    var paragraph: [String] = []
    func flush() {
      guard !paragraph.isEmpty else { return }
      lines += wrapper.wrap(inline(paragraph.joined(separator: " ")), firstIndent: indent, indent: indent)
      paragraph = []
    }
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty {
        flush()
        if lines.last?.isEmpty == false { lines.append("") }
      } else if line.hasPrefix("- ") || (line.hasPrefix("* ") && !line.dropFirst(2).contains("*")) {
        flush()
        let item = String(line.dropFirst(2))
        lines += wrapper.wrap(inline(item), firstIndent: indent + "  • ", indent: indent + "    ")
      } else {
        paragraph.append(line)
      }
    }
    flush()
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  /// Inline emphasis and code.
  public func inline(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let first = rest.first {
      if first == "`", let end = rest.dropFirst().firstIndex(of: "`") {
        let code = String(rest[rest.index(after: rest.startIndex)..<end])
        out += style.enabled ? style.cyan(code) : "`\(code)`"
        rest = rest[rest.index(after: end)...]
      } else if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**") {
        out += style.bold(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound]))
        rest = rest[end.upperBound...]
      } else if first == "*", let second = rest.dropFirst().first, second != " ",
        let end = rest.dropFirst().firstIndex(of: "*")
      {
        out += style.italic(String(rest[rest.index(after: rest.startIndex)..<end]))
        rest = rest[rest.index(after: end)...]
      } else {
        out.append(first)
        rest = rest.dropFirst()
      }
    }
    return out
  }
}
