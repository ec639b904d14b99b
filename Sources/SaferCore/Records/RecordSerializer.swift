import Foundation

/// Writes a record snapshot (`users/<id>.json`) in the layout `RecordDecoder` reads fast.
///
/// The file is one ordinary JSON document any tool can read, laid out so that Safer Shell
/// can open a long history without decoding it: the small parts first (`schemaVersion`,
/// `profile`, `mastery`, `resume`, `journalSeq`), then `"attempts":[` and a newline, then
/// one attempt per line with its `answers` as the last key. A finished attempt never
/// changes, so its line is encoded once (or kept as it was read) and copied into every
/// later snapshot while the attempt stays equal to what was encoded.
public final class RecordSerializer {
  private struct Cached {
    var attempt: Attempt
    var line: Data
  }

  private let encoder: JSONEncoder
  private let headerEncoder: JSONEncoder
  private var cache: [String: Cached] = [:]

  public init() {
    encoder = Self.makeEncoder()
    headerEncoder = Self.makeEncoder()
    headerEncoder.userInfo[Attempt.answersApart] = true
  }

  static func makeEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return encoder
  }

  public static func makeDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    // What `.iso8601` accepts, with the one form this encoder writes read by hand: a
    // long history holds thousands of dates, and the general parser dominated opening it.
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      if let date = InternetDate.parse(text) ?? (try? Date(text, strategy: .iso8601)) { return date }
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected date string to be ISO8601-formatted.")
    }
    return decoder
  }

  /// The bytes that start the attempts array: `RecordDecoder` looks for them.
  static let attemptsMarker = Data(",\"attempts\":[\n".utf8)

  /// Remembers the line an attempt was read from, so the next snapshot copies it.
  func remember(_ attempt: Attempt, line: Data) {
    guard attempt.status != .inProgress else { return }
    cache[attempt.id] = Cached(attempt: attempt, line: line)
  }

  /// The whole snapshot of `record`, including journal entries up to `journalSeq`.
  public func encode(_ record: UserRecord, journalSeq: Int = 0) throws -> Data {
    var out = Data()
    out.reserveCapacity(cache.values.reduce(4096) { $0 + $1.line.count + 2 })
    out.append(contentsOf: Array("{\"schemaVersion\":\(record.schemaVersion),\"profile\":".utf8))
    out.append(try encoder.encode(record.profile))
    out.append(contentsOf: Array(",\"mastery\":".utf8))
    out.append(try encoder.encode(record.mastery))
    if !record.reviews.isEmpty {
      out.append(contentsOf: Array(",\"reviews\":".utf8))
      out.append(try encoder.encode(record.reviews))
    }
    out.append(contentsOf: Array(",\"resume\":".utf8))
    if let resume = record.resume { out.append(try encoder.encode(resume)) } else { out.append(contentsOf: Array("null".utf8)) }
    out.append(contentsOf: Array(",\"journalSeq\":\(journalSeq)".utf8))
    out.append(Self.attemptsMarker)
    var seen: Set<String> = []
    for (index, attempt) in record.attempts.enumerated() {
      if index > 0 { out.append(contentsOf: Array(",\n".utf8)) }
      out.append(try line(for: attempt))
      seen.insert(attempt.id)
    }
    out.append(contentsOf: Array("\n]}\n".utf8))
    cache = cache.filter { seen.contains($0.key) }
    return out
  }

  /// One attempt as a line: its fields, then `"answers":[…]` last.
  private func line(for attempt: Attempt) throws -> Data {
    let finished = attempt.status != .inProgress
    if finished, let cached = cache[attempt.id], cached.attempt == attempt { return cached.line }
    var line = try headerEncoder.encode(attempt)
    line.removeLast()  // the closing brace
    // Finished attempts say how many answers they hold, so opening does not count them.
    if finished { line.append(contentsOf: Array(",\"answerCount\":\(attempt.answers.count)".utf8)) }
    line.append(contentsOf: Array(",\"answers\":".utf8))
    if let bytes = attempt.answers.archivedBytes {
      line.append(bytes)
    } else {
      line.append(try encoder.encode(attempt.answers.elements))
    }
    line.append(UInt8(ascii: "}"))
    if finished { cache[attempt.id] = Cached(attempt: attempt, line: line) }
    return line
  }
}
