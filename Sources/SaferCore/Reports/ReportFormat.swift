import Foundation

/// How figures and dates read in the text, CSV and HTML forms of a class report, so the
/// three agree.
public enum ReportFormat {
  /// A figure with one decimal ("62.5"), or `missing` when it is undefined.
  public static func number(_ value: Double?, missing: String = "—") -> String {
    guard let value, value.isFinite else { return missing }
    let rounded = (value * 10).rounded() / 10
    return String(format: "%.1f", rounded == 0 ? 0 : rounded)
  }

  /// A percentage rounded to a whole number ("63%").
  public static func percent(_ value: Double?, missing: String = "—") -> String {
    guard let value, value.isFinite else { return missing }
    return "\(Int(min(1e9, max(-1e9, value)).rounded()))%"
  }

  /// Local date and time as spreadsheets read it: "2025-03-01 14:05".
  public static func dateTime(_ date: Date, timeZone: TimeZone = .current) -> String {
    formatter(timeZone: timeZone, pattern: "yyyy-MM-dd HH:mm").string(from: date)
  }

  /// Local date: "2025-03-01".
  public static func date(_ date: Date, timeZone: TimeZone = .current) -> String {
    formatter(timeZone: timeZone, pattern: "yyyy-MM-dd").string(from: date)
  }

  private static func formatter(timeZone: TimeZone, pattern: String) -> DateFormatter {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = pattern
    return formatter
  }
}
