/// Markdown's backslash escapes, as Moodle's Markdown (PHP Markdown Extra) reads them, for
/// the `[markdown]` texts of GIFT files.
///
/// Lesson markup and Markdown agree on `*emphasis*`, `**strong**`, `` `code` `` and `- `
/// items, and differ on the rest: `#` headings, `_emphasis_`, `[links](…)`, `> quotes`,
/// `1. ` lists, `---` rules and the backslash itself mean something to Markdown only. The
/// GIFT writer escapes those (`escaped`), so Moodle shows the text as the lesson means it,
/// and the GIFT reader takes the escapes off again (`protected`/`restored`), so a bank
/// written and read back is the same bank. Code spans are left alone either way, as
/// Markdown leaves them.
enum MarkdownEscapes {
  /// The characters a backslash escapes in PHP Markdown Extra.
  static let escapable: Set<Character> = [
    "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", ">", "#", "+", "-", ".", "!", ":", "|",
  ]

  /// Lesson markup as Markdown that shows the same: every line with what Markdown alone
  /// would read escaped.
  static func escaped(_ markup: String) -> String {
    markup.split(separator: "\n", omittingEmptySubsequences: false).map(escapedLine).joined(separator: "\n")
  }

  private static func escapedLine(_ line: Substring) -> String {
    var result = ""
    forEachPiece(of: line, backslashEscapes: false) { piece, isCode in
      guard !isCode else { return result += piece }
      var underscores = 0
      func flushUnderscores() {
        // A run of three or more is a blank to fill in (`_____`), which Markdown leaves be.
        result += underscores >= 3 ? String(repeating: "_", count: underscores) : String(repeating: "\\_", count: underscores)
        underscores = 0
      }
      for character in piece {
        if character == "_" {
          underscores += 1
          continue
        }
        flushUnderscores()
        if character == "\\" || character == "[" { result.append("\\") }
        result.append(character)
      }
      flushUnderscores()
    }
    return escapedStart(result)
  }

  /// A line whose start Markdown reads as a heading, quote, `+`/`*` item, numbered item or
  /// rule gets a backslash there.
  private static func escapedStart(_ line: String) -> String {
    guard let first = line.first else { return line }
    if first == "#" || first == ">" || line.hasPrefix("+ ") || line == "+" || line.hasPrefix("* ") {
      return "\\" + line
    }
    if line.allSatisfy({ "-=*_ ".contains($0) }) && !line.hasPrefix("\\") {
      // A rule, or a heading's underline; `=` has no backslash escape, so it is written
      // as a character reference, which Markdown shows as the character.
      return first == "=" ? "&#61;" + line.dropFirst() : "\\" + line
    }
    let digits = line.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(".") {
      let rest = line.dropFirst(digits.count + 1)
      if rest.isEmpty || rest.first == " " { return digits + "\\." + rest }
    }
    return line
  }

  /// One line of Markdown with every escaped character, and the insides of code spans,
  /// put out of the way of the reader's other rules (headings, links, `__strong__`);
  /// `restored` gives them back as the plain characters they stand for.
  static func protected(_ line: String) -> String {
    guard line.contains(where: { $0 == "\\" || $0 == "`" || $0 == "&" }) else { return line }
    var result = ""
    forEachPiece(of: Substring(line), backslashEscapes: true) { piece, isCode in
      guard !isCode else {
        // Code is shown as written: nothing in it may start a link or `__strong__` either.
        for character in piece {
          if character != "`", escapable.contains(character), let placeholder = placeholder(for: character) {
            result.unicodeScalars.append(placeholder)
          } else {
            result.append(character)
          }
        }
        return
      }
      var index = piece.startIndex
      while index < piece.endIndex {
        let character = piece[index]
        let next = piece.index(after: index)
        if character == "\\", next < piece.endIndex, escapable.contains(piece[next]),
          let placeholder = placeholder(for: piece[next])
        {
          result.unicodeScalars.append(placeholder)
          index = piece.index(after: next)
        } else if character == "&", let (scalar, length) = reference(in: piece[index...]) {
          // A character reference is that character, and never syntax.
          result.unicodeScalars.append(scalar.isASCII ? placeholder(for: Character(scalar)) ?? scalar : scalar)
          index = piece.index(index, offsetBy: length)
        } else {
          result.append(character)
          index = next
        }
      }
    }
    return result
  }

  static func restored(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value >= placeholderBase && $0.value < placeholderBase + 128 }) else {
      return text
    }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar.value >= placeholderBase && scalar.value < placeholderBase + 128,
        let original = Unicode.Scalar(scalar.value - placeholderBase)
      {
        result.append(original)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// The character an HTML reference at the start of `text` stands for, and how many
  /// characters the reference takes.
  private static func reference(in text: Substring) -> (Unicode.Scalar, Int)? {
    let scalars = Array(text.prefix(40).unicodeScalars)
    guard let (scalar, end) = HTMLEntities.decode(scalars, at: 0) else { return nil }
    return (scalar, String(String.UnicodeScalarView(scalars[..<end])).count)
  }

  /// Characters of Unicode's last private-use plane stand in for escaped ones.
  private static let placeholderBase: UInt32 = 0x10_0000

  private static func placeholder(for character: Character) -> Unicode.Scalar? {
    character.asciiValue.flatMap { Unicode.Scalar(placeholderBase + UInt32($0)) }
  }

  /// Calls `body` with the line cut into text and code spans (`` `…` `` closed on the same
  /// line), in order. In Markdown (`backslashEscapes`) a backslash outside code keeps the
  /// next character with it, so an escaped backtick opens nothing; in lesson markup a
  /// backslash is just a character.
  private static func forEachPiece(
    of line: Substring, backslashEscapes: Bool, _ body: (Substring, _ isCode: Bool) -> Void
  ) {
    var start = line.startIndex
    var index = line.startIndex
    while index < line.endIndex {
      let character = line[index]
      if backslashEscapes, character == "\\" {
        index = line.index(after: index)
        if index < line.endIndex { index = line.index(after: index) }
        continue
      }
      if character == "`", let close = line[line.index(after: index)...].firstIndex(of: "`") {
        if start < index { body(line[start..<index], false) }
        let end = line.index(after: close)
        body(line[index..<end], true)
        start = end
        index = end
        continue
      }
      index = line.index(after: index)
    }
    if start < line.endIndex { body(line[start...], false) }
  }
}
