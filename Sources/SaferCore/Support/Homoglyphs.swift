/// Letters that look like others: Cyrillic and Greek twins of Latin letters, digits used
/// as letters, and pairs that read as one letter (`rn` as `m`).
enum Homoglyphs {
  static let single: [Character: Character] = [
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ԁ": "d", "ѕ": "s",
    "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ο": "o", "α": "a", "ν": "v", "ρ": "p", "ι": "i", "κ": "k", "τ": "t",
    "ε": "e", "0": "o", "1": "l", "3": "e", "5": "s", "!": "i", "|": "l", "ı": "i",
  ]

  /// `text` with look-alikes replaced by the Latin letters they imitate: used on links
  /// (`LinkCheck`) and on students' names (`UserID.lookAlike`).
  static func fold(_ text: String) -> String {
    var out = String(text.lowercased().map { single[$0] ?? $0 })
    for (pair, letter) in [("rn", "m"), ("vv", "w"), ("cl", "d")] {
      out = out.replacingOccurrences(of: pair, with: letter)
    }
    return out
  }

  enum Script { case latin, cyrillic, greek, other }

  static func script(of scalar: Unicode.Scalar) -> Script? {
    guard scalar.properties.isAlphabetic else { return nil }
    switch scalar.value {
    case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
    case 0x400...0x52F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
    case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
    default: return .other
    }
  }

  /// Whether one label uses letters of two alphabets among Latin, Cyrillic and Greek.
  static func mixesScripts(_ label: String) -> Bool {
    let scripts = Set(label.unicodeScalars.compactMap(script(of:)).filter { $0 != .other })
    return scripts.count > 1
  }
}
