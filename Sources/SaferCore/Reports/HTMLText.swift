/// Text made safe to place in HTML (and inline SVG), in element content or a quoted
/// attribute.
///
/// Names and responses come from students: `<script>` in a name must show as text in the
/// teacher's browser, never run. Control characters (other than tab and newline), which
/// HTML forbids, are dropped.
enum HTMLText {
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `text` cut to `limit` characters with "…", then escaped: labels in a chart have
  /// room for so much.
  static func label(_ text: String, limit: Int) -> String {
    escape(text.count > limit ? String(text.prefix(limit - 1)) + "…" : text)
  }
}
