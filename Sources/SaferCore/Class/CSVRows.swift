/// Rows of a CSV file as spreadsheets write it: fields separated by `,` (or `;`, chosen by
/// which the first line has more of), double quotes around fields that hold separators,
/// quotes or line breaks, `""` for a quote inside, CRLF or LF line ends.
enum CSVRows {
  static func parse(_ text: String) -> [[String]] {
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
    let separator: Character =
      firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var iterator = text.makeIterator()
    var pending: Character?
    func next() -> Character? {
      if let character = pending {
        pending = nil
        return character
      }
      return iterator.next()
    }
    while let character = next() {
      if quoted {
        if character == "\"" {
          if let following = next() {
            if following == "\"" {
              field.append("\"")
            } else {
              quoted = false
              pending = following
            }
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"" where field.isEmpty: quoted = true
      case separator:
        row.append(field)
        field = ""
      case "\n", "\r\n", "\r":
        row.append(field)
        field = ""
        if row != [""] { rows.append(row) }
        row = []
      default: field.append(character)
      }
    }
    row.append(field)
    if row != [""] { rows.append(row) }
    return rows
  }
}
