import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a finished process left behind.
struct RunResult: Sendable {
  var stdout: String
  var stderr: String
  /// The exit status, or the signal number when `killedBySignal`.
  var status: Int32
  var killedBySignal: Bool

  /// Both streams, for messages that may go to either.
  var output: String { stdout + stderr }
}

/// Problems of the test harness itself (not of Safer Shell), with a message that says
/// what to do.
struct HarnessError: Error, CustomStringConvertible {
  var description: String
}

/// Finds the `safer` binary that `swift test` just built.
///
/// The EndToEndTests target depends on `safer`, so the binary sits in the same products
/// folder as the test bundle. `swift test` runs that bundle as an executable on Linux
/// (`Bundle.main` is its folder) and inside `xctest` on macOS (the `.xctest` bundle is
/// in `Bundle.allBundles`); `.build/debug/safer` next to this source file is the last resort.
enum SaferBinary {
  static let url: URL? = locate()

  static func require() throws -> URL {
    guard let url else {
      throw HarnessError(
        description: "Cannot find the built `safer` binary next to the test bundle or in .build/debug; run `swift build` first.")
    }
    return url
  }

  private static func locate() -> URL? {
    var folders: [URL] = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    folders += Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }.map { $0.deletingLastPathComponent() }
    folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
    folders.append(packageRoot.appendingPathComponent(".build/debug"))
    return folders.map { $0.appendingPathComponent("safer") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// The checkout this test file belongs to.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Support
      .deletingLastPathComponent()  // EndToEndTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()
  }
}

/// Runs `safer` like a script or a cron job would: arguments, piped stdin, a clean
/// environment.
enum BinaryRunner {
  /// Variables that would let the developer's own setup leak into a test.
  static let removedVariables = ["SAFER_USER", "SAFER_DATA", "SAFER_LESSONS", "NO_COLOR", "TMUX", "TMUX_PANE", "XDG_DATA_HOME"]

  /// The test process's environment, minus `removedVariables`, with `HOME` set and `extra` on top.
  static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    for name in removedVariables { environment[name] = nil }
    environment["HOME"] = home
    environment["LANG"] = environment["LANG"] ?? "C.UTF-8"
    return environment.merging(extra) { $1 }
  }

  /// Runs `safer` to completion. `stdin` is written whole and then closed.
  static func run(
    _ arguments: [String], stdin: String = "", home: String, environment extra: [String: String] = [:],
    timeout: TimeInterval = 30
  ) throws -> RunResult {
    let process = try RunningProcess(
      executable: try SaferBinary.require(), arguments: arguments, environment: environment(home: home, extra: extra))
    process.send(stdin)
    process.closeInput()
    return try process.waitForExit(timeout: timeout)
  }
}

/// A child process whose stdout and stderr are read by background threads as they come.
///
/// Reading both pipes concurrently (instead of one after the other, or only after the
/// exit) means a chatty child never blocks on a full pipe, and lets a test react to
/// output while the process is still running (the SIGKILL test does). See `Spawn` for why
/// this is not Foundation's `Process`.
final class RunningProcess: @unchecked Sendable {
  private let child: SpawnedChild
  private let command: String
  private let condition = NSCondition()
  private var stdoutBytes = Data()
  private var stderrBytes = Data()
  private var openStreams = 2
  private var termination: (status: Int32, bySignal: Bool)?
  /// Guards stdin only: a blocked write must not stop the readers.
  private let inputLock = NSLock()
  private var inputOpen = true
  private let lineFilter: (@Sendable (Substring) -> Bool)?
  private var partialLine = Data()
  private var matchingLines = 0

  /// A dead child must not take the test runner with it: writes to its closed stdin
  /// should fail with EPIPE, not raise SIGPIPE. (Children get the default action back.)
  private static let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

  /// `countingLines`: stdout lines to count as they arrive (see `waitForCountedLines`).
  init(
    executable: URL, arguments: [String], environment: [String: String],
    countingLines lineFilter: (@Sendable (Substring) -> Bool)? = nil
  ) throws {
    _ = Self.ignoreSIGPIPE
    self.lineFilter = lineFilter
    command = ([executable.lastPathComponent] + arguments).joined(separator: " ")
    child = try Spawn.start(executable: executable.path, arguments: arguments, environment: environment)
    read(child.stdout, isStdout: true)
    read(child.stderr, isStdout: false)
    Thread { [self, child] in
      let ended = Spawn.wait(for: child.pid)
      condition.lock()
      termination = ended
      condition.broadcast()
      condition.unlock()
    }.start()
  }

  deinit {
    kill()
    closeInput()
  }

  var pid: Int32 { child.pid }

  private func read(_ descriptor: Int32, isStdout: Bool) {
    Thread { [self] in
      var buffer = [UInt8](repeating: 0, count: 65536)
      while true {
        let count = buffer.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        condition.lock()
        if count <= 0 {
          openStreams -= 1
        } else if isStdout {
          stdoutBytes.append(contentsOf: buffer[0..<count])
          countLines(in: Data(buffer[0..<count]))
        } else {
          stderrBytes.append(contentsOf: buffer[0..<count])
        }
        condition.broadcast()
        condition.unlock()
        if count <= 0 { break }
      }
      close(descriptor)
    }.start()
  }

  /// Counts the complete lines of `chunk` that `lineFilter` accepts. Called with the lock held.
  private func countLines(in chunk: Data) {
    guard let lineFilter else { return }
    partialLine.append(chunk)
    while let newline = partialLine.firstIndex(of: UInt8(ascii: "\n")) {
      let line = String(decoding: partialLine[partialLine.startIndex..<newline], as: UTF8.self)
      if lineFilter(line[...]) { matchingLines += 1 }
      partialLine = Data(partialLine[partialLine.index(after: newline)...])
    }
  }

  /// Stdout lines accepted by the `countingLines` filter so far.
  var countedLines: Int {
    condition.lock()
    defer { condition.unlock() }
    return matchingLines
  }

  /// Whether the child has exited (or was killed) and was reaped.
  var hasExited: Bool {
    condition.lock()
    defer { condition.unlock() }
    return termination != nil
  }

  /// Waits until `count` lines were counted; false when it timed out or stdout closed first.
  func waitForCountedLines(atLeast count: Int, timeout: TimeInterval) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    condition.lock()
    defer { condition.unlock() }
    while matchingLines < count {
      if openStreams == 0 || !condition.wait(until: deadline) { return matchingLines >= count }
    }
    return true
  }

  /// Writes to the child's stdin; silently does nothing once the child is gone.
  func send(_ text: String) {
    inputLock.lock()
    defer { inputLock.unlock() }
    guard inputOpen else { return }
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { writeBytes(child.stdin, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return }
      bytes = bytes.dropFirst(written)
    }
  }

  /// Ends the child's stdin (what Ctrl-D or the end of a pipe is to the shell).
  func closeInput() {
    inputLock.lock()
    defer { inputLock.unlock() }
    guard inputOpen else { return }
    inputOpen = false
    close(child.stdin)
  }

  /// What the child printed so far.
  var stdout: String {
    condition.lock()
    defer { condition.unlock() }
    return String(decoding: stdoutBytes, as: UTF8.self)
  }

  /// Sends `signal` unless the child is already gone.
  func kill(_ signal: Int32 = SIGKILL) {
    condition.lock()
    defer { condition.unlock() }
    if termination == nil { sendSignal(signal, to: child.pid) }
  }

  /// Waits for the exit and for both pipes to be drained, so the result holds everything
  /// the child wrote, including what it wrote just before a SIGKILL.
  func waitForExit(timeout: TimeInterval) throws -> RunResult {
    let deadline = Date().addingTimeInterval(timeout)
    condition.lock()
    while termination == nil || openStreams > 0 {
      if !condition.wait(until: deadline) { break }
    }
    let ended = termination
    let drained = openStreams == 0
    let result = RunResult(
      stdout: String(decoding: stdoutBytes, as: UTF8.self), stderr: String(decoding: stderrBytes, as: UTF8.self),
      status: ended?.status ?? -1, killedBySignal: ended?.bySignal ?? false)
    condition.unlock()
    guard ended != nil else {
      kill()
      throw HarnessError(description: "`\(command)` did not finish within \(timeout) s; killed. Output so far:\n\(result.output)")
    }
    guard drained else {
      throw HarnessError(description: "`\(command)` exited but its output pipes stayed open (inherited by another process?)")
    }
    return result
  }
}

// `kill(2)`, `read(2)` and `write(2)` under names the methods above do not hide.
private func sendSignal(_ signal: Int32, to pid: Int32) { _ = kill(pid, signal) }
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
private func writeBytes(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}

/// Runs another program the tests need (a browser, a script) to completion.
enum Subprocess {
  static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 60) throws -> RunResult {
    let process = try RunningProcess(
      executable: URL(fileURLWithPath: executable), arguments: arguments,
      environment: ProcessInfo.processInfo.environment)
    process.closeInput()
    return try process.waitForExit(timeout: timeout)
  }
}
