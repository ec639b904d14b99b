import Foundation
import SaferClassClient
import SaferCore

/// A live class at full size: the real `safer class host` (release build) on loopback, its
/// console driven through a pipe, and `students` simulated students in this process, each
/// with its own WebSocket connection (`ClassClient`, as the shell uses), answering
/// `questions` questions. Each student answers after a think time drawn between 0.5 and 4
/// seconds (seeded, so every run is the same class), as a room of children does; with
/// `SAFER_BENCH_BURST=1` all 300 answer the instant a question opens instead (a stress
/// figure: every answer of the class queued at once).
///
/// Measured: answer-acknowledgement latency (answer sent → receipt received, p50/p99), the
/// host's CPU time and peak memory (from /proc while it runs), and answers lost (sent, never
/// acknowledged, or missing from the host's results) or misattributed (in the results
/// under another student, or with another response than the one sent).
enum ClassBenchmark {
  static let students = 300
  static let questions = 20
  static let burst = ProcessInfo.processInfo.environment["SAFER_BENCH_BURST"] == "1"

  /// Seconds student `index` thinks before answering question `number`.
  static func thinkTime(student index: Int, question number: Int) -> Double {
    if burst { return 0 }
    var generator = SeededGenerator(seed: UInt64(index * 1_000 + number))
    return Double.random(in: 0.5...4, using: &generator)
  }

  static func run(_ report: Reporter) throws {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let safer = folder.appendingPathComponent("safer").path
    guard FileManager.default.isExecutableFile(atPath: safer) else {
      report.note("skipping the class benchmark: build first (swift build -c release)")
      return
    }
    let lessons = try temporaryFolder("class-lessons")
    try lessonYAML().write(toFile: lessons + "/class.yaml", atomically: true, encoding: .utf8)
    try "kind: quiz\nid: class-bench\ntitle: Class benchmark\nselect: [{lesson: class-bench-lesson}]\n"
      .write(toFile: lessons + "/class-quiz.yaml", atomically: true, encoding: .utf8)
    let data = try temporaryFolder("class-data")
    defer { for path in [lessons, data] { try? FileManager.default.removeItem(atPath: path) } }

    let host = try Host(
      safer,
      [
        "class", "host", "class-bench", "--port", "0", "--bind", "127.0.0.1", "--time-limit", "120", "--data", data,
        "--lessons", lessons,
      ])
    defer { host.stop() }
    let (address, code) = try host.joinLine(timeout: 30)
    let log = Log()
    var clients: [ClassClient] = []
    for index in 0..<students {
      let name = String(format: "Student %03d", index)
      let client = ClassClient(address: address) { event in log.receive(event, student: index) }
      client.send(.join(code: code, name: name, token: String(format: "%032x", index + 1)))
      log.attach(client, student: index)
      clients.append(client)
    }
    guard log.waitFor(timeout: 60, { $0.welcomed == students }) else {
      report.note("class benchmark: only \(log.snapshot.welcomed) of \(students) joined")
      return
    }
    let cpuBefore = host.cpuSeconds()
    for number in 1...questions {
      host.type("next")
      _ = log.waitFor(timeout: 60) { $0.receipts[number, default: 0] == students }
    }
    let cpu = host.cpuSeconds() - cpuBefore
    let label = burst ? "class_\(students)_burst" : "class_\(students)"
    let peak = host.peakMemoryBytes()
    host.type("end")
    _ = log.waitFor(timeout: 30) { $0.ended == students }
    host.closeInput()
    host.wait(timeout: 30)

    let state = log.snapshot
    let sent = state.sent.values.reduce(0) { $0 + $1.count }
    let acknowledged = state.receipts.values.reduce(0, +)
    let (inResults, misattributed) = try check(results: data, sent: state.sent)
    report.result("\(label)_ack_p50", percentile(state.latencies, 50), "ms")
    report.result("\(label)_ack_p99", percentile(state.latencies, 99), "ms", target: burst ? nil : "< 20 ms")
    report.result("\(label)_host_cpu", cpu, "s", target: "for \(students * questions) answers")
    report.result("\(label)_host_peak_memory", Double(peak) / 1_048_576, "MiB")
    report.result("\(label)_answers_lost", Double(sent - min(acknowledged, inResults)), "answers", target: "0")
    report.result("\(label)_misattributed", Double(misattributed + state.wrongReceipts), "answers", target: "0")
    withExtendedLifetime(clients) {}
  }

  /// What the host's results file holds, against what each student sent: how many answers
  /// are there as sent, and how many are under the wrong student or with another response.
  static func check(results data: String, sent: [Int: [Int: String]]) throws -> (found: Int, misattributed: Int) {
    let loaded = ClassResultsFolder(dataFolder: data).load().results
    guard let results = loaded.first else { return (0, 0) }
    var found = 0
    var misattributed = 0
    for student in results.students {
      guard let index = Int(student.name.dropFirst("Student ".count)), let mine = sent[index] else {
        misattributed += student.answers.count
        continue
      }
      for answer in student.answers {
        if mine[answer.question] == answer.response { found += 1 } else { misattributed += 1 }
      }
    }
    return (found, misattributed)
  }

  /// The response student `index` gives to question `number`: spread over the letters, so a
  /// response under the wrong student is noticed.
  static func response(student index: Int, question number: Int) -> String {
    Grader.letter((index + number) % 4)
  }

  /// What the simulated students saw, filled in from SwiftNIO's threads.
  final class Log: @unchecked Sendable {
    struct State {
      var welcomed = 0
      var ended = 0
      var sentAt: [Int: [Int: UInt64]] = [:]
      var sent: [Int: [Int: String]] = [:]
      var receipts: [Int: Int] = [:]
      var latencies: [Double] = []
      var wrongReceipts = 0
    }

    private let condition = NSCondition()
    private var state = State()
    private var clients: [Int: ClassClient] = [:]

    var snapshot: State { condition.withLock { state } }

    func attach(_ client: ClassClient, student: Int) {
      condition.withLock { clients[student] = client }
    }

    func receive(_ event: ClassLinkEvent, student: Int) {
      guard case .message(let message) = event else { return }
      condition.lock()
      defer {
        condition.broadcast()
        condition.unlock()
      }
      switch message {
      case .welcome:
        state.welcomed += 1
      case .question(let open):
        let number = open.question.number
        let delay = ClassBenchmark.thinkTime(student: student, question: number)
        if delay == 0 {
          answer(student: student, question: number)
        } else {
          DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [self] in
            condition.withLock { answer(student: student, question: number) }
          }
        }
      case .received(let receipt):
        let now = DispatchTime.now().uptimeNanoseconds
        if let start = state.sentAt[student]?[receipt.question] {
          state.latencies.append(Double(now - start) / 1_000_000)
        }
        if state.sent[student]?[receipt.question] != receipt.response { state.wrongReceipts += 1 }
        state.receipts[receipt.question, default: 0] += 1
      case .ended:
        state.ended += 1
      default:
        break
      }
    }

    /// Sends student `student`'s answer (with the lock held).
    private func answer(student: Int, question number: Int) {
      let response = ClassBenchmark.response(student: student, question: number)
      state.sent[student, default: [:]][number] = response
      state.sentAt[student, default: [:]][number] = DispatchTime.now().uptimeNanoseconds
      clients[student]?.send(.answer(question: number, response: response, player: nil))
    }

    /// Waits until `done` holds (`false` at the timeout).
    func waitFor(timeout: TimeInterval, _ done: (State) -> Bool) -> Bool {
      let deadline = Date().addingTimeInterval(timeout)
      condition.lock()
      defer { condition.unlock() }
      while !done(state) {
        if !condition.wait(until: deadline) { return done(state) }
      }
      return true
    }
  }

  /// The host process: its console on a pipe, its output read as it comes.
  final class Host: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    private let lock = NSLock()
    private var printed = ""

    init(_ binary: String, _ arguments: [String]) throws {
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = arguments
      process.standardInput = input
      process.standardOutput = output
      process.standardError = output
      output.fileHandleForReading.readabilityHandler = { [weak self] handle in
        let chunk = handle.availableData
        guard let self, !chunk.isEmpty else { return }
        self.lock.withLock { self.printed += String(decoding: chunk, as: UTF8.self) }
      }
      try process.run()
    }

    func joinLine(timeout: TimeInterval) throws -> (ClassAddress, String) {
      let deadline = Date().addingTimeInterval(timeout)
      while Date() < deadline {
        let text = lock.withLock { printed }
        if let match = text.firstMatch(of: /join (127\.0\.0\.1:\d+) (\d{6})/) {
          return (try ClassAddress.parse(String(match.1)), String(match.2))
        }
        Thread.sleep(forTimeInterval: 0.05)
      }
      throw POSIXError(.ETIMEDOUT)
    }

    func type(_ line: String) {
      input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    func closeInput() { try? input.fileHandleForWriting.close() }

    /// User and system CPU time so far, from /proc/PID/stat.
    func cpuSeconds() -> Double {
      guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
        let close = stat.range(of: ") ", options: .backwards)
      else { return 0 }
      let fields = stat[close.upperBound...].split(separator: " ")
      guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
      return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Peak resident memory (VmHWM), from /proc/PID/status.
    func peakMemoryBytes() -> Int {
      guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
      else { return 0 }
      return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }

    func wait(timeout: TimeInterval) {
      let deadline = Date().addingTimeInterval(timeout)
      while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    func stop() {
      if process.isRunning { process.terminate() }
    }
  }

  /// One quiz of `questions` single-choice questions (four choices, the first right).
  static func lessonYAML() -> String {
    var yaml = """
      id: class-bench-lesson
      title: Class benchmark lesson
      topic: passwords
      level: "10-13"
      objectives: [Measure a live class]
      sources: [{title: Generated, url: "https://example.org"}]
      steps:

      """
    for question in 1...questions {
      yaml += """
          - id: q\(question)
            kind: single
            prompt: Which one, number \(question)?
            choices:
              - {text: One, correct: true, feedback: Yes.}
              - {text: Two, feedback: No.}
              - {text: Three, feedback: No.}
              - {text: Four, feedback: No.}

        """
    }
    return yaml
  }
}
