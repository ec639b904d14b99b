import Foundation

/// The file-safe id for a display name.
///
/// A student may call themselves anything (`Ana`, `Leylа Əliyeva`, `李雷`, `../../etc`), but
/// the id becomes a file name under `DATA/users/`, so it is normalised (NFKC, lowercased)
/// and restricted to letters, digits, `-` and `_`. Nothing else survives: no `/`, no `.`,
/// no control characters, so no name can reach outside that folder.
public enum UserID {
  public static let maximumLength = 48

  /// `nil` when the name has nothing usable in it (only spaces or punctuation).
  public static func make(from displayName: String) -> String? {
    let normalized = displayName.precomposedStringWithCompatibilityMapping.lowercased()
    var id = ""
    var pendingDash = false
    for scalar in normalized.unicodeScalars {
      let keep = scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal || scalar == "_"
      if keep && !scalar.properties.isDefaultIgnorableCodePoint && scalar.properties.generalCategory != .format {
        let dash = pendingDash && !id.isEmpty
        if id.unicodeScalars.count + (dash ? 2 : 1) > maximumLength { break }
        if dash { id.append("-") }
        pendingDash = false
        id.unicodeScalars.append(scalar)
      } else {
        pendingDash = true
      }
    }
    if id.isEmpty {
      let symbols = displayName.unicodeScalars.filter { $0.properties.isEmoji && $0.value > 0x7F }
      if !symbols.isEmpty {
        return String(("u" + symbols.map { String($0.value, radix: 16) }.joined(separator: "-")).prefix(maximumLength))
      }
    }
    return id.isEmpty ? nil : id
  }

  /// Whether `id` is already in the normal form (used when reading the users folder).
  public static func isValid(_ id: String) -> Bool { make(from: id) == id }
}
