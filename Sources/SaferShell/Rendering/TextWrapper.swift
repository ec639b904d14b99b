/// Wraps text to the terminal width, measuring by display columns and ignoring the
/// invisible ANSI sequences that `Style` adds.
public struct TextWrapper: Sendable {
  public var width: Int

  public init(width: Int) { self.width = max(20, width) }

  /// Wraps one paragraph (no newlines) with `indent` on every line after the first, and
  /// `firstIndent` on the first.
  public func wrap(_ text: String, firstIndent: String = "", indent rawIndent: String = "") -> [String] {
    // An indent that leaves too little room for words is shortened, never overflowed.
    let indent = DisplayWidth.visible(rawIndent) > width / 2 ? String(repeating: " ", count: width / 4) : rawIndent
    // Leading spaces are part of the layout (list indentation), not word separators.
    let leading = String(text.prefix { $0 == " " })
    var lines: [String] = []
    var line = firstIndent + leading
    var lineWidth = DisplayWidth.visible(firstIndent) + leading.count
    var lineHasWord = false
    // Each word keeps the spaces before it while it stays on the same line, so spaces that
    // align columns survive; at a line break they are dropped.
    for (gap, word) in Self.words(in: String(text.dropFirst(leading.count))) {
      let wordWidth = DisplayWidth.visible(word)
      if lineHasWord && lineWidth + gap + wordWidth > width {
        lines.append(line)
        line = indent
        lineWidth = DisplayWidth.visible(indent)
        lineHasWord = false
      }
      if lineHasWord {
        line += String(repeating: " ", count: gap)
        lineWidth += gap
      }
      if !lineHasWord && lineWidth + wordWidth > width {
        // A word longer than the line: break it by columns.
        for character in word {
          let w = DisplayWidth.of(character)
          if lineWidth + w > width && lineWidth > DisplayWidth.visible(indent) {
            lines.append(line)
            line = indent
            lineWidth = DisplayWidth.visible(indent)
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

  /// The words of `text`, each with the number of spaces before it.
  static func words(in text: String) -> [(gap: Int, word: String)] {
    var result: [(gap: Int, word: String)] = []
    var gap = 0
    var word = ""
    for character in text {
      if character == " " {
        if !word.isEmpty {
          result.append((gap, word))
          word = ""
          gap = 0
        }
        gap += 1
      } else {
        word.append(character)
      }
    }
    if !word.isEmpty { result.append((gap, word)) }
    return result
  }
}
