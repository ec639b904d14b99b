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
  func firstSyntax(_ word: String, from start: Int? = nil) -> Int? {
    let scalars = Array(word.unicodeScalars)
    guard let head = scalars.first else { return nil }
    var index = start ?? startIndex
    while index + scalars.count <= endIndex {
      if self[index].isSyntax(head) && matches(scalars, at: index) { return index }
      index += 1
    }
    return nil
  }

  /// Where the unescaped characters of `word` last follow one another (PHP's `strrpos`).
  func lastSyntax(_ word: String) -> Int? {
    let scalars = Array(word.unicodeScalars)
    guard !scalars.isEmpty, count >= scalars.count else { return nil }
    var index = endIndex - scalars.count
    while index >= startIndex {
      if matches(scalars, at: index) { return index }
      index -= 1
    }
    return nil
  }

  func hasSyntaxPrefix(_ word: String) -> Bool {
    let scalars = Array(word.unicodeScalars)
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
    var result = String.UnicodeScalarView()
    for glyph in self { result.append(glyph.scalar) }
    return String(result)
  }

  /// Whether the text contains the syntax character `scalar`.
  func containsSyntax(_ scalar: Unicode.Scalar) -> Bool { firstSyntax(scalar) != nil }
}
