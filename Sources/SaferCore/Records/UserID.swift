import Foundation

/// Who a name stands for, and the file-safe id of that student's record.
///
/// Two names are one student only when they are the same after Unicode NFKC, case folding
/// and collapsing runs of spaces (`Ana  Kola` and `ana kola`); `Ana B`, `ana-b`, `ana.b`,
/// `Ana/B`, `Ana 😀` and `Ana` are six different children. The id becomes a file name
/// under `DATA/users/`, so it is a readable part (letters, digits, `-`; never `/` or `.`)
/// plus a short hash of the canonical name, which keeps ids apart where the readable
/// parts agree. The record itself also stores the name, and the store checks it on
/// opening, so even a hash collision can never hand one child another's record.
public enum UserID {
  /// Longest name accepted, in characters.
  public static let maximumNameLength = 64
  /// Longest readable part of an id, in Unicode scalars.
  static let readableLength = 32
  /// Hex digits of the hash.
  static let hashLength = 10

  /// Why a name cannot be used.
  public enum Problem: Error, Hashable, Sendable {
    case empty
    case tooLong(Int)
    case controlCharacters
    case nothingUsable
  }

  /// The name as it identifies a student: NFKC, case-folded, spaces collapsed and trimmed.
  public static func canonical(_ name: String) -> String {
    let folded = name.precomposedStringWithCompatibilityMapping.folding(options: [.caseInsensitive], locale: nil)
    var out = ""
    var pendingSpace = false
    for character in folded {
      if character.isWhitespace {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(character)
      }
    }
    return out.precomposedStringWithCanonicalMapping
  }

  /// Whether two names that are different students' (different `canonical`) still look
  /// the same on a screen: `Anа` with a Cyrillic `а` and `Ana`. Without a terminal nobody
  /// can be asked which was meant, so such a name must not quietly start a new record.
  public static func lookAlike(_ name: String, _ other: String) -> Bool {
    let (first, second) = (canonical(name), canonical(other))
    return first != second && skeleton(first) == skeleton(second)
  }

  /// `text` with each Cyrillic or Greek twin of a Latin letter as that letter.
  static func skeleton(_ text: String) -> String { String(text.map { Homoglyphs.single[$0] ?? $0 }) }

  /// The readable part of a record's id (`ana` of `ana-e6f79c1905`), in the form that
  /// look-alike names share: the users folder can be searched by file name alone.
  static func lookAlikeKey(ofID id: String) -> String? {
    guard let dash = id.lastIndex(of: "-") else { return nil }
    return skeleton(String(id[..<dash]))
  }

  /// Checks that `name` can be a student's name.
  public static func problem(with name: String) -> Problem? {
    let trimmed = name.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty { return .empty }
    let length = trimmed.count
    if length > maximumNameLength { return .tooLong(length) }
    if trimmed.unicodeScalars.contains(where: isControl) { return .controlCharacters }
    if readablePart(of: trimmed).isEmpty { return .nothingUsable }
    return nil
  }

  /// The id for `name`, or `nil` when the name cannot be used (see `problem(with:)`).
  public static func make(from name: String) -> String? {
    guard problem(with: name) == nil else { return nil }
    let key = canonical(name)
    return readablePart(of: key) + "-" + hash(key)
  }

  /// Whether `id` has the shape `make` gives (used when reading the users folder).
  public static func isValid(_ id: String) -> Bool {
    guard let dash = id.lastIndex(of: "-") else { return false }
    let readable = id[..<dash]
    let digest = id[id.index(after: dash)...]
    return !readable.isEmpty && readable.unicodeScalars.count <= readableLength
      && readable.unicodeScalars.allSatisfy { isReadable($0) || $0 == "-" }
      && digest.count == hashLength && digest.allSatisfy(\.isHexDigit)
  }

  /// The id an older Safer Shell (record schema 1) gave `name`, to find its record.
  public static func legacy(from name: String) -> String? {
    let normalized = name.precomposedStringWithCompatibilityMapping.lowercased()
    var id = ""
    var pendingDash = false
    for scalar in normalized.unicodeScalars {
      if isReadable(scalar) {
        let dash = pendingDash && !id.isEmpty
        if id.unicodeScalars.count + (dash ? 2 : 1) > 48 { break }
        if dash { id.append("-") }
        pendingDash = false
        id.unicodeScalars.append(scalar)
      } else {
        pendingDash = true
      }
    }
    if id.isEmpty {
      let symbols = name.unicodeScalars.filter { $0.properties.isEmoji && $0.value > 0x7F }
      if !symbols.isEmpty {
        return String(("u" + symbols.map { String($0.value, radix: 16) }.joined(separator: "-")).prefix(48))
      }
    }
    return id.isEmpty ? nil : id
  }

  // MARK: - Parts

  /// Letters and digits of the canonical name, other runs turned into one `-`; emoji
  /// spelled as `u1f600` so an emoji-only name still reads as something.
  static func readablePart(of name: String) -> String {
    var id = ""
    var pendingDash = false
    for scalar in canonical(name).unicodeScalars {
      let piece: String.UnicodeScalarView
      if isReadable(scalar) {
        piece = String.UnicodeScalarView([scalar])
      } else if scalar.properties.isEmojiPresentation || (scalar.properties.isEmoji && scalar.value > 0x2000) {
        piece = ("u" + String(scalar.value, radix: 16)).unicodeScalars
        pendingDash = pendingDash || !id.isEmpty
      } else {
        pendingDash = true
        continue
      }
      let dash = pendingDash && !id.isEmpty
      if id.unicodeScalars.count + piece.count + (dash ? 1 : 0) > readableLength { break }
      if dash { id.append("-") }
      pendingDash = false
      id.unicodeScalars.append(contentsOf: piece)
    }
    return id
  }

  static func isReadable(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal || scalar == "_")
      && !scalar.properties.isDefaultIgnorableCodePoint && scalar.properties.generalCategory != .format
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
    default: false
    }
  }

  /// FNV-1a (64 bits) of the canonical name's UTF-8, as `hashLength` hex digits. Not a
  /// secret: it only keeps file names apart; the store compares the names themselves.
  static func hash(_ key: String) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key.utf8 {
      value ^= UInt64(byte)
      value = value &* 0x0000_0100_0000_01b3
    }
    let hex = String(value, radix: 16)
    return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(hashLength))
  }
}

extension UserID.Problem: CustomStringConvertible {
  public var description: String {
    switch self {
    case .empty: "A name cannot be empty."
    case .tooLong(let length):
      "That name is \(length) characters long; use at most \(UserID.maximumNameLength)."
    case .controlCharacters: "A name cannot contain control characters."
    case .nothingUsable: "A name needs at least one letter, digit or emoji."
    }
  }
}
