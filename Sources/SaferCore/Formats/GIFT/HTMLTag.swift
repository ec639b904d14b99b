/// One tag (or comment) in HTML text, as far as turning it into terminal text needs.
struct HTMLTag {
  /// Lowercased; `!` for comments, doctypes and processing instructions.
  var name: String
  var isClosing: Bool
  var attributes: [String: String]
  /// The index just after the tag.
  var end: Int

  /// Elements whose content is never shown: the caller skips to their closing tag.
  var skipsContent: String? {
    !isClosing && ["script", "style", "head", "title", "template"].contains(name) ? name : nil
  }

  /// The tag starting at `start` (a `<`), or `nil` when the `<` is just text: not
  /// followed by a letter, `/`+letter, `!` or `?`, or with no `>` after it (`lastClose`
  /// is the index of the text's last `>`). As in browsers, a comment or a quoted
  /// attribute value that is never closed runs to the end of the text.
  static func parse(_ scalars: [Unicode.Scalar], at start: Int, lastClose: Int) -> HTMLTag? {
    var index = start + 1
    guard index < scalars.count else { return nil }
    if scalars[index...].starts(with: "!--".unicodeScalars) {
      let end = find("-->", in: scalars, from: index + 3).map { $0 + 3 } ?? scalars.count
      return HTMLTag(name: "!", isClosing: false, attributes: [:], end: end)
    }
    guard lastClose > start else { return nil }
    if scalars[index] == "!" || scalars[index] == "?" {
      guard let close = scalars[index...].firstIndex(of: ">") else { return nil }
      return HTMLTag(name: "!", isClosing: false, attributes: [:], end: close + 1)
    }
    let isClosing = scalars[index] == "/"
    if isClosing { index += 1 }
    guard index < scalars.count, isLetter(scalars[index]) else { return nil }
    var name = String.UnicodeScalarView()
    while index < scalars.count, isLetter(scalars[index]) || ("0"..."9").contains(scalars[index]) {
      name.append(contentsOf: String(scalars[index]).lowercased().unicodeScalars)
      index += 1
    }
    var attributes: [String: String] = [:]
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == ">" {
        return HTMLTag(name: String(name), isClosing: isClosing, attributes: attributes, end: index + 1)
      }
      if scalar.properties.isWhitespace || scalar == "/" {
        index += 1
        continue
      }
      var key = String.UnicodeScalarView()
      while index < scalars.count, !scalars[index].properties.isWhitespace, !["=", ">", "/"].contains(scalars[index]) {
        key.append(scalars[index])
        index += 1
      }
      if key.isEmpty {
        index += 1  // a stray `=`
        continue
      }
      while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
      var value = String.UnicodeScalarView()
      if index < scalars.count, scalars[index] == "=" {
        index += 1
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
          let quote = scalars[index]
          index += 1
          while index < scalars.count, scalars[index] != quote {
            value.append(scalars[index])
            index += 1
          }
          index += 1
        } else {
          while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != ">" {
            value.append(scalars[index])
            index += 1
          }
        }
      }
      attributes[String(key).lowercased()] = String(value)
    }
    return HTMLTag(name: String(name), isClosing: isClosing, attributes: attributes, end: scalars.count)
  }

  /// The index after `</name…>`, or the end of the text when it is never closed.
  static func end(of name: String, in scalars: [Unicode.Scalar], from start: Int, lastClose: Int) -> Int {
    var index = start
    while index < scalars.count, let open = scalars[index...].firstIndex(of: "<") {
      guard let tag = parse(scalars, at: open, lastClose: lastClose) else {
        index = open + 1
        continue
      }
      if tag.isClosing && tag.name == name { return tag.end }
      index = tag.end
    }
    return scalars.count
  }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  private static func find(_ word: String, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
    let target = Array(word.unicodeScalars)
    var index = start
    while index + target.count <= scalars.count {
      if scalars[index..<index + target.count].elementsEqual(target) { return index }
      index += 1
    }
    return nil
  }
}
