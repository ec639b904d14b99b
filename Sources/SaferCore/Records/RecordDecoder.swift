import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a record snapshot, fast when it has the layout `RecordSerializer` writes.
///
/// The fast path decodes the small head and each attempt's fields, decodes the answers
/// of unfinished attempts, and only counts the answers of finished ones (they stay as
/// bytes in an `AnswerList`). Any other layout (a record written by another tool, or by
/// hand) is decoded whole with `JSONDecoder`, so every valid JSON record is read.
enum RecordDecoder {
  struct Decoded {
    var record: UserRecord
    /// The last journal entry the snapshot includes.
    var journalSeq: Int
    /// The lines finished attempts were read from, by attempt index, to copy unchanged.
    var lines: [Int: Data] = [:]
  }

  private struct Head: Decodable {
    var schemaVersion: Int
    var profile: UserRecord.Profile
    var mastery: [String: TopicMastery]
    var resume: UserRecord.ResumePoint?
    var journalSeq: Int?
  }

  private struct SeqOnly: Decodable { var journalSeq: Int? }

  struct VersionOnly: Decodable { var schemaVersion: Int }

  static func decode(_ data: Data) throws -> Decoded {
    if let fast = try? decodeLaidOut(data) { return fast }
    let decoder = RecordSerializer.makeDecoder()
    let record = try decoder.decode(UserRecord.self, from: data)
    let seq = (try? decoder.decode(SeqOnly.self, from: data))?.journalSeq ?? 0
    return Decoded(record: record, journalSeq: seq)
  }

  private static let answersKey = Data(",\"answers\":[".utf8)

  private static func decodeLaidOut(_ data: Data) throws -> Decoded {
    guard let marker = data.range(of: RecordSerializer.attemptsMarker) else { throw Malformed() }
    var headBytes = Data(data[data.startIndex..<marker.lowerBound])
    headBytes.append(UInt8(ascii: "}"))
    let decoder = RecordSerializer.makeDecoder()
    let head = try decoder.decode(Head.self, from: headBytes)

    // The attempts: everything up to the closing "\n]}".
    var end = data.endIndex
    while end > marker.upperBound, [0x0A, 0x0D, 0x20, 0x09].contains(data[end - 1]) { end -= 1 }
    guard end - marker.upperBound >= 2, data[end - 1] == UInt8(ascii: "}"), data[end - 2] == UInt8(ascii: "]") else {
      throw Malformed()
    }
    // Lines and the answers key located on the raw bytes (memchr, memmem): `Data`'s
    // generic `split` and `range(of:)` cost more than the rest of opening.
    var headers = Data("[".utf8)
    var answerBytes: [Data] = []
    var lines: [Data] = []
    let bodyStart = marker.upperBound - data.startIndex
    let bodyEnd = end - 2 - data.startIndex
    let spans = data.withUnsafeBytes { buffer -> [(line: Range<Int>, key: Int)]? in
      guard let base = buffer.baseAddress else { return [] }
      var result: [(line: Range<Int>, key: Int)] = []
      var start = bodyStart
      while start < bodyEnd {
        let found = memchr(base + start, 0x0A, bodyEnd - start)
        let stop = found.map { base.distance(to: UnsafeRawPointer($0)) } ?? bodyEnd
        var lineEnd = stop
        if lineEnd > start && buffer[lineEnd - 1] == UInt8(ascii: ",") { lineEnd -= 1 }
        if lineEnd > start {
          guard buffer[lineEnd - 1] == UInt8(ascii: "}") else { return nil }
          guard let key = Self.find(Self.answersKey, in: base, from: start, to: lineEnd) else { return nil }
          result.append((start..<lineEnd, key))
        }
        start = stop + 1
      }
      return result
    }
    guard let spans else { throw Malformed() }
    for (index, span) in spans.enumerated() {
      let line = data[(data.startIndex + span.line.lowerBound)..<(data.startIndex + span.line.upperBound)]
      let key = data.startIndex + span.key
      if index > 0 { headers.append(UInt8(ascii: ",")) }
      headers.append(contentsOf: data[line.startIndex..<key])
      headers.append(UInt8(ascii: "}"))
      // Slices share the file's bytes: nothing is copied.
      answerBytes.append(data[(key + Self.answersKey.count - 1)..<(line.endIndex - 1)])
      lines.append(line)
    }
    headers.append(UInt8(ascii: "]"))
    decoder.userInfo[Attempt.answersApart] = true
    var attempts = try decoder.decode([Attempt].self, from: headers)
    guard attempts.count == lines.count else { throw Malformed() }
    let answerDecoder = RecordSerializer.makeDecoder()
    var kept: [Int: Data] = [:]
    for index in attempts.indices {
      if attempts[index].status == .inProgress {
        attempts[index].answers = AnswerList(try answerDecoder.decode([AnswerRecord].self, from: answerBytes[index]))
      } else {
        guard let count = countObjects(inArray: answerBytes[index]) else { throw Malformed() }
        attempts[index].answers = AnswerList(archived: answerBytes[index], count: count)
        kept[index] = lines[index]
      }
    }
    var record = UserRecord(id: head.profile.id, displayName: head.profile.displayName, now: head.profile.created)
    record.schemaVersion = head.schemaVersion
    record.profile = head.profile
    record.mastery = head.mastery
    record.resume = head.resume
    record.attempts = attempts
    return Decoded(record: record, journalSeq: head.journalSeq ?? 0, lines: kept)
  }

  /// The offset of the first `needle` in `base[from..<to]`: `memchr` for its first byte,
  /// `memcmp` for the rest.
  private static func find(_ needle: Data, in base: UnsafeRawPointer, from: Int, to: Int) -> Int? {
    needle.withUnsafeBytes { pattern -> Int? in
      guard let first = pattern.first, let patternBase = pattern.baseAddress else { return nil }
      var start = from
      while to - start >= pattern.count {
        guard let hit = memchr(base + start, Int32(first), to - start - pattern.count + 1) else { return nil }
        let offset = base.distance(to: UnsafeRawPointer(hit))
        if memcmp(base + offset, patternBase, pattern.count) == 0 { return offset }
        start = offset + 1
      }
      return nil
    }
  }

  /// The number of objects directly inside a JSON array, or `nil` when the bytes are not
  /// one well-nested array of objects.
  static func countObjects(inArray bytes: Data) -> Int? {
    bytes.withUnsafeBytes { buffer -> Int? in
      var depth = 0
      var count = 0
      var inString = false
      var escaped = false
      var closed = false
      for byte in buffer {
        if closed {
          if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
          return nil
        }
        if inString {
          if escaped {
            escaped = false
          } else if byte == 0x5C {
            escaped = true
          } else if byte == 0x22 {
            inString = false
          }
          continue
        }
        switch byte {
        case 0x22: inString = true
        case 0x5B, 0x7B:
          if depth == 0 && byte != 0x5B { return nil }
          if depth == 1 {
            guard byte == 0x7B else { return nil }
            count += 1
          }
          depth += 1
        case 0x5D, 0x7D:
          depth -= 1
          if depth < 0 { return nil }
          if depth == 0 { closed = true }
        default:
          if depth == 0 && !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09) { return nil }
        }
      }
      return closed && !inString ? count : nil
    }
  }

  struct Malformed: Error {}
}
