/// A password as the estimator sees it: Unicode scalars, as typed and lowercased.
///
/// zxcvbn counts and slices passwords by code point, so every position, length and
/// comparison here is in scalars, never in Swift's grapheme clusters: an emoji followed by
/// a combining mark is two characters to the estimator, as it is to zxcvbn.
struct PasswordText: Sendable {
  let scalars: [Unicode.Scalar]
  /// Each scalar lowercased on its own (a scalar whose lowercase is longer stays as it is,
  /// so positions keep matching `scalars`).
  let lowered: [Unicode.Scalar]

  init(_ scalars: [Unicode.Scalar]) {
    self.scalars = scalars
    self.lowered = scalars.map(Self.lowercase)
  }

  init(_ text: String) { self.init(Array(text.unicodeScalars)) }

  var count: Int { scalars.count }

  /// The characters from `start` to `end`, both included, as typed.
  func token(_ start: Int, _ end: Int) -> String {
    Self.string(scalars[start...end])
  }

  static func string<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    if scalar.value < 0x80 {
      return (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20) ?? scalar : scalar
    }
    let mapped = scalar.properties.lowercaseMapping.unicodeScalars
    return mapped.count == 1 ? mapped.first ?? scalar : scalar
  }

  // MARK: - Character classes, as zxcvbn's patterns use them

  /// A decimal digit in any script (what `\d` means to Python's `re`), and its value.
  static func digit(_ scalar: Unicode.Scalar) -> Int? {
    if (0x30...0x39).contains(scalar.value) { return Int(scalar.value - 0x30) }
    guard scalar.value >= 0x80, scalar.properties.generalCategory == .decimalNumber,
      let value = scalar.properties.numericValue
    else { return nil }
    return Int(value)
  }

  /// The number the digits spell (all of them must be digits).
  static func number<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> Int? {
    var value = 0
    for scalar in scalars {
      guard let digit = digit(scalar) else { return nil }
      value = value * 10 + digit
    }
    return value
  }

  static func isASCIIUpper(_ scalar: Unicode.Scalar) -> Bool { (0x41...0x5A).contains(scalar.value) }
  static func isASCIILower(_ scalar: Unicode.Scalar) -> Bool { (0x61...0x7A).contains(scalar.value) }

  /// Whitespace as Python's `\s` has it: Unicode white space and the four ASCII separators.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    (0x1C...0x1F).contains(scalar.value) || scalar.properties.isWhitespace
  }
}
