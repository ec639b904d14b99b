import Foundation

/// Turns a record into JSON fast enough to save after every answer.
///
/// Encoding a whole 10,000-answer record with `JSONEncoder` takes tens of milliseconds, but
/// a finished attempt never changes again. So each finished attempt is encoded once and its
/// bytes are kept; a save encodes only the profile, mastery and the attempts still in
/// progress, and splices the cached bytes in between. The output is one ordinary JSON
/// document, readable by `JSONDecoder` and any other tool.
public final class RecordSerializer {
  private struct Cached {
    var status: Attempt.Status
    var answerCount: Int
    var bytes: Data
  }

  private let encoder: JSONEncoder
  private var cache: [String: Cached] = [:]
  /// Entries encoded for a save that has not yet reached the disk.
  private var pending: [String: Cached] = [:]

  public init() {
    encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
  }

  public static func makeDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }

  /// Encodes every finished attempt now, so the first save after loading a long history
  /// is as quick as the rest.
  public func warm(with record: UserRecord) throws {
    for attempt in record.attempts where attempt.status != .inProgress {
      _ = try bytes(for: attempt)
    }
    commitPending()
  }

  /// The save succeeded: what it encoded may be reused.
  public func commitPending() {
    cache.merge(pending) { _, new in new }
    pending = [:]
  }

  /// The save failed: forget what it encoded, so a retry encodes afresh.
  public func discardPending() { pending = [:] }

  /// Encodes `record`. Newly encoded finished attempts are held as pending until
  /// `commitPending()` (after the write succeeded) or `discardPending()`.
  public func encode(_ record: UserRecord) throws -> Data {
    pending = [:]
    var out = Data()
    out.reserveCapacity(cache.values.reduce(4096) { $0 + $1.bytes.count + 1 })
    out.append(contentsOf: Array("{\"schemaVersion\":\(record.schemaVersion),\"profile\":".utf8))
    out.append(try encoder.encode(record.profile))
    out.append(contentsOf: Array(",\"mastery\":".utf8))
    out.append(try encoder.encode(record.mastery))
    out.append(contentsOf: Array(",\"resume\":".utf8))
    if let resume = record.resume { out.append(try encoder.encode(resume)) } else { out.append(contentsOf: Array("null".utf8)) }
    out.append(contentsOf: Array(",\"attempts\":[\n".utf8))
    for (index, attempt) in record.attempts.enumerated() {
      if index > 0 { out.append(contentsOf: Array(",\n".utf8)) }
      out.append(try bytes(for: attempt))
    }
    out.append(contentsOf: Array("\n]}\n".utf8))
    return out
  }

  private func bytes(for attempt: Attempt) throws -> Data {
    if attempt.status == .inProgress { return try encoder.encode(attempt) }
    if let cached = cache[attempt.id], cached.status == attempt.status, cached.answerCount == attempt.answers.count {
      return cached.bytes
    }
    let bytes = try encoder.encode(attempt)
    pending[attempt.id] = Cached(status: attempt.status, answerCount: attempt.answers.count, bytes: bytes)
    return bytes
  }
}
