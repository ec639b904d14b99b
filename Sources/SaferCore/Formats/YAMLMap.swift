import Yams

/// Reads typed fields out of a YAML mapping, collecting a diagnostic for each problem
/// instead of stopping at the first, so an author sees everything in one run.
struct YAMLMap {
  let node: Node
  let file: String
  private let pairs: [(key: String, keyNode: Node, value: Node)]
  private(set) var diagnostics: [Diagnostic] = []

  /// `nil` (with a diagnostic in `problems`) when `node` is not a mapping.
  init?(_ node: Node, file: String, what: String, problems: inout [Diagnostic]) {
    guard case .mapping(let mapping) = node else {
      problems.append(
        Diagnostic(.error, at: Self.location(of: node, in: file), "\(what) must be a mapping of `key: value` lines"))
      return nil
    }
    self.node = node
    self.file = file
    self.pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
  }

  static func location(of node: Node?, in file: String) -> SourceLocation {
    SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
  }

  var location: SourceLocation { Self.location(of: node, in: file) }

  func location(of key: String) -> SourceLocation {
    Self.location(of: pairs.first { $0.key == key }?.keyNode ?? node, in: file)
  }

  func valueLocation(of key: String) -> SourceLocation {
    Self.location(of: self[key] ?? node, in: file)
  }

  var keys: [String] { pairs.map(\.key) }

  subscript(key: String) -> Node? { pairs.first { $0.key == key }?.value }

  func has(_ key: String) -> Bool { self[key] != nil }

  mutating func error(_ message: String, at location: SourceLocation? = nil) {
    diagnostics.append(Diagnostic(.error, at: location ?? self.location, message))
  }

  mutating func warning(_ message: String, at location: SourceLocation? = nil) {
    diagnostics.append(Diagnostic(.warning, at: location ?? self.location, message))
  }

  /// Warns about keys a file of this kind does not know (usually a typo).
  mutating func rejectUnknownKeys(allowed: Set<String>, what: String) {
    for pair in pairs where !allowed.contains(pair.key) {
      let suggestion = Suggestion.parenthesised(for: pair.key, among: allowed)
      error("unknown field `\(pair.key)` in \(what)\(suggestion)", at: Self.location(of: pair.keyNode, in: file))
    }
  }

  // MARK: - Typed fields

  mutating func string(_ key: String, required: Bool = false) -> String? {
    guard let value = self[key] else {
      if required { error("missing required field `\(key)`") }
      return nil
    }
    guard case .scalar(let scalar) = value else {
      error("`\(key)` must be text", at: valueLocation(of: key))
      return nil
    }
    let text = scalar.string
    if required && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      error("`\(key)` must not be empty", at: valueLocation(of: key))
      return nil
    }
    return text
  }

  mutating func int(_ key: String, required: Bool = false) -> Int? {
    guard let value = self[key] else {
      if required { error("missing required field `\(key)`") }
      return nil
    }
    guard let int = Self.int(value) else {
      error("`\(key)` must be a whole number", at: valueLocation(of: key))
      return nil
    }
    return int
  }

  mutating func double(_ key: String, required: Bool = false) -> Double? {
    guard let value = self[key] else {
      if required { error("missing required field `\(key)`") }
      return nil
    }
    guard let number = Self.double(value) else {
      error("`\(key)` must be a number", at: valueLocation(of: key))
      return nil
    }
    return number
  }

  mutating func bool(_ key: String) -> Bool? {
    guard let value = self[key] else { return nil }
    guard let bool = Self.bool(value) else {
      error("`\(key)` must be `true` or `false`", at: valueLocation(of: key))
      return nil
    }
    return bool
  }

  /// A list of texts; a single text is accepted as a list of one.
  mutating func strings(_ key: String, required: Bool = false) -> [String] {
    guard let value = self[key] else {
      if required { error("missing required field `\(key)`") }
      return []
    }
    switch value {
    case .scalar(let scalar):
      return [scalar.string]
    case .sequence(let sequence):
      var result: [String] = []
      for item in sequence {
        if case .scalar(let scalar) = item {
          result.append(scalar.string)
        } else {
          error("each item of `\(key)` must be text", at: Self.location(of: item, in: file))
        }
      }
      if required && result.isEmpty { error("`\(key)` must not be empty", at: valueLocation(of: key)) }
      return result
    default:
      error("`\(key)` must be a list", at: valueLocation(of: key))
      return []
    }
  }

  /// The items of a list field, or an error if it is missing or not a list.
  mutating func sequence(_ key: String, required: Bool = false) -> [Node] {
    guard let value = self[key] else {
      if required { error("missing required field `\(key)`") }
      return []
    }
    guard case .sequence(let sequence) = value else {
      error("`\(key)` must be a list (lines starting with `- `)", at: valueLocation(of: key))
      return []
    }
    return Array(sequence)
  }

  // MARK: - Plain scalars
  //
  // Files are composed with Yams' basic resolver, which tags nothing: resolving every
  // scalar against YAML's regular expressions took most of the start-up time. Numbers and
  // booleans are read here instead, from plain (unquoted) scalars only, as YAML would.

  static func plain(_ node: Node) -> String? {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
    return scalar.string
  }

  static func int(_ node: Node) -> Int? {
    guard let text = plain(node)?.replacingOccurrences(of: "_", with: "") else { return nil }
    if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
    return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
  }

  static func double(_ node: Node) -> Double? {
    guard let text = plain(node), let value = Double(text.hasPrefix("+") ? String(text.dropFirst()) : text),
      value.isFinite
    else { return int(node).map(Double.init) }
    return value
  }

  static func bool(_ node: Node) -> Bool? {
    switch plain(node)?.lowercased() {
    case "true", "yes", "on": true
    case "false", "no", "off": false
    default: nil
    }
  }
}
