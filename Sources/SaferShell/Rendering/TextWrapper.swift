/// Wraps text to the terminal width, measuring by display columns and ignoring the
/// invisible ANSI sequences that `Style` adds.
public struct TextWrapper: Sendable {
  public var width: Int

  public init(width: Int) { self.width = max(20, width) }

  /// Wraps one paragraph (no newlines) with `indent` on every line after the first, and
  /// `firstIndent` on the first.
  public func wrap(_ text: String, firstIndent: String = "", indent rawIndent: String = "") -> [String] {
    // An indent that leaves too little room for words is shortened, never overflowed.
    let indent = Self.visibleWidth(rawIndent) > width / 2 ? String(repeating: " ", count: width / 4) : rawIndent
    // Leading spaces are part of the layout (list indentation), not word separators.
    let leading = String(text.prefix { $0 == " " })
    var lines: [String] = []
    var line = firstIndent + leading
    var lineWidth = Self.visibleWidth(firstIndent) + leading.count
    var lineHasWord = false
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let wordWidth = Self.visibleWidth(String(word))
      if lineHasWord && lineWidth + 1 + wordWidth > width {
        lines.append(line)
        line = indent
        lineWidth = Self.visibleWidth(indent)
        lineHasWord = false
      }
      if lineHasWord {
        line += " "
        lineWidth += 1
      }
      if !lineHasWord && lineWidth + wordWidth > width {
        // A word longer than the line: break it by columns.
        for character in word {
          let w = DisplayWidth.of(character)
          if lineWidth + w > width && lineWidth > Self.visibleWidth(indent) {
            lines.append(line)
            line = indent
            lineWidth = Self.visibleWidth(indent)
          }
          line.append(character)
          lineWidth += w
        }
      } else {
        line += word
        lineWidth += wordWidth
      }
      lineHasWord = true
    }
    lines.append(line)
    return lines
  }

  /// Display width without ANSI escape sequences.
  public static func visibleWidth(_ text: String) -> Int {
    var width = 0
    var inEscape = false
    for character in text {
      if inEscape {
        if let scalar = character.unicodeScalars.first, (0x40...0x7E).contains(scalar.value), character != "[" {
          inEscape = false
        }
        continue
      }
      if character == "\u{1B}" {
        inEscape = true
        continue
      }
      width += DisplayWidth.of(character)
    }
    return width
  }
}
