import Foundation

/// libFuzzer entry point for what reads a student's files: the snapshot decoder, the
/// validator that repairs what it cannot trust, and the journal reader and replay.
///
/// Whatever the bytes, none of them may crash, and what the validator lets through must
/// pass it again and be safe to use (positions in range, scores finite).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecord(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Data(bytes: data, count: size)
  var record = UserRecord(id: "fuzz-0000000000", displayName: "Fuzz", now: Date(timeIntervalSince1970: 0))
  var seq = 0
  if let decoded = try? RecordDecoder.decode(bytes) {
    record = decoded.record
    seq = decoded.journalSeq
    // The fast line reader reads every attempt as JSONDecoder does.
    RecordDecoder.decodeWithFoundationOnly = true
    let slow = try? RecordDecoder.decode(bytes)
    RecordDecoder.decodeWithFoundationOnly = false
    if let slow {
      func fields(_ attempts: [Attempt]) -> [Attempt] {
        attempts.map {
          var copy = $0; copy.answers = []; return copy
        }
      }
      precondition(fields(slow.record.attempts) == fields(record.attempts), "the line reader and JSONDecoder disagree")
    }
    // Archived answers decode (or become placeholders) without changing their count.
    for attempt in record.attempts {
      precondition(attempt.answers.elements.count == attempt.answers.count)
    }
  }
  // The same bytes read as a journal, replayed over what was decoded.
  let contents = JournalFile.read(bytes, after: seq)
  precondition(contents.validSize <= bytes.count)
  for entry in contents.entries {
    do { try entry.apply(to: &record) } catch { break }
  }
  let repaired = RecordValidator.repair(record)
  let second = RecordValidator.repair(repaired.record).problems
  precondition(second.isEmpty, "repair must be final: \(second)")
  for attempt in repaired.record.attempts {
    precondition(attempt.position >= 0 && attempt.score.isFinite && attempt.maxScore.isFinite)
  }
  // What was read can be written again and read back to the same record.
  if let encoded = try? RecordSerializer().encode(repaired.record, journalSeq: seq),
    let again = try? RecordDecoder.decode(encoded)
  {
    precondition(again.record.attempts.count == repaired.record.attempts.count)
  }
  return 0
}
