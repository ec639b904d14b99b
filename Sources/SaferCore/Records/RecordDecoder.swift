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
    var reviews: [String: ReviewItem]?
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
    // memchr and memcmp: `Data.range(of:)` took longer than decoding every attempt.
    let markerOffset = data.withUnsafeBytes { buffer in
      buffer.baseAddress.flatMap { find(RecordSerializer.attemptsMarker, in: $0, from: 0, to: buffer.count) }
    }
    guard let markerOffset else { throw Malformed() }
    let marker = (data.startIndex + markerOffset)..<(data.startIndex + markerOffset + RecordSerializer.attemptsMarker.count)
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
    // Each line is read by `AttemptLineReader` where it can, else its fields go to
    // `JSONDecoder`. Lines are found with memchr: `Data`'s generic `split` and
    // `range(of:)` cost more than the rest of opening.
    let bodyStart = marker.upperBound - data.startIndex
    let bodyEnd = end - 2 - data.startIndex
    let answerDecoder = RecordSerializer.makeDecoder()
    decoder.userInfo[Attempt.answersApart] = true
    var attempts: [Attempt] = []
    var kept: [Int: Data] = [:]
    try data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { throw Malformed() }
      var start = bodyStart
      while start < bodyEnd {
        let found = memchr(base + start, 0x0A, bodyEnd - start)
        let stop = found.map { base.distance(to: UnsafeRawPointer($0)) } ?? bodyEnd
        var lineEnd = stop
        if lineEnd > start && buffer[lineEnd - 1] == UInt8(ascii: ",") { lineEnd -= 1 }
        if lineEnd > start {
          // `"answers":[…]` comes last: the line ends in "]}".
          guard lineEnd - start >= 2, buffer[lineEnd - 1] == UInt8(ascii: "}"), buffer[lineEnd - 2] == UInt8(ascii: "]")
          else { throw Malformed() }
          let line = data[(data.startIndex + start)..<(data.startIndex + lineEnd)]
          var (attempt, storedCount, answersStart) = try header(of: line, in: buffer, start..<lineEnd, decoder: decoder)
          // Slices share the file's bytes: nothing is copied.
          let answerBytes = data[(data.startIndex + answersStart)..<(data.startIndex + lineEnd - 1)]
          if attempt.status == .inProgress {
            attempt.answers = AnswerList(try answerDecoder.decode([AnswerRecord].self, from: answerBytes))
          } else {
            // A stored count is trusted only within what the bytes could hold ("{}" per
            // answer); a wrong one shows up when the answers are read (`AnswerList`).
            let stored = storedCount.flatMap { (0...answerBytes.count / 2).contains($0) ? $0 : nil }
            guard let count = stored ?? countObjects(inArray: answerBytes) else { throw Malformed() }
            attempt.answers = AnswerList(archived: answerBytes, count: count)
            // A line without its count is written anew at the next snapshot, with one.
            if stored != nil { kept[attempts.count] = line }
          }
          attempts.append(attempt)
        }
        start = stop + 1
      }
    }
    var record = UserRecord(id: head.profile.id, displayName: head.profile.displayName, now: head.profile.created)
    record.schemaVersion = head.schemaVersion
    record.profile = head.profile
    record.mastery = head.mastery
    record.reviews = head.reviews ?? [:]
    record.resume = head.resume
    record.attempts = attempts
    return Decoded(record: record, journalSeq: head.journalSeq ?? 0, lines: kept)
  }

  /// One attempt line's fields, its stored answer count and where its answers start: by
  /// `AttemptLineReader`, or by `JSONDecoder` when the line is not in the usual form.
  private static func header(
    of line: Data, in buffer: UnsafeRawBufferPointer, _ range: Range<Int>, decoder: JSONDecoder
  ) throws -> (Attempt, Int?, Int) {
    if !decodeWithFoundationOnly, let header = AttemptLineReader.read(buffer, in: range) {
      return (header.attempt, header.answerCount, header.answersStart)
    }
    guard let base = buffer.baseAddress, let key = find(answersKey, in: base, from: range.lowerBound, to: range.upperBound)
    else { throw Malformed() }
    var fields = Data(line[line.startIndex..<(line.startIndex + key - range.lowerBound)])
    fields.append(UInt8(ascii: "}"))
    return (try decoder.decode(Attempt.self, from: fields), nil, key + answersKey.count - 1)
  }

  /// Tests and the fuzzer set this to compare the fast reader with `JSONDecoder`.
  nonisolated(unsafe) static var decodeWithFoundationOnly = false

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
