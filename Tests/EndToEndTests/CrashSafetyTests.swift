import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Safer Shell promises that an answer is on disk before the student is told it was taken
/// (temp file, fsync, rename, then the verdict line). These tests hold it to that the hard
/// way: a long piped session is killed with SIGKILL at random moments (no handlers, no
/// flushing, no cleanup), and the record left behind must be valid JSON that holds every
/// acknowledged answer, plus at most the one being acknowledged when the kill landed.
@Suite("Crash safety")
struct CrashSafetyTests {
  /// Kill moments differ per round; set SAFER_E2E_SEED to replay a failing run.
  static let seed: UInt64 =
    ProcessInfo.processInfo.environment["SAFER_E2E_SEED"].flatMap { UInt64($0) }
    ?? UInt64.random(in: 1...UInt64(UInt32.max))

  @Test func sigkillMidSessionNeverLosesAnAcknowledgedAnswer() throws {
    var random = SplitMix64(seed: Self.seed)
    let started = Date()
    for round in 1...20 {
      try killOnce(round: round, random: &random)
    }
    #expect(Date().timeIntervalSince(started) < 60, "the crash rounds should take well under a minute")
  }

  /// One session, one SIGKILL, then the checks (and a new shell for the same student).
  private func killOnce(round: Int, random: inout SplitMix64) throws {
    let sandbox = try Sandbox()
    let context = "round \(round), SAFER_E2E_SEED=\(Self.seed)"
    let script = Self.script(random: &random)
    // Half the rounds compact the journal every few answers, so kills also land while a
    // new snapshot is written and the journal removed.
    var environment = BinaryRunner.environment(home: sandbox.home.path)
    if round % 2 == 0 { environment["SAFER_JOURNAL_COMPACT_BYTES"] = String(1000 + Int(random.next() % 3000)) }
    let process = try RunningProcess(
      executable: try SaferBinary.require(), arguments: sandbox.shellArguments(user: "ana"),
      environment: environment,
      countingLines: { line in Verdict.count(in: String(line)) == 1 })

    // Lines go in one at a time, with a pace that varies per round: at full speed the
    // shell is busy (saving, printing) when the kill lands; paced, it is often waiting on
    // stdin. Both must be safe.
    let pace = [0, 100, 500, 1500][Int(random.next() % 4)]
    let writerDone = DispatchSemaphore(value: 0)
    Thread {
      for line in script where !process.hasExited {
        process.send(line + "\n")
        if pace > 0 { usleep(useconds_t(pace)) }
      }
      writerDone.signal()
    }.start()

    let target = Int(random.next() % 90) + 1
    let reached = process.waitForCountedLines(atLeast: target, timeout: 20)
    usleep(useconds_t(random.next() % 3000))
    let seenBeforeKill = process.countedLines
    process.kill(SIGKILL)
    let result = try process.waitForExit(timeout: 20)
    writerDone.wait()
    try #require(reached, "the session ended or stalled before \(target) answers; \(context)")
    try #require(result.killedBySignal && result.status == SIGKILL, "the kill must land mid-session; \(context)")

    // Everything the shell printed before dying is still in the pipe: each verdict in it
    // was printed, so its answer had been saved.
    let acknowledged = Verdict.count(in: result.stdout)
    #expect(acknowledged >= seenBeforeKill, "\(context)")
    let files = [sandbox.recordURL().path, sandbox.journalURL().path]
    try #require(files.contains { FileManager.default.fileExists(atPath: $0) }, "no record after the kill; \(context)")
    let saved = try #require(try? sandbox.answers(), "the record cannot be read after the kill; \(context)")
    #expect(
      saved.count >= acknowledged,
      "an acknowledged answer was lost (\(saved.count) saved, \(acknowledged) acknowledged); \(context)")
    #expect(
      saved.count <= acknowledged + 1,
      "more than one unacknowledged answer (\(saved.count) saved, \(acknowledged) acknowledged); \(context)")

    // The kernel dropped the dead shell's flock: the student can come straight back.
    let next = try sandbox.run(sandbox.shellArguments(user: "ana"), stdin: "whoami\n")
    #expect(next.status == 0, "\(context)")
    #expect(!next.output.contains("already has Safer Shell open"), "\(context)")
    #expect(!next.output.contains("damaged"), "\(context)")
    #expect(unwrapped(next.stdout).contains(" \(saved.count) answer"), "whoami sees the same answers: \(next.stdout); \(context)")
  }

  /// A few hundred lines: the demo lesson again and again, with valid answers (and some
  /// skips) picked at random, so every line is accepted and saved.
  static func script(random: inout SplitMix64) -> [String] {
    func pick(_ options: [String]) -> String { options[Int(random.next() % UInt64(options.count))] }
    var lines: [String] = []
    while lines.count < 400 {
      lines.append("start demo-lesson")
      lines.append(pick(["a", "b", "skip"]))
      lines.append(pick(["a c", "b", "a b c", "skip"]))
      lines.append(pick(["true", "false", "no", "skip"]))
      lines.append(pick(["passphrase", "password", "skip"]))
      lines.append(pick(["15", "8", "skip"]))
      lines.append(pick(["a b c", "a c b", "c b a", "skip"]))
      // The scenario branches: `a` leads to one more question, `b` ends the lesson.
      // (Skipping a scenario would leave the branch to the lesson, so it is not used.)
      if pick(["a", "b"]) == "a" {
        lines.append("a")
        lines.append(pick(["a", "b"]))
      } else {
        lines.append("b")
      }
    }
    return lines
  }
}

/// A small seedable generator, so a failing round can be replayed.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
