/// HTML character references: `&amp;`, `&eacute;`, `&#8217;`, `&#x1F512;`.
enum HTMLEntities {
  /// The character a reference starting at `start` (an `&`) stands for, and the index
  /// after its `;`; `nil` when it is not a reference Safer Shell knows (the `&` is text).
  static func decode(_ scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
    var index = start + 1
    var name = String.UnicodeScalarView()
    while index < scalars.count, index - start <= 32, scalars[index] != ";" {
      let scalar = scalars[index]
      guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else {
        return nil
      }
      name.append(scalar)
      index += 1
    }
    guard index < scalars.count, scalars[index] == ";", !name.isEmpty else { return nil }
    let word = String(name)
    if word.hasPrefix("#") {
      let digits = word.dropFirst()
      let value: UInt32?
      if digits.first == "x" || digits.first == "X" {
        value = UInt32(digits.dropFirst(), radix: 16)
      } else {
        value = UInt32(digits, radix: 10)
      }
      guard let value, !digits.isEmpty else { return nil }
      // As browsers do: NUL, surrogates and values past Unicode become U+FFFD.
      let scalar = value == 0 ? nil : Unicode.Scalar(value)
      return (scalar ?? "\u{FFFD}", index + 1)
    }
    guard let value = named[word] else { return nil }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", index + 1)
  }

  /// The names HTML 4 defined for Latin-1, U+00A0 to U+00FF, in order.
  private static let latin1 = """
    nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 \
    acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml \
    Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde \
    Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig \
    ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide \
    oslash ugrave uacute ucirc uuml yacute thorn yuml
    """

  private static let named: [String: UInt32] = {
    var table: [String: UInt32] = [
      "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "ndash": 0x2013, "mdash": 0x2014,
      "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E,
      "hellip": 0x2026, "bull": 0x2022, "euro": 0x20AC, "trade": 0x2122, "larr": 0x2190, "uarr": 0x2191,
      "rarr": 0x2192, "darr": 0x2193, "harr": 0x2194, "rArr": 0x21D2, "lArr": 0x21D0, "le": 0x2264,
      "ge": 0x2265, "ne": 0x2260, "minus": 0x2212, "infin": 0x221E, "prime": 0x2032, "dagger": 0x2020,
      "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160,
      "scaron": 0x161, "Yuml": 0x178, "fnof": 0x192, "circ": 0x2C6, "tilde": 0x2DC, "pi": 0x3C0,
      "check": 0x2713, "hearts": 0x2665, "nbsp": 0xA0,
    ]
    for (offset, name) in latin1.split(separator: " ").enumerated() { table[String(name)] = 0xA0 + UInt32(offset) }
    return table
  }()
}
