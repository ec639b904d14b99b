/// Turns a text question's `pattern` into the answers a Moodle short-answer question can
/// hold, when that can be done exactly.
///
/// Moodle matches short answers as whole texts, ignoring case (as `pattern` does), and its
/// only pattern is `*`, any run of characters. So a regular expression that describes a
/// few texts, such as `(https?://)?(www\.)?free-gems\.top/?`, becomes one answer per text
/// (12 here), and `.*` becomes `*`. Anything else (`\S*`, `+`, `{2}`, `\d`…) has no exact
/// Moodle form, and the caller reports it rather than exporting a looser answer.
enum ShortAnswerPattern {
  /// One piece of a Moodle short answer.
  enum Piece: Hashable {
    case literal(String)
    /// Moodle's `*`.
    case anything
  }

  /// At most this many answers: a pattern describing more is not a list of answers.
  static let limit = 24

  /// The answers `pattern` stands for, or `nil` when Moodle cannot say it exactly.
  static func answers(for pattern: String) -> [[Piece]]? {
    var scalars = Array(pattern.unicodeScalars)[...]
    if scalars.first == "^" { scalars = scalars.dropFirst() }
    if scalars.last == "$", scalars.dropLast().last != "\\" { scalars = scalars.dropLast() }
    var parser = Parser(scalars: scalars)
    guard let result = parser.alternation(), parser.scalars.isEmpty else { return nil }
    return result.map(merged)
  }

  /// Whether Moodle would accept `text` for `answer` (whole text, case ignored).
  static func matches(_ answer: [Piece], _ text: String) -> Bool {
    func match(_ pieces: ArraySlice<Piece>, _ rest: Substring) -> Bool {
      guard let first = pieces.first else { return rest.isEmpty }
      switch first {
      case .literal(let literal):
        return rest.hasPrefix(literal.lowercased()) && match(pieces.dropFirst(), rest.dropFirst(literal.lowercased().count))
      case .anything:
        var start = rest.startIndex
        while true {
          if match(pieces.dropFirst(), rest[start...]) { return true }
          guard start < rest.endIndex else { return false }
          start = rest.index(after: start)
        }
      }
    }
    return match(answer[...], Substring(text.lowercased()))
  }

  /// Joins neighbouring literals and repeated `*`s.
  private static func merged(_ pieces: [Piece]) -> [Piece] {
    var result: [Piece] = []
    for piece in pieces {
      switch (result.last, piece) {
      case (.literal(let a)?, .literal(let b)):
        result[result.count - 1] = .literal(a + b)
      case (.anything?, .anything):
        continue
      default:
        result.append(piece)
      }
    }
    return result
  }

  /// A recursive-descent reader of the small part of regular expressions Moodle can say;
  /// every method returns every text its part can stand for, or `nil`.
  private struct Parser {
    var scalars: ArraySlice<Unicode.Scalar>

    mutating func alternation() -> [[Piece]]? {
      guard var options = sequence() else { return nil }
      while scalars.first == "|" {
        scalars = scalars.dropFirst()
        guard let more = sequence() else { return nil }
        options += more
        if options.count > limit { return nil }
      }
      return options
    }

    mutating func sequence() -> [[Piece]]? {
      var result: [[Piece]] = [[]]
      while let next = scalars.first, next != "|", next != ")" {
        guard var atom = atom() else { return nil }
        if scalars.first == "?" {
          scalars = scalars.dropFirst()
          atom.append([])
        }
        if let quantifier = scalars.first, "*+{".unicodeScalars.contains(quantifier) { return nil }
        result = result.flatMap { head in atom.map { head + $0 } }
        if result.count > limit { return nil }
      }
      return result
    }

    mutating func atom() -> [[Piece]]? {
      guard let first = scalars.popFirst() else { return nil }
      switch first {
      case "(":
        if scalars.starts(with: ["?", ":"]) { scalars = scalars.dropFirst(2) }
        guard let inner = alternation(), scalars.popFirst() == ")" else { return nil }
        return inner
      case "[":
        return characterClass()
      case ".":
        guard scalars.popFirst() == "*" else { return nil }
        return [[.anything]]
      case "\\":
        if scalars.first == "u", let scalar = unicodeEscape() { return [[.literal(String(scalar))]] }
        guard let escaped = scalars.popFirst(), !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else {
          return nil
        }
        return [[.literal(String(escaped))]]
      case "?", "*", "+", "{", "^", "$":
        return nil
      default:
        return [[.literal(String(first))]]
      }
    }

    /// `u{1F512}` after a backslash (how `GIFTWildcard` writes characters that are not
    /// ASCII letters, digits or punctuation): the character.
    mutating func unicodeEscape() -> Unicode.Scalar? {
      guard scalars.starts(with: ["u", "{"]), let close = scalars.firstIndex(of: "}") else { return nil }
      let digits = String(String.UnicodeScalarView(scalars[scalars.index(scalars.startIndex, offsetBy: 2)..<close]))
      guard (1...8).contains(digits.count), let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value)
      else { return nil }
      scalars = scalars[scalars.index(after: close)...]
      return scalar
    }

    /// `[sz]`, `[a-c]`: a few characters, one answer each.
    mutating func characterClass() -> [[Piece]]? {
      var members: [Unicode.Scalar] = []
      guard scalars.first != "^" else { return nil }
      var closed = false
      while let next = scalars.popFirst() {
        if next == "]" {
          closed = true
          break
        }
        var member = next
        if member == "\\" {
          guard let escaped = scalars.popFirst(), !escaped.properties.isAlphabetic else { return nil }
          member = escaped
        }
        if scalars.first == "-", let end = scalars.dropFirst().first, end != "]" {
          scalars = scalars.dropFirst(2)
          guard member.value <= end.value, end.value - member.value < UInt32(limit) else { return nil }
          members += (member.value...end.value).compactMap(Unicode.Scalar.init)
        } else {
          members.append(member)
        }
        if members.count > limit { return nil }
      }
      return closed && !members.isEmpty ? members.map { [.literal(String($0))] } : nil
    }
  }
}
