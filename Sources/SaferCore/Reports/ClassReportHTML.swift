import Foundation

/// `safer report --html FILE`: the report as one self-contained HTML page, with inline SVG
/// charts (`SVGCharts`), inline CSS, no script and no network reference, so it can be
/// mailed, opened offline or printed. Every text from a record goes through `HTMLText`.
public enum ClassReportHTML {
  public static func render(_ report: ClassReport, timeZone: TimeZone = .current) -> String {
    var page = head(title: heading(report))
    page += "<h1>\(HTMLText.escape(heading(report)))</h1>\n"
    page += "<p class=\"note\">\(HTMLText.escape(subtitle(report, timeZone: timeZone)))</p>\n"
    if let summary = report.summary {
      page += "<h2>Scores</h2>\n<dl class=\"figures\">"
      for (name, value) in [
        ("Attempts counted", "\(summary.attempts)"), ("Mean", ReportFormat.percent(summary.mean)),
        ("Median", ReportFormat.percent(summary.median)),
        ("Standard deviation", ReportFormat.number(summary.standardDeviation)),
      ] {
        page += "<div><dt>\(name)</dt><dd>\(HTMLText.escape(value))</dd></div>"
      }
      page += "</dl>\n<figure>\(SVGCharts.histogram(summary.distribution))"
      page += "<figcaption>Score distribution: counted attempts per 10% band.</figcaption></figure>\n"
    }
    page += students(report, timeZone: timeZone)
    if !report.questions.isEmpty { page += questions(report.questions) }
    if !report.topics.isEmpty {
      page += "<h2>Topic mastery</h2>\n<figure>\(SVGCharts.heatMap(students: report.students, topics: report.topics))"
      page += "<figcaption>Mastery per topic (latest answer to each question); grey: not met yet.</figcaption></figure>\n"
    }
    if report.isOverview && !report.quizzes.isEmpty {
      page += "<h2>Quizzes in these records</h2>\n<p>Report on one with <code>safer report --quiz ID</code>.</p>\n"
      page += table(
        ["Quiz", "Title", "Students", "Attempts", "Finished"],
        report.quizzes.map { [$0.id, $0.title, "\($0.students)", "\($0.attempts)", "\($0.finishedAttempts)"] },
        numeric: [2, 3, 4])
    }
    if !report.unreadable.isEmpty {
      page += "<h2>Records not read</h2>\n"
      page += table(["Student", "Why"], report.unreadable.map { [$0.user, $0.reason] }, numeric: [])
    }
    return page + "</body>\n</html>\n"
  }

  /// Writes the page to `path` (a temporary file renamed into place, so a half-written
  /// report never replaces a good one).
  public static func write(_ report: ClassReport, to path: String) throws(ReportError) {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw .cannotWrite(path: path, reason: "it is a folder")
    }
    do {
      try Data(render(report).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw .cannotWrite(path: path, reason: reason(for: error))
    }
  }

  /// Foundation on Linux reports a failed write as a `CocoaError` without the errno
  /// `FileReason` reads, so the common cases are named from its code.
  private static func reason(for error: any Error) -> String {
    switch (error as? CocoaError)?.code {
    case .fileNoSuchFile?: "its folder does not exist"
    case .fileWriteNoPermission?: "permission denied"
    case .fileWriteOutOfSpace?: "the disk is full"
    case .fileWriteVolumeReadOnly?: "the disk is read-only"
    default: FileReason.describe(error)
    }
  }

  static func heading(_ report: ClassReport) -> String {
    guard let quiz = report.quiz else { return "Class overview" }
    return "Class report: \(report.title ?? quiz) (\(quiz))"
  }

  private static func subtitle(_ report: ClassReport, timeZone: TimeZone) -> String {
    let made = "Made \(ReportFormat.dateTime(report.generated, timeZone: timeZone))"
    guard report.quiz != nil else {
      return "\(made). \(report.quizzes.count) quizzes in these records: no scores or questions until one is chosen."
    }
    return "\(made). Counting \(report.attempts.phrase), as Moodle's quiz statistics do."
  }

  private static func students(_ report: ClassReport, timeZone: TimeZone) -> String {
    var headers = ["Student", "Attempts"]
    if !report.isOverview { headers += ["Score", "Passed"] }
    headers += ["Last active", "Lessons done", "Needs help"]
    let rows = report.students.map { student in
      var row = [student.user, "\(student.attempts)"]
      if !report.isOverview {
        row += [ReportFormat.percent(student.percent), student.passed.map { $0 ? "yes" : "no" } ?? "—"]
      }
      var help = student.passed == false ? ["score below the pass mark"] : []
      help += student.weakTopics.map { "\($0) \(ReportFormat.percent(student.mastery[$0]))" }
      row += [ReportFormat.date(student.lastActive, timeZone: timeZone), "\(student.lessonsDone)", help.joined(separator: ", ")]
      return row
    }
    let numeric: Set<Int> = report.isOverview ? [1, 3] : [1, 2, 5]
    return "<h2>Students</h2>\n" + table(headers, rows, numeric: numeric)
  }

  private static func questions(_ questions: [ItemAnalysis.Question]) -> String {
    var html = "<h2>Questions</h2>\n<figure>\(SVGCharts.facility(questions))"
    html += "<figcaption>Facility index per question (100: everyone got full marks).</figcaption></figure>\n"
    html +=
      "<p class=\"note\">Moodle's quiz statistics, over the attempts that drew each question. Discrimination index: "
      + "50 and above very good, 30–50 adequate, 20–30 weak, below 20 very weak, negative: check the question.</p>\n"
    let rows = questions.map { question in
      [
        question.id, question.topic ?? "", "\(question.count)", ReportFormat.number(question.facility),
        ReportFormat.number(question.standardDeviation), ReportFormat.number(question.discrimination),
        ReportFormat.number(question.discriminativeEfficiency), "\(question.skipped)", "\(question.late)",
        question.wrongResponses.map { "\($0.response) ×\($0.count)" }.joined(separator: "; "),
      ]
    }
    return html
      + table(
        [
          "Question", "Topic", "Attempts", "Facility", "SD", "Discrimination", "Efficiency", "Skipped", "Late",
          "Wrong answers most chosen",
        ], rows, numeric: [2, 3, 4, 5, 6, 7, 8])
  }

  /// A table whose every cell is escaped; `numeric` columns are right-aligned.
  private static func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int>) -> String {
    var html = "<table>\n<thead><tr>"
    for (index, header) in headers.enumerated() {
      html += "<th\(numeric.contains(index) ? " class=\"n\"" : "")>\(HTMLText.escape(header))</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    for row in rows {
      html += "<tr>"
      for (index, value) in row.enumerated() {
        html += "<td\(numeric.contains(index) ? " class=\"n\"" : "")>\(HTMLText.escape(value))</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  private static func head(title: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(HTMLText.escape(title))</title>
    <style>
    body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; max-width: 75rem; }
    h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
    .note { color: #555; }
    table { border-collapse: collapse; margin: 0.5rem 0; }
    th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
    th { background: #f3f3f3; } .n { text-align: right; font-variant-numeric: tabular-nums; }
    dl.figures { display: flex; gap: 2rem; } dl.figures dt { color: #555; font-size: 0.85rem; }
    dl.figures dd { margin: 0; font-size: 1.3rem; }
    figure { margin: 1rem 0; } figcaption { color: #555; font-size: 0.85rem; }
    svg { font-size: 11px; max-width: 100%; height: auto; }
    </style>
    </head>
    <body>

    """
  }
}
