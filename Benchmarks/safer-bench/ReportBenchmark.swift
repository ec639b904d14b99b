import Foundation
import SaferCore

/// `safer report` through the real binary on a class of 1,000 students with 50 finished
/// attempts each at one 10-question quiz (500,000 answers, as a school would gather over
/// a year), as JSON, and its peak memory.
enum ReportBenchmark {
  static let students = 1_000
  static let attemptsEach = 50
  static let questions = 10

  static func run(_ report: Reporter) throws {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let safer = folder.appendingPathComponent("safer").path
    guard FileManager.default.isExecutableFile(atPath: safer) else { return }
    let data = try temporaryFolder("report-data")
    defer { try? FileManager.default.removeItem(atPath: data) }
    let seeding = try milliseconds { try seed(data: data) }
    report.note("seeded \(students) students in \(Int(seeding)) ms")
    let empty = try temporaryFolder("report-input")
    defer { try? FileManager.default.removeItem(atPath: empty) }
    let input = empty + "/none"
    FileManager.default.createFile(atPath: input, contents: Data())
    var times: [Double] = []
    var peak = 0
    for _ in 0..<3 {
      times.append(
        try milliseconds {
          peak = max(peak, try ShellBenchmark.launch(safer, ["report", "--data", data, "--json"], input: input))
        })
    }
    report.result("report_1000_students_50_attempts_p50", percentile(times, 50), "ms", target: "< 2000 ms")
    report.result("report_1000_students_peak_memory", Double(peak) / 1_048_576, "MiB")
  }

  /// Records written through the store, as shells would leave them (snapshots, no journal).
  static func seed(data: String) throws {
    let store = FileRecordStore(dataFolder: data)
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let order = (0..<questions).map { "bench/q\($0)" }
    for student in 0..<students {
      let handle = try store.open(displayName: "Student \(student)", now: start)
      try handle.update { record in
        for number in 0..<attemptsEach {
          var attempt = Attempt(
            id: "s\(student)-a\(number)", kind: .quiz, contentID: "bench-quiz", contentVersion: "0123456789abcdef",
            title: "Benchmark quiz", topic: "passwords", started: start, questionOrder: order)
          attempt.answers = AnswerList(
            order.enumerated().map { index, id in
              // Some students and questions right more often than others, so the
              // statistics have something to find.
              let right = (student + index * 7 + number) % 10 < 6 + index % 3
              return AnswerRecord(
                questionID: id, topic: "passwords", response: right ? "b" : "a", correct: right, points: right ? 1 : 0,
                maxPoints: 1, seconds: 5, hintsUsed: 0, at: start)
            })
          attempt.score = attempt.answers.reduce(0) { $0 + $1.points }
          attempt.maxScore = Double(questions)
          attempt.position = questions
          attempt.status = .completed
          attempt.finished = start
          attempt.passed = attempt.score >= 5
          record.attempts.append(attempt)
        }
      }
      handle.close()
    }
  }
}
