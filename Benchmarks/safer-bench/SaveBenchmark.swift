import Foundation
import SaferCore

/// Saving after an answer when the student already has 10,000 answers on record (the
/// journal entry: diff, encode, append, fdatasync), opening such a record, and compacting it
/// (the whole snapshot: encode, temporary file, fsync, rename, fsync of the folder).
enum SaveBenchmark {
  static func run(_ report: Reporter) throws {
    let data = try temporaryFolder("save")
    let store = FileRecordStore(dataFolder: data)
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var handle = try store.open(displayName: "Bench", now: start)
    try handle.update { record in
      for attempt in 0..<500 {
        var finished = Attempt(
          id: "attempt-\(attempt)", kind: .lesson, contentID: "lesson-\(attempt % 20)", contentVersion: "0123456789abcdef",
          title: "Lesson \(attempt % 20)", topic: "passwords", started: start)
        for answer in 0..<20 {
          finished.answers.append(sampleAnswer(answer, at: start))
        }
        finished.status = .completed
        finished.finished = start
        record.attempts.append(finished)
      }
      record.attempts.append(
        Attempt(
          id: "open", kind: .lesson, contentID: "lesson-0", contentVersion: "0123456789abcdef", title: "Lesson 0",
          topic: "passwords", started: start))
    }
    handle.close()
    let path = store.recordPath(id: UserID.make(from: "Bench") ?? "")
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
    report.result("record_size_10000_answers", size / 1_048_576, "MiB")

    let load = milliseconds { handle = (try? store.open(displayName: "Bench", now: start)) ?? handle }
    report.result("record_open_10000_answers", load, "ms")

    var timings: [Double] = []
    for index in 0..<200 {
      timings.append(
        try milliseconds {
          try handle.update { record in
            record.attempts[record.attempts.count - 1].answers.append(sampleAnswer(index, at: start))
          }
        })
    }
    report.result("record_save_p50", percentile(timings, 50), "ms", target: "< 1 ms")
    report.result("record_save_p99", percentile(timings, 99), "ms")
    let compaction = try milliseconds { try handle.compact() }
    report.result("record_compact_10000_answers", compaction, "ms")

    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    let record = handle.record
    let whole = try milliseconds { _ = try encoder.encode(record) }
    report.result("jsonencoder_whole_record_for_comparison", whole, "ms")
    handle.close()
    try? FileManager.default.removeItem(atPath: data)
  }

  static func sampleAnswer(_ index: Int, at date: Date) -> AnswerRecord {
    AnswerRecord(
      questionID: "question-\(index % 20)", topic: "passwords", response: index % 3 == 0 ? "b" : "kettle sunrise",
      correct: index % 4 != 0, points: index % 4 != 0 ? 1 : 0, maxPoints: 1, seconds: 7.5, hintsUsed: index % 2, at: date)
  }
}
