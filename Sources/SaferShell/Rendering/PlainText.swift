/// Plain mode (`--plain`, `SAFER_PLAIN`) for screen readers and braille displays: every
/// symbol the shell draws becomes a word or plain ASCII, so nothing is read out as
/// "check mark" or "heavy horizontal", and nothing means something by its colour alone.
///
/// The shell's own renderers say progress in words when `Style.plain` is set; this is the
/// last step on the way out, for every line, so no screen is forgotten.
public enum PlainText {
  /// Symbols at the start of a sentence, which the sentence already says.
  private static let verdictMarks: Set<Character> = ["✓", "✗", "◐"]

  private static let replacements: [(String, String)] = [
    (" ✓ right", " (right answer)"), ("✓", "(right)"), ("✗", "(wrong)"), ("◐", "(partly)"),
    ("⚠ ", "Warning: "), ("⚠", "Warning:"), ("💡 ", "Hint: "), ("🎓 ", ""), ("✎ ", ""), ("▶ ", "Starting: "), ("⏱ ", "time left "),
    ("⏱", "time left"),
    ("  · ", ", "), (" · ", ", "), ("·", ","), (" › ", " > "), ("›", ">"), ("•", "-"), ("…", "..."), ("—", "-"), ("–", "-"),
    ("━", ""), ("─", "-"), ("│", "|"), ("  ← ", " - "), ("←", "<-"), ("→", "->"),
  ]

  /// `line` with the shell's symbols as words; colour codes, if any, are kept.
  public static func translate(_ line: String) -> String {
    guard line.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return line }
    // "✓ Right!", "✗ Not quite.": the mark goes, the words stay.
    let characters = Array(line)
    var text = ""
    var index = 0
    while index < characters.count {
      if verdictMarks.contains(characters[index]), index + 2 < characters.count, characters[index + 1] == " ",
        characters[index + 2].isUppercase
      {
        index += 2
        continue
      }
      text.append(characters[index])
      index += 1
    }
    for (symbol, word) in replacements where text.contains(symbol) {
      text = text.replacingOccurrences(of: symbol, with: word)
    }
    return withoutEmoji(text)
  }

  /// Any other emoji (a lesson may hold one) as its name in words: `🔒` is "(lock)".
  private static func withoutEmoji(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isEmoji) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.value == 0xFE0F || scalar.value == 0x200D { continue }  // emoji presentation, joiner
      if isEmoji(scalar) {
        result += "(" + (scalar.properties.name?.lowercased() ?? "picture") + ")"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isEmojiPresentation || (0x1F000...0x1FAFF).contains(scalar.value)
  }
}

/// Output that passes everything through `PlainText` (plain mode). The shell writes
/// whole lines, so no symbol is ever cut in two.
public final class PlainOutput: TextOutput {
  let inner: any TextOutput

  public init(_ inner: any TextOutput) { self.inner = inner }

  public func write(_ text: String) { inner.write(PlainText.translate(text)) }
}
