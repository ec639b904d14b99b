import Foundation

/// Moodle 4's question ID number and tags, which its GIFT importer reads from the comment
/// lines of a question (`// [id:SAFE-1] [tag:phishing] [tag:web]`): the first `[id:…]`,
/// every `[tag:…]`, each trimmed, with `\]` standing for `]`. The writer puts them back.
enum GIFTMetadata {
  static func extract(from comments: String) -> (idNumber: String?, tags: [String]) {
    var idNumber: String?
    var tags: [String] = []
    for (label, value) in tokens(in: comments) {
      if label == "id" {
        if idNumber == nil, !value.isEmpty { idNumber = value }
      } else if !value.isEmpty {
        tags.append(value)
      }
    }
    return (idNumber, tags)
  }

  /// `[id:…]` and `[tag:…]` tokens in order. A token's value runs to the first `]` not
  /// written `\]`, and holds no line break (Moodle's "no control characters").
  private static func tokens(in text: String) -> [(String, String)] {
    var found: [(String, String)] = []
    var rest = Substring(text)
    while let open = rest.range(of: "[") {
      rest = rest[open.upperBound...]
      let label: String
      if rest.hasPrefix("id:") {
        label = "id"
      } else if rest.hasPrefix("tag:") {
        label = "tag"
      } else {
        continue
      }
      var value = ""
      var index = rest.index(rest.startIndex, offsetBy: label.count + 1)
      var closed = false
      while index < rest.endIndex {
        let character = rest[index]
        if character == "\\", rest.index(after: index) < rest.endIndex, rest[rest.index(after: index)] == "]" {
          value.append("]")
          index = rest.index(index, offsetBy: 2)
          continue
        }
        if character == "]" {
          closed = true
          break
        }
        if character.isNewline || (label == "tag" && (character == "<" || character == ">")) { break }
        value.append(character)
        index = rest.index(after: index)
      }
      if closed {
        found.append((label, value.trimmingCharacters(in: .whitespaces)))
        rest = rest[rest.index(after: index)...]
      }
    }
    return found
  }

  /// The comment line that carries them, or `nil` when there is nothing to keep.
  static func commentLine(idNumber: String?, tags: [String]) -> String? {
    func escaped(_ text: String) -> String {
      text.replacingOccurrences(of: "]", with: "\\]").replacingOccurrences(of: "\n", with: " ")
    }
    var parts: [String] = []
    if let idNumber { parts.append("[id:\(escaped(idNumber))]") }
    parts += tags.map { "[tag:\(escaped($0))]" }
    return parts.isEmpty ? nil : "// " + parts.joined(separator: " ")
  }
}
