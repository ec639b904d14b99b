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
}
