import Foundation

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
    let body = data[marker.upperBound..<(end - 2)]
    var headers = Data("[".utf8)
    var answerBytes: [Data] = []
    var lines: [Data] = []
    for rawLine in body.split(separator: 0x0A, omittingEmptySubsequences: true) {
      var line = rawLine
      if line.last == UInt8(ascii: ",") { line = line.dropLast() }
      guard line.last == UInt8(ascii: "}"), let key = line.range(of: answersKey) else { throw Malformed() }
      if !lines.isEmpty { headers.append(UInt8(ascii: ",")) }
      headers.append(contentsOf: line[line.startIndex..<key.lowerBound])
      headers.append(UInt8(ascii: "}"))
      answerBytes.append(Data(line[(key.upperBound - 1)..<(line.endIndex - 1)]))
      lines.append(Data(line))
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
