import Foundation

/// `safer review --replay LOG.jsonl --json`: reviews replayed through the scheduler, to
/// check it against the reference implementation.
///
/// Each input line is `{"item", "at", "rating"}` (`at` ISO 8601, `rating` again, hard, good
/// or easy; other fields are ignored). Each item starts blank and takes its reviews in the
/// order given; each line gives one output line, `{"item", "state", "stability",
/// "difficulty", "due"}`. A line that cannot be read is named with its number and skipped.
public struct ReviewReplay {
  public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public var description: String { "line \(line): \(reason)" }
  }

  /// The longest line read; a log line is some 80 bytes.
  public static let maximumLineBytes = 64 * 1024

  public var scheduler: FSRSScheduler
  private var cards: [String: ReviewCard] = [:]

  public init(scheduler: FSRSScheduler = FSRSScheduler()) {
    self.scheduler = scheduler
  }

  /// The output line for input line `number` (1-based), or why it was skipped.
  public mutating func replay(line text: some StringProtocol, number: Int) -> Result<String, Problem> {
    guard text.utf8.count <= Self.maximumLineBytes else {
      return .failure(Problem(line: number, reason: "it is longer than \(Self.maximumLineBytes) bytes"))
    }
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
      return .failure(Problem(line: number, reason: "it is not a JSON object"))
    }
    guard let item = object["item"].flatMap(Self.itemText) else {
      return .failure(Problem(line: number, reason: "`item` is missing"))
    }
    guard let at = (object["at"] as? String).flatMap(Self.parseDate) else {
      return .failure(Problem(line: number, reason: "`at` is not an ISO 8601 date and time"))
    }
    guard let rating = (object["rating"] as? String).flatMap({ ReviewRating(rawValue: $0.lowercased()) }) else {
      return .failure(Problem(line: number, reason: "`rating` is not again, hard, good or easy"))
    }
    let card = scheduler.review(cards[item] ?? ReviewCard(due: at), rating, at: at)
    cards[item] = card
    return .success(Self.line(item: item, card))
  }

  /// Items may be strings or numbers in a log; both name the item as written.
  static func itemText(_ value: Any) -> String? {
    if let text = value as? String { return text }
    if let number = value as? NSNumber, !(value is Bool) { return number.stringValue }
    return nil
  }

  static func line(item: String, _ card: ReviewCard) -> String {
    func number(_ value: Double?) -> String {
      guard let value, value.isFinite else { return "null" }
      return "\(value)"
    }
    let quoted = String(decoding: (try? JSONSerialization.data(withJSONObject: [item])) ?? Data("[\"\"]".utf8), as: UTF8.self)
    return
      "{\"item\":\(quoted.dropFirst().dropLast()),\"state\":\"\(card.state.rawValue)\",\"stability\":\(number(card.stability)),"
      + "\"difficulty\":\(number(card.difficulty)),\"due\":\"\(formatDate(card.due))\"}"
  }

  /// ISO 8601 with a zone (`Z` or `±hh:mm`), with or without fractions of a second.
  public static func parseDate(_ text: String) -> Date? {
    let plain = ISO8601DateFormatter()
    plain.formatOptions = [.withInternetDateTime]
    if let date = plain.date(from: text) { return date }
    let fractional = ISO8601DateFormatter()
    fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return fractional.date(from: text)
  }

  /// UTC, to the second (with milliseconds when the time has them).
  public static func formatDate(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    let seconds = date.timeIntervalSince1970
    let whole = seconds.rounded(.down)
    if abs(seconds - whole) >= 0.0005 {
      formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    } else {
      formatter.formatOptions = [.withInternetDateTime]
    }
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
