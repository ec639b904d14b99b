import Foundation

/// `safer report --csv`: one row per student, for a spreadsheet.
///
/// RFC 4180 (CRLF line ends, a field with a comma, quote or line break quoted, quotes
/// doubled), preceded by a UTF-8 byte-order mark, without which Excel reads names in any
/// script but Latin as mojibake. A cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage
/// return gets a leading `'`: a student named `=HYPERLINK(…)` must stay a name, never
/// become a formula in the teacher's spreadsheet.
public enum ClassReportCSV {
  public static func render(_ report: ClassReport, timeZone: TimeZone = .current) -> String {
    var header = [
      "user", "id", "attempts", "finishedAttempts", "countedAttempts", "percent", "passed", "lastActive", "lessonsDone",
      "needsHelp", "weakTopics",
    ]
    header += report.topics.map { "mastery \($0.topic)" }
    var lines = [header]
    for student in report.students {
      var row = [
        student.user, student.id, String(student.attempts), String(student.finishedAttempts),
        String(student.countedAttempts), ReportFormat.number(student.percent, missing: ""), yesNo(student.passed),
        ReportFormat.dateTime(student.lastActive, timeZone: timeZone), String(student.lessonsDone),
        yesNo(student.needsHelp), student.weakTopics.joined(separator: "; "),
      ]
      row += report.topics.map { ReportFormat.number(student.mastery[$0.topic], missing: "") }
      lines.append(row)
    }
    return "\u{FEFF}" + lines.map { $0.map(cell).joined(separator: ",") + "\r\n" }.joined()
  }

  /// One field, defused and quoted as needed.
  public static func cell(_ text: String) -> String {
    var value = text
    if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
      return value
    }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private static func yesNo(_ value: Bool?) -> String {
    value.map { $0 ? "yes" : "no" } ?? ""
  }
}
