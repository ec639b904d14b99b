/// Makes text from lesson files and user names harmless before it reaches a terminal.
///
/// A lesson file or a name could carry escape sequences that recolour the screen, move the
/// cursor, retitle the window or worse. Every control character except newline is
/// removed (tab becomes spaces), and so are the Unicode controls that reorder text
/// (bidirectional overrides), which can make a line read differently from what it is.
public enum TerminalSafe {
  public static func clean(_ text: String, keepNewlines: Bool = true, keepTabs: Bool = false) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A where keepNewlines: out.append(scalar)
      case 0x09 where keepTabs: out.append(scalar)
      case 0x09: out.append(contentsOf: "    ".unicodeScalars)
      case 0x0A, 0x0D: out.append(" ")
      case 0x00...0x1F, 0x7F...0x9F: continue
      case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: continue
      default: out.append(scalar)
      }
    }
    return String(out)
  }
}
