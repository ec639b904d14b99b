import Foundation

/// A certificate for a student who has passed every lesson of their age group: a
/// printable one-page HTML document with their name, the date, each lesson and its best
/// score (`certificate` in the shell; a PDF beside it where headless Chromium is present).
public struct Certificate: Sendable {
  /// A lesson counts as passed with a finished attempt scoring at least this (percent).
  public static let passMark = 50.0

  public struct Line: Hashable, Sendable {
    public var id: String
    public var title: String
    public var topic: String
    /// Best finished attempt, percent; `nil` when never finished.
    public var best: Double?

    public var passed: Bool { (best ?? 0) >= Certificate.passMark }
  }

  public var name: String
  public var band: AgeBand
  public var date: Date
  public var lines: [Line]

  /// Every lesson of the student's age group with their best score.
  public init(record: UserRecord, library: LessonLibrary, date: Date) {
    name = record.profile.displayName
    band = record.profile.band ?? .younger
    self.date = date
    let band = self.band
    lines = library.lessons.filter { !$0.isBank && AgeBand(level: $0.level) == band }.map { lesson in
      let best = record.attempts(of: lesson.id).filter { $0.status == .completed }.map(\.percent).max()
      return Line(id: lesson.id, title: lesson.title, topic: lesson.topic, best: best)
    }
  }

  /// Lessons still to pass; the certificate is earned when there are none.
  public var missing: [Line] { lines.filter { !$0.passed } }

  public var isEarned: Bool { !lines.isEmpty && missing.isEmpty }

  /// The topics covered, in words: `fraud, passwords and privacy`.
  var topicList: String {
    var seen: [String] = []
    for line in lines where !seen.contains(line.topic) { seen.append(line.topic) }
    let words = seen.map { $0.replacingOccurrences(of: "-", with: " ") }
    guard words.count > 1, let last = words.last else { return words.first ?? "" }
    return words.dropLast().joined(separator: ", ") + " and " + last
  }

  /// The mean of the best scores, percent.
  public var average: Double {
    lines.isEmpty ? 0 : lines.reduce(0) { $0 + ($1.best ?? 0) } / Double(lines.count)
  }

  /// The page: A4, one sheet, no scripts, nothing fetched; every text escaped.
  public func html(timeZone: TimeZone = .current) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    formatter.timeZone = timeZone
    formatter.dateFormat = "d MMMM yyyy"
    let rows = lines.map { line in
      "<tr><td>\(HTMLText.escape(line.title))</td><td>\(HTMLText.escape(line.topic.capitalized))</td>"
        + "<td class=\"score\">\(Int((line.best ?? 0).rounded()))%</td></tr>"
    }.joined(separator: "\n")
    return """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>Safer Shell certificate: \(HTMLText.escape(name))</title>
      <style>
      @page { size: A4; margin: 0; }
      * { box-sizing: border-box; }
      html, body { margin: 0; background: #f3f1ea; }
      body { font-family: Georgia, "DejaVu Serif", serif; color: #1f2a37; }
      .sheet { width: 210mm; min-height: 297mm; padding: 18mm; margin: 0 auto; background: #fffdf7; }
      .frame { border: 3mm double #2f6f4f; border-radius: 4mm; padding: 14mm 16mm; min-height: 261mm;
        display: flex; flex-direction: column; align-items: center; text-align: center; }
      .badge { width: 28mm; height: 28mm; border-radius: 50%; background: #2f6f4f; color: #fffdf7;
        display: flex; align-items: center; justify-content: center; font: bold 15mm/1 system-ui, sans-serif; }
      h1 { font-size: 13mm; margin: 8mm 0 2mm; letter-spacing: 0.5mm; color: #2f6f4f; }
      .sub { font: 4.2mm system-ui, sans-serif; text-transform: uppercase; letter-spacing: 1mm; color: #5b6573; }
      .name { font-size: 11mm; margin: 10mm 0 3mm; border-bottom: 0.4mm solid #c9c2ad; padding: 0 10mm 2mm;
        overflow-wrap: anywhere; }
      .for { font-size: 5mm; max-width: 150mm; line-height: 1.45; }
      table { margin: 9mm auto 0; border-collapse: collapse; font: 3.9mm/1.35 system-ui, sans-serif; width: 100%; }
      th, td { padding: 1.6mm 3mm; border-bottom: 0.25mm solid #e1dccb; text-align: left; }
      th { color: #5b6573; font-weight: 600; text-transform: uppercase; font-size: 3mm; letter-spacing: 0.4mm; }
      td.score, th.score { text-align: right; width: 30mm; white-space: nowrap; }
      .average { margin-top: 5mm; font: 4.2mm system-ui, sans-serif; }
      .footer { margin-top: auto; display: flex; justify-content: space-between; width: 100%;
        font: 3.8mm system-ui, sans-serif; color: #5b6573; padding-top: 10mm; }
      </style>
      </head>
      <body>
      <div class="sheet"><div class="frame">
      <div class="badge" aria-hidden="true">&#10003;</div>
      <h1>Certificate</h1>
      <div class="sub">Safer Shell · staying safe online</div>
      <div class="name">\(HTMLText.escape(name))</div>
      <p class="for">has completed every Safer Shell lesson for ages \(band.rawValue.replacingOccurrences(of: "-", with: "\u{2011}")),
      \(lines.count) lesson\(lines.count == 1 ? "" : "s") on \(HTMLText.escape(topicList)).</p>
      <table>
      <thead><tr><th>Lesson</th><th>Topic</th><th class="score">Best score</th></tr></thead>
      <tbody>
      \(rows)
      </tbody>
      </table>
      <div class="average">Average of the best scores: <strong>\(Int(average.rounded()))%</strong></div>
      <div class="footer"><span>\(HTMLText.escape(formatter.string(from: date)))</span><span>Safer Shell</span></div>
      </div></div>
      </body>
      </html>

      """
  }
}

extension Certificate {
  /// Where a student's certificate is written: `DATA/certificates/<id>-<band>.html`
  /// (the id is the record's file-safe id, so no name can lead out of the folder).
  public static func path(dataFolder: String, userID: String, band: AgeBand) -> String {
    "\(DataFolder(dataFolder).certificates)/\(userID)-\(band.rawValue).html"
  }

  /// Writes the HTML (replaced whole, never through a link) and returns its path.
  public func save(dataFolder: String, userID: String) throws(FileWriteError) -> String {
    let file = Self.path(dataFolder: dataFolder, userID: userID, band: band)
    try AtomicFile.makeFolder((file as NSString).deletingLastPathComponent)
    try AtomicFile.write(Data(html().utf8), to: file, permissions: 0o644)
    return file
  }
}
