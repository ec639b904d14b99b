import Foundation
import SaferCore

/// Start-up and answers through the real `safer` binary, on piped input, beside the
/// `safer-hello` baseline built in the same `swift build -c release` and timed in the same
/// run (this machine's timings drift by a third, so ratios say more than times).
///
/// - Start to first prompt: `safer` with `quit` as its only input, for a new student and for
///   one with 10,000 answers on record.
/// - One answer: a session answering `answers` questions minus a session answering none,
///   divided by `answers`: grading, the journal append and its fdatasync, and printing.
enum ShellBenchmark {
  static let questions = 200

  static func run(_ report: Reporter, large: Bool) throws {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let safer = folder.appendingPathComponent("safer").path
    let hello = folder.appendingPathComponent("safer-hello").path
    guard FileManager.default.isExecutableFile(atPath: safer), FileManager.default.isExecutableFile(atPath: hello) else {
      report.note("skipping shell benchmarks: build first (swift build -c release)")
      return
    }
    let lessons = try temporaryFolder("shell-lessons")
    try lessonYAML().write(toFile: lessons + "/bench.yaml", atomically: true, encoding: .utf8)
    let data = try temporaryFolder("shell-data")
    let inputs = try temporaryFolder("shell-input")
    let quit = inputs + "/quit"
    try "quit\n".write(toFile: quit, atomically: true, encoding: .utf8)
    let answering = inputs + "/answers"
    try (["start bench"] + Array(repeating: "b", count: questions) + ["reset bench", "quit"]).joined(separator: "\n")
      .write(toFile: answering, atomically: true, encoding: .utf8)
    let opening = inputs + "/open"
    try "start bench\nreset bench\nquit\n".write(toFile: opening, atomically: true, encoding: .utf8)
    func arguments(_ user: String) -> [String] { ["--user", user, "--data", data, "--lessons", lessons] }

    try seed(data: data, name: "Ten Thousand", answers: 10_000)
    // Interleaved runs, so drift hits both sides alike.
    var helloTimes: [Double] = []
    var newTimes: [Double] = []
    var largeTimes: [Double] = []
    for _ in 0..<30 {
      helloTimes.append(try milliseconds { try launch(hello, [], input: quit) })
      newTimes.append(try milliseconds { try launch(safer, arguments("New Student"), input: quit) })
      largeTimes.append(try milliseconds { try launch(safer, arguments("Ten Thousand"), input: quit) })
    }
    let helloStart = percentile(helloTimes, 50)
    report.result("hello_world_start_p50", helloStart, "ms")
    report.result("startup_new_student_p50", percentile(newTimes, 50), "ms")
    report.result("startup_new_student_ratio", percentile(newTimes, 50) / helloStart, "x hello", target: "<= 3")
    report.result("startup_10000_answers_p50", percentile(largeTimes, 50), "ms")
    report.result("startup_10000_answers_ratio", percentile(largeTimes, 50) / helloStart, "x hello", target: "<= 3")

    var sizes = [("new", "Fresh Student"), ("10000", "Ten Thousand")]
    if large {
      try seed(data: data, name: "Two Hundred Thousand", answers: 200_000)
      sizes.append(("200000", "Two Hundred Thousand"))
    }
    var perAnswer: [String: Double] = [:]
    for (label, user) in sizes {
      var costs: [Double] = []
      for _ in 0..<5 {
        let full = try milliseconds { try launch(safer, arguments(user), input: answering) }
        let empty = try milliseconds { try launch(safer, arguments(user), input: opening) }
        costs.append(max(0, full - empty) / Double(questions))
      }
      perAnswer[label] = percentile(costs, 50)
      report.result("answer_\(label)_p50", percentile(costs, 50), "ms", target: "<= 1 ms")
      if label == "200000" {
        let start = try milliseconds { try launch(safer, arguments(user), input: quit) }
        report.result("startup_200000_answers", start, "ms")
      }
    }
    if let fresh = perAnswer["new"], let old = perAnswer["10000"], fresh > 0 {
      report.result("answer_10000_vs_new_ratio", old / fresh, "x", target: "<= 1.5")
    }
    for path in [lessons, data, inputs] { try? FileManager.default.removeItem(atPath: path) }
  }

  /// A student with `answers` answers on record, in finished attempts of 20.
  static func seed(data: String, name: String, answers: Int) throws {
    let store = FileRecordStore(dataFolder: data)
    let handle = try store.open(displayName: name, now: Date())
    let start = Date()
    try handle.update { record in
      for attempt in 0..<(answers / 20) {
        var finished = Attempt(
          id: "attempt-\(attempt)", kind: .lesson, contentID: "lesson-\(attempt % 20)", contentVersion: "0123456789abcdef",
          title: "Lesson \(attempt % 20)", topic: "passwords", started: start)
        finished.answers = AnswerList((0..<20).map { SaveBenchmark.sampleAnswer($0, at: start) })
        finished.score = 15
        finished.maxScore = 20
        finished.position = 20
        finished.status = .completed
        finished.finished = start
        record.attempts.append(finished)
      }
    }
    handle.close()
  }

  /// One lesson of `questions` single-choice questions whose right answer is `b`.
  static func lessonYAML() -> String {
    var yaml = """
      id: bench
      title: Benchmark lesson
      topic: passwords
      level: "10-13"
      objectives: [Measure answering]
      sources: [{title: Generated, url: "https://example.org"}]
      steps:

      """
    for question in 0..<questions {
      yaml += """
          - id: q\(question)
            kind: single
            prompt: Which one, number \(question)?
            choices:
              - {text: One, feedback: No.}
              - {text: Two, correct: true, feedback: Yes.}
              - {text: Three, feedback: No.}

        """
    }
    return yaml
  }

  /// Spawns directly (posix_spawn + waitpid): Foundation's `Process` adds tens of
  /// milliseconds of its own on Linux, which would drown what is measured.
  /// Returns the child's peak resident memory in bytes (`wait4`'s rusage).
  @discardableResult
  static func launch(_ binary: String, _ arguments: [String], input: String) throws -> Int {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, binary, &actions, nil, argv, environ)
    guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
    var exit: Int32 = 0
    var usage = rusage()
    wait4(pid, &exit, 0, &usage)
    return usage.ru_maxrss * 1024
  }
}
