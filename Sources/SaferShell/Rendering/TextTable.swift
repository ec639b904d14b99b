/// Rows of text laid out in columns that fit a terminal width.
///
/// Numbers are right-aligned, text left. When the table is wider than the terminal, the
/// flexible columns (names, responses) are cut with "…": first those wider than
/// `comfortableWidth` down to it, then down to `minimumFlexibleWidth`, each time the
/// rightmost first (the first column names the row); a table that still does not fit has
/// its lines cut. Every cell is made
/// terminal-safe here, so a caller can pass text from records as it is.
public struct TextTable {
  public struct Column {
    public var title: String
    public var alignsRight: Bool
    public var flexible: Bool
    /// Cut at the start ("…name/question"), for ids whose end tells them apart.
    public var cutsStart: Bool

    public init(_ title: String, alignsRight: Bool = false, flexible: Bool = false, cutsStart: Bool = false) {
      self.title = title
      self.alignsRight = alignsRight
      self.flexible = flexible
      self.cutsStart = cutsStart
    }
  }

  /// The narrowest a flexible column is cut to, and the width cut to before any column
  /// goes below it.
  static let minimumFlexibleWidth = 8
  static let comfortableWidth = 24
  static let indent = "  "
  static let gap = "  "

  public var columns: [Column]
  public var rows: [[String]]

  public init(columns: [Column], rows: [[String]]) {
    self.columns = columns
    self.rows = rows
  }

  public func render(width: Int, style: Style) -> [String] {
    let clean = { (text: String) in TerminalSafe.clean(text, keepNewlines: false) }
    let titles = columns.map { clean($0.title) }
    let cells = rows.map { row in columns.indices.map { $0 < row.count ? clean(row[$0]) : "" } }
    var widths = columns.indices.map { index in
      cells.reduce(DisplayWidth.of(titles[index])) { max($0, DisplayWidth.of($1[index])) }
    }
    let fixed = Self.indent.count + Self.gap.count * max(0, columns.count - 1)
    for floor in [Self.comfortableWidth, Self.minimumFlexibleWidth] {
      for index in columns.indices.reversed() where columns[index].flexible {
        let excess = fixed + widths.reduce(0, +) - width
        guard excess > 0 else { break }
        widths[index] = max(min(widths[index], floor), widths[index] - excess)
      }
    }
    let line = { (values: [String], isHeader: Bool) -> String in
      var parts: [String] = []
      for (index, value) in values.enumerated() {
        let text = Self.fit(value, width: widths[index], cuttingStart: columns[index].cutsStart && !isHeader)
        let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(text))
        let isLast = index == values.count - 1
        parts.append(columns[index].alignsRight ? padding + text : text + (isLast ? "" : padding))
      }
      let joined = Self.fit(Self.indent + parts.joined(separator: Self.gap), width: width)
      return isHeader ? style.bold(joined) : joined
    }
    return [line(titles, true)] + cells.map { line($0, false) }
  }

  /// `text` cut to `width` display columns, with "…" where it was cut: at the end, or at
  /// the start when `cuttingStart`.
  static func fit(_ text: String, width: Int, cuttingStart: Bool = false) -> String {
    guard DisplayWidth.of(text) > width else { return text }
    guard width > 0 else { return "" }
    var kept: [Character] = []
    var used = 0
    for character in cuttingStart ? Array(text.reversed()) : Array(text) {
      let size = DisplayWidth.of(character)
      if used + size > width - 1 { break }
      kept.append(character)
      used += size
    }
    return cuttingStart ? "…" + String(kept.reversed()) : String(kept) + "…"
  }
}
