/// A small YAML document tree and its rendering, for `YAMLWriter`.
///
/// Hand-written instead of Yams' emitter so converted files read like the ones people
/// write in `Lessons/`: block style, keys in the documented order, multi-line text as
/// `|` blocks, and quotes only where YAML needs them to keep a text a text.
indirect enum YAMLText {
  case text(String)
  /// A number or `true`/`false`, written as it is.
  case literal(String)
  case list([YAMLText])
  case map([(key: String, value: YAMLText)])

  static func number(_ value: Double) -> YAMLText { .literal(NumberText.shortest(value)) }

  /// The document's lines, each without its line break.
  func lines(indent: Int = 0) -> [String] {
    switch self {
    case .map(let pairs): return Self.mapLines(pairs, indent: indent)
    case .list(let items): return Self.listLines(items, indent: indent)
    case .text, .literal: return inline(indent: indent).map { [$0.head] + $0.block } ?? []
    }
  }

  /// How a scalar sits after `key:` or `- `: the rest of that line, plus block lines.
  private func inline(indent: Int) -> (head: String, block: [String])? {
    switch self {
    case .literal(let value): return (value, [])
    case .text(let text):
      if let block = Self.literalBlock(text, indent: indent) { return block }
      return (Self.isPlainSafe(text) ? text : Self.doubleQuoted(text), [])
    case .list(let items) where items.isEmpty: return ("[]", [])
    case .map(let pairs) where pairs.isEmpty: return ("{}", [])
    default: return nil
    }
  }

  private static func mapLines(_ pairs: [(key: String, value: YAMLText)], indent: Int) -> [String] {
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = []
    for (key, value) in pairs {
      if let (head, block) = value.inline(indent: indent + 2) {
        lines.append("\(pad)\(key): \(head)")
        lines += block
      } else {
        lines.append("\(pad)\(key):")
        lines += value.lines(indent: indent + 2)
      }
    }
    return lines
  }

  /// A map inside a list starts on the `- ` line, its other keys lined up under the first.
  private static func listLines(_ items: [YAMLText], indent: Int) -> [String] {
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = []
    for item in items {
      if let (head, block) = item.inline(indent: indent + 2) {
        lines.append("\(pad)- \(head)")
        lines += block
      } else {
        var nested = item.lines(indent: indent + 2)
        if case .map = item, !nested.isEmpty {
          nested[0] = pad + "- " + nested[0].dropFirst(indent + 2)
        } else {
          nested.insert(pad + "-", at: 0)
        }
        lines += nested
      }
    }
    return lines
  }

  // MARK: - Scalars

  /// Whether `text` can be written without quotes and still read back as the same text
  /// (not a number, a boolean, null, a comment or a mapping).
  static func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
    if " \t".unicodeScalars.contains(first) || " \t".unicodeScalars.contains(last) { return false }
    if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
    if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
    if text.unicodeScalars.contains(where: { needsEscape($0) || $0 == "\n" || $0 == "\t" }) { return false }
    if resolvesToOtherType(text) { return false }
    return true
  }

  /// Words and shapes YAML 1.1 or 1.2 readers take for something other than text.
  private static func resolvesToOtherType(_ text: String) -> Bool {
    let words: Set<String> = [
      "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", ".inf", "-.inf", "+.inf", ".nan", "<<", "=",
    ]
    if words.contains(text.lowercased()) { return true }
    let scalars = Array(text.unicodeScalars)
    let isDigit = { (s: Unicode.Scalar) in ("0"..."9").contains(s) }
    if isDigit(scalars[0]) { return true }
    return scalars.count > 1 && "+-.".unicodeScalars.contains(scalars[0]) && (isDigit(scalars[1]) || scalars[1] == ".")
  }

  /// Characters a YAML file cannot hold as they are: controls and Unicode line breaks.
  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
      || [0x2028, 0x2029, 0xFEFF].contains(scalar.value)
  }

  /// A `|` block for multi-line text, when the text survives one exactly: the chomping
  /// indicator keeps the number of final line breaks, and texts with leading or
  /// trailing blanks on a line (which a block would blur) are quoted instead.
  private static func literalBlock(_ text: String, indent: Int) -> (head: String, block: [String])? {
    guard text.contains("\n"), !text.unicodeScalars.contains(where: needsEscape) else { return nil }
    var body = Substring(text)
    var breaks = 0
    while body.hasSuffix("\n") {
      body = body.dropLast()
      breaks += 1
    }
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.first, let start = first.first, start != " ", start != "\t",
      !lines.contains(where: { $0.last == " " || $0.last == "\t" })
    else { return nil }
    let pad = String(repeating: " ", count: indent)
    let block = lines.map { $0.isEmpty ? "" : pad + $0 } + Array(repeating: "", count: max(0, breaks - 1))
    return (breaks == 0 ? "|-" : breaks == 1 ? "|" : "|+", block)
  }

  static func doubleQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "\"": result += "\\\""
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      case "\u{85}": result += "\\N"
      case "\u{2028}": result += "\\L"
      case "\u{2029}": result += "\\P"
      case "\u{FEFF}": result += "\\uFEFF"
      default:
        if needsEscape(scalar) {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          result += "\\x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}

/// Numbers as people write them: `15`, not `15.0`; otherwise the shortest text that reads
/// back as the same `Double`.
enum NumberText {
  static func shortest(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
    return "\(value)"
  }
}
