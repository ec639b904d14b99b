/// Searching and cutting question text the way Moodle's GIFT importer does, where only
/// unescaped characters are syntax.
extension ArraySlice where Element == GIFTGlyph {
  /// Without leading and trailing whitespace (PHP's `trim`).
  func trimmed() -> GIFTText {
    var lower = startIndex
    var upper = endIndex
    while lower < upper && self[lower].isSpace { lower += 1 }
    while upper > lower && self[upper - 1].isSpace { upper -= 1 }
    return self[lower..<upper]
  }

  /// The first unescaped `scalar`, from `start` on.
  func firstSyntax(_ scalar: Unicode.Scalar, from start: Int? = nil) -> Int? {
    var index = start ?? startIndex
    while index < endIndex {
      if self[index].isSyntax(scalar) { return index }
      index += 1
    }
    return nil
  }

  /// Where the unescaped characters of `word` first follow one another.
  func firstSyntax(_ scalars: [Unicode.Scalar], from start: Int? = nil) -> Int? {
    guard let head = scalars.first else { return nil }
    var index = start ?? startIndex
    while index + scalars.count <= endIndex {
      if self[index].isSyntax(head) && matches(scalars, at: index) { return index }
      index += 1
    }
    return nil
  }

  /// Where the unescaped characters of `word` last follow one another (PHP's `strrpos`).
  func lastSyntax(_ scalars: [Unicode.Scalar]) -> Int? {
    guard !scalars.isEmpty, count >= scalars.count else { return nil }
    var index = endIndex - scalars.count
    while index >= startIndex {
      if matches(scalars, at: index) { return index }
      index -= 1
    }
    return nil
  }

  func hasSyntaxPrefix(_ scalars: [Unicode.Scalar]) -> Bool {
    return count >= scalars.count && matches(scalars, at: startIndex)
  }

  private func matches(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    for (offset, scalar) in scalars.enumerated() where !self[index + offset].isSyntax(scalar) { return false }
    return true
  }

  /// The pieces between unescaped `separator`s (PHP's `explode`), empty ones included.
  func split(onSyntax separator: Unicode.Scalar, limit: Int = .max) -> [GIFTText] {
    var pieces: [GIFTText] = []
    var start = startIndex
    var index = startIndex
    while index < endIndex && pieces.count < limit - 1 {
      if self[index].isSyntax(separator) {
        pieces.append(self[start..<index])
        start = index + 1
      }
      index += 1
    }
    pieces.append(self[start..<endIndex])
    return pieces
  }

  /// The text, escapes resolved.
  var text: String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count)
    for glyph in self {
      if glyph.scalar.isASCII {
        bytes.append(UInt8(truncatingIfNeeded: glyph.scalar.value))
      } else if let encoded = UTF8.encode(glyph.scalar) {
        bytes.append(contentsOf: encoded)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The text as written, escapes kept (`\:` stays `\:`, a `\n` stays `\n`): Moodle reads a
  /// category's path without resolving them.
  var rawText: String {
    var result = String.UnicodeScalarView()
    for glyph in self {
      if glyph.isEscaped {
        result.append("\\")
        result.append(glyph.scalar == "\n" ? "n" : glyph.scalar)
      } else {
        result.append(glyph.scalar)
      }
    }
    return String(result)
  }

  /// Whether the text contains the syntax character `scalar`.
  func containsSyntax(_ scalar: Unicode.Scalar) -> Bool { firstSyntax(scalar) != nil }
}

/// GIFT's syntax of more than one character.
enum GIFTToken {
  static let title: [Unicode.Scalar] = [":", ":"]
  static let category: [Unicode.Scalar] = Array("$CATEGORY:".unicodeScalars)
  static let generalFeedback: [Unicode.Scalar] = ["#", "#", "#", "#"]
  static let arrow: [Unicode.Scalar] = ["-", ">"]
}
