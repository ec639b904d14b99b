/// Turns the HTML of question-bank text into terminal text with the lesson markup.
///
/// GIFT text in `[html]` or Moodle's own format (the default) may hold tags. None of them
/// reaches the screen: `<b>`/`<strong>` become `**strong**`, `<i>`/`<em>` `*emphasis*`,
/// `<code>` `` `code` ``, list items `- ` lines, block elements paragraphs, `<br>` a line
/// break; a link keeps its address in brackets when it differs from the link text (in a
/// lesson about online safety, where a link really goes matters); an image becomes
/// `[image: alt]`; scripts, styles and comments are dropped; entities are decoded. Text that
/// only looks like a tag (`a < b`) stays as it is.
enum HTMLToText {
  /// `keepsLineBreaks`: Moodle's own format, where a line break in the source is a
  /// line break on the page. `markup: false` gives plain text on one line (for titles).
  static func convert(_ html: String, keepsLineBreaks: Bool = false, markup: Bool = true) -> String {
    if isAlreadyText(html, keepsLineBreaks: keepsLineBreaks) { return html.trimmingSpaces() }
    return convertTags(html, keepsLineBreaks: keepsLineBreaks, markup: markup)
  }

  /// The whole conversion, without `convert`'s shortcut for text with nothing to convert
  /// (the fuzzer checks that both agree).
  static func convertTags(_ html: String, keepsLineBreaks: Bool, markup: Bool) -> String {
    let scalars = Array(html.unicodeScalars)
    var writer = HTMLTextWriter(markup: markup)
    let lastClose = scalars.lastIndex(of: ">") ?? -1
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "<", let tag = HTMLTag.parse(scalars, at: index, lastClose: lastClose) {
        index = tag.end
        if let skipUntil = tag.skipsContent {
          index = HTMLTag.end(of: skipUntil, in: scalars, from: index, lastClose: lastClose)
        } else {
          writer.apply(tag)
        }
      } else if scalar == "&", let (decoded, end) = HTMLEntities.decode(scalars, at: index) {
        index = end
        if decoded == "\u{A0}" {
          writer.space()
        } else if decoded != "\u{AD}" && !isControl(decoded) {  // a soft hyphen is invisible
          writer.character(decoded)
        }
      } else {
        index += 1
        switch scalar {
        case "\n" where keepsLineBreaks && !writer.isPreformatted: writer.lineBreak()
        case "\n" where writer.isPreformatted: writer.lineBreak()
        case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}": writer.space()
        default: if !isControl(scalar) { writer.character(scalar) }
        }
      }
    }
    return writer.result
  }

  /// Whether the text has nothing to convert: no tag, entity, control character, or
  /// whitespace a browser would collapse (most question text; checked quickly).
  private static func isAlreadyText(_ text: String, keepsLineBreaks: Bool) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "<"), UInt8(ascii: "&"), 0x7F, 0xC2: return false  // 0xC2 starts U+0080…U+00BF
      case UInt8(ascii: "\n"):
        if !keepsLineBreaks || previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\n") { return false }
      case UInt8(ascii: " "):
        if previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\n") { return false }
      case 0..<0x20: return false
      default: break
      }
      previous = byte
    }
    return true
  }

  /// Control characters never reach the terminal (TerminalSafe cleans again when showing).
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}

extension StringProtocol {
  /// Without leading or trailing whitespace and line breaks.
  func trimmingSpaces() -> String {
    let string = String(self)
    if let first = string.utf8.first, let last = string.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
      return string
    }
    let scalars = string.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[first...last])
    return String(view)
  }
}

/// Accumulates terminal text: collapses whitespace, places line and paragraph breaks,
/// keeps emphasis markers tight around their words.
struct HTMLTextWriter {
  let markup: Bool
  private var output: [Unicode.Scalar] = []
  private var pendingSpace = false
  private var pendingBreaks = 0
  /// Length of an opening marker that nothing has followed yet.
  private var openMarker: Int?
  private var links: [(start: Int, href: String?)] = []
  private var preformatted = 0

  init(markup: Bool) { self.markup = markup }

  var isPreformatted: Bool { preformatted > 0 }

  var result: String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: output)
    return String(view).trimmingSpaces()
  }

  mutating func character(_ scalar: Unicode.Scalar) {
    flush()
    output.append(scalar)
  }

  mutating func space() {
    if isPreformatted {
      character(" ")
    } else if let length = openMarker {
      // `<b> word</b>`: the space belongs before the marker.
      let markerStart = output.count - length
      if markerStart > 0 && !output[markerStart - 1].properties.isWhitespace {
        output.insert(" ", at: markerStart)
      }
    } else {
      pendingSpace = true
    }
  }

  /// Without markup (titles) text stays on one line.
  /// Two line breaks in a row (`<br><br>`, or two in Moodle's format) leave a blank line.
  mutating func lineBreak() { if markup { pendingBreaks = min(2, pendingBreaks + 1) } else { space() } }
  /// A new line for an item or a row, however many breaks came before it.
  mutating func newLine() { if markup { pendingBreaks = max(1, pendingBreaks) } else { space() } }
  mutating func paragraph() { if markup { pendingBreaks = 2 } else { space() } }

  private mutating func flush() {
    if pendingBreaks > 0 {
      if !output.isEmpty {
        while output.last == " " { output.removeLast() }
        let existing = output.reversed().prefix { $0 == "\n" }.count
        output.append(contentsOf: Array(repeating: "\n", count: max(0, pendingBreaks - existing)))
      }
      pendingBreaks = 0
      pendingSpace = false
    } else if pendingSpace {
      if let last = output.last, last != "\n", last != " " { output.append(" ") }
      pendingSpace = false
    }
    openMarker = nil
  }

  private mutating func open(_ marker: String) {
    guard markup else { return }
    flush()
    output.append(contentsOf: marker.unicodeScalars)
    openMarker = marker.unicodeScalars.count
  }

  private mutating func close(_ marker: String) {
    guard markup else { return }
    let scalars = Array(marker.unicodeScalars)
    if openMarker != nil, output.count >= scalars.count, Array(output.suffix(scalars.count)) == scalars {
      output.removeLast(scalars.count)  // nothing was emphasised
      openMarker = nil
      return
    }
    output.append(contentsOf: scalars)
  }

  mutating func apply(_ tag: HTMLTag) {
    switch tag.name {
    case "b", "strong": tag.isClosing ? close("**") : open("**")
    case "i", "em", "cite", "dfn", "var": tag.isClosing ? close("*") : open("*")
    case "code", "tt", "kbd", "samp": tag.isClosing ? close("`") : open("`")
    case "br": lineBreak()
    case "h1", "h2", "h3", "h4", "h5", "h6":
      if tag.isClosing {
        close("**")
        paragraph()
      } else {
        paragraph()
        open("**")
      }
    case "pre":
      paragraph()
      preformatted = max(0, preformatted + (tag.isClosing ? -1 : 1))
    case "li", "dt":
      if !tag.isClosing {
        newLine()
        if markup {
          flush()
          output.append(contentsOf: "- ".unicodeScalars)
        }
      }
    case "dd", "tr": if !tag.isClosing { newLine() }
    case "td", "th": space()
    case "img": image(alt: tag.attributes["alt"])
    case "a": tag.isClosing ? closeLink() : links.append((output.count, tag.attributes["href"]))
    case "p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "blockquote", "ul", "ol",
      "dl", "table", "hr", "figure", "figcaption", "address", "center", "form", "fieldset", "details", "summary":
      paragraph()
    default: break
    }
  }

  private mutating func image(alt: String?) {
    let text = alt.map { HTMLToText.convert($0, markup: false) } ?? ""
    for scalar in (text.isEmpty ? "[image]" : "[image: \(text)]").unicodeScalars { character(scalar) }
  }

  private mutating func closeLink() {
    guard let link = links.popLast(), let raw = link.href else { return }
    let href = HTMLToText.convert(raw, markup: false)
    let lowered = href.lowercased()
    guard ["http://", "https://", "mailto:", "ftp://"].contains(where: lowered.hasPrefix) else { return }
    let start = min(link.start, output.count)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: output[start...])
    let shown = String(view).trimmingSpaces().lowercased()
    func bare(_ address: String) -> String {
      var address = address
      for prefix in ["mailto:", "https://", "http://"] where address.hasPrefix(prefix) {
        address.removeFirst(prefix.count)
      }
      while address.hasSuffix("/") { address.removeLast() }
      return address
    }
    if bare(shown) == bare(lowered) { return }
    for scalar in (shown.isEmpty ? href : " (\(href))").unicodeScalars { character(scalar) }
  }
}
