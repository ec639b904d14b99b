import Foundation

/// The shape of lesson, quiz and question ids: they appear in commands and file names.
enum IdentifierRules {
  static func isValid(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64 else { return false }
    let allowed = { (s: Unicode.Scalar) in ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-" }
    return allowed(first) && first != "-" && id.unicodeScalars.allSatisfy(allowed)
  }

  static func check(_ id: String, field: String, at location: SourceLocation, into problems: inout [Diagnostic]) {
    if !isValid(id) {
      problems.append(
        Diagnostic(
          .error, at: location,
          "\(field) `\(id)` may use only lowercase letters a-z, digits and '-' (at most 64), starting with a letter or digit"
        ))
    }
  }

  /// An id made from free text (a file name, a GIFT title): lowercase ASCII letters and
  /// digits with single dashes, accents dropped; `fallback` when nothing usable is left.
  static func slug(_ text: String, fallback: String) -> String {
    // Foundation's folding is slow on Linux; ASCII only needs lowercasing (GIFT banks
    // have thousands of titles).
    let folded =
      text.utf8.allSatisfy { $0 < 0x80 }
      ? text.lowercased() : text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    var slug = ""
    var dash = false
    for scalar in folded.unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        if dash && !slug.isEmpty { slug.append("-") }
        dash = false
        slug.unicodeScalars.append(scalar)
        if slug.count >= 60 { break }
      } else {
        dash = true
      }
    }
    return slug.isEmpty ? fallback : slug
  }
}
