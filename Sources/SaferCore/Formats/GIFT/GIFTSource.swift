/// One character of a GIFT question, with the place it was written.
///
/// Escaped characters (`\{`, `\~`, `\n`…) are kept as the character they stand for,
/// marked so that they never count as GIFT syntax.
struct GIFTGlyph: Sendable {
  var scalar: Unicode.Scalar
  /// Written with a backslash, so literal text.
  var isEscaped: Bool
  var line: Int32
  var column: Int32

  /// Whether this is the unescaped syntax character `scalar`.
  @inline(__always)
  func isSyntax(_ other: Unicode.Scalar) -> Bool { !isEscaped && scalar == other }

  /// PHP's `trim` set, which Moodle applies everywhere.
  var isSpace: Bool {
    switch scalar {
    case " ", "\t", "\n", "\r", "\0", "\u{0B}": true
    default: false
    }
  }
}

/// A piece of a question block.
typealias GIFTText = ArraySlice<GIFTGlyph>

/// One question block: the lines between blank lines, comment lines left out, joined with
/// newlines and escapes resolved, as Moodle's importer sees a question.
struct GIFTBlock: Sendable {
  var glyphs: [GIFTGlyph]
  /// The first line of the block, comments included (where a broken block is reported).
  var firstLine: Int
  /// The block's comment lines, as written (Moodle reads `[id:…]` and `[tag:…]` there).
  var comments: String = ""
  /// Whether the file ends the block (no blank line after it), for messages that say
  /// where a question ended.
  var endsFile = false
}

/// Splits a GIFT file into question blocks.
///
/// Moodle reads a file line by line: a UTF-8 byte order mark is dropped, each line is
/// trimmed, a blank line ends a question, and a line starting with `//` is a comment
/// (a whole-line one only: `//` later in a line is text).
enum GIFTSource {
  static func blocks(in text: String) -> [GIFTBlock] {
    var blocks: [GIFTBlock] = []
    var current: [GIFTGlyph] = []
    var comments = ""
    var currentStart = 0
    var inBlock = false
    var line: [Unicode.Scalar] = []
    var lineNumber = 1
    var previous: Unicode.Scalar?
    var scalars = text.unicodeScalars[...]
    if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }

    func endLine() {
      let lower = line.firstIndex { !isTrimmed($0) } ?? line.endIndex
      let upper = (line.lastIndex { !isTrimmed($0) }).map { $0 + 1 } ?? lower
      if lower == upper {
        if inBlock { blocks.append(GIFTBlock(glyphs: current, firstLine: currentStart, comments: comments)) }
        current.removeAll(keepingCapacity: true)
        comments = ""
        inBlock = false
      } else {
        if !inBlock {
          inBlock = true
          currentStart = lineNumber
        }
        let isComment = upper - lower >= 2 && line[lower] == "/" && line[lower + 1] == "/"
        if isComment {
          comments += String(String.UnicodeScalarView(line[lower..<upper])) + "\n"
        } else {
          if let last = current.last {
            current.append(GIFTGlyph(scalar: "\n", isEscaped: false, line: last.line, column: last.column + 1))
          }
          appendResolvingEscapes(line[lower..<upper], line: lineNumber, firstColumn: lower + 1, to: &current)
        }
      }
      line.removeAll(keepingCapacity: true)
    }

    for scalar in scalars {
      if scalar == "\n" {
        if previous != "\r" { endLine() } else { line.removeAll(keepingCapacity: true) }
        lineNumber += previous == "\r" ? 0 : 1
      } else if scalar == "\r" {
        endLine()
        lineNumber += 1
      } else {
        line.append(scalar)
      }
      previous = scalar
    }
    endLine()
    if inBlock { blocks.append(GIFTBlock(glyphs: current, firstLine: currentStart, comments: comments, endsFile: true)) }
    return blocks
  }

  private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\0" || scalar == "\u{0B}"
  }

  /// Moodle's escapes: `\\` is a backslash, `\:` `\#` `\=` `\{` `\}` `\~` stand for the
  /// character, `\n` for a line break. Any other backslash is kept as written.
  private static func appendResolvingEscapes(
    _ line: ArraySlice<Unicode.Scalar>, line number: Int, firstColumn: Int, to glyphs: inout [GIFTGlyph]
  ) {
    var index = line.startIndex
    let row = Int32(clamping: number)
    while index < line.endIndex {
      let column = Int32(clamping: firstColumn + (index - line.startIndex))
      let scalar = line[index]
      if scalar == "\\", index + 1 < line.endIndex {
        let next = line[index + 1]
        let meaning: Unicode.Scalar? =
          switch next {
          case "\\", ":", "#", "=", "{", "}", "~": next
          case "n": "\n"
          default: nil
          }
        if let meaning {
          glyphs.append(GIFTGlyph(scalar: meaning, isEscaped: true, line: row, column: column))
          index += 2
          continue
        }
      }
      glyphs.append(GIFTGlyph(scalar: scalar, isEscaped: false, line: row, column: column))
      index += 1
    }
  }
}
