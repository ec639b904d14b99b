import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SIGTERM and SIGHUP (a `kill`, a logout, a closed terminal window) end the shell as
/// Ctrl-D does: goodbye said, journal compacted into the record, lock removed, and the
/// exit status a shell reports for that signal.
@Suite("Termination signals")
struct TerminationTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  /// After a clean ending only the record is left in `users/`: no journal, no lock, no
  /// temporary file.
  private func expectOnlyTheRecord() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: sandbox.usersFolder.path).sorted()
    #expect(files == [sandbox.recordURL().lastPathComponent])
    #expect(try sandbox.answers().count == 1)
  }

  @Test func sigtermInATerminalSaysGoodbyeAndCompacts() throws {
    let shell = try TmuxSession(sandbox: sandbox, arguments: sandbox.shellArguments())
    defer { shell.close() }
    try shell.waitForLastLine("Ana › ")
    try shell.enter("start demo-lesson")
    try shell.waitForLastLine("Ana · demo-lesson 1/8 › ")
    try shell.enter("b")
    try shell.waitForLastLine("Ana · demo-lesson 2/8 › ")
    #expect(FileManager.default.fileExists(atPath: sandbox.journalURL().path), "the answer waits in the journal")
    _ = kill(try shell.shellPID(), SIGTERM)
    let screen = try shell.waitFor(text: "Bye, Ana!")
    #expect(screen.contains("Saved: 1 answer this session"))
    #expect(try shell.exitStatus() == 128 + SIGTERM)
    try expectOnlyTheRecord()
  }

  @Test(arguments: [SIGHUP, SIGTERM])
  func aSignalToAPipedShellEndsItCleanly(_ signal: Int32) throws {
    let process = try RunningProcess(
      executable: try SaferBinary.require(), arguments: sandbox.shellArguments(),
      environment: BinaryRunner.environment(home: sandbox.home.path),
      countingLines: { Verdict.count(in: String($0)) == 1 })
    // stdin stays open: the shell is blocked reading the next line when the signal lands.
    process.send("start demo-lesson\nb\n")
    try #require(process.waitForCountedLines(atLeast: 1, timeout: 20))
    Thread.sleep(forTimeInterval: 0.3)
    process.kill(signal)
    let result = try process.waitForExit(timeout: 20)
    #expect(!result.killedBySignal, "the shell handled the signal: \(result.output)")
    #expect(result.status == 128 + signal)
    #expect(result.stdout.contains("Bye, Ana!"))
    try expectOnlyTheRecord()
  }

  /// `safer | head`: when nobody reads the output any more, the shell ends as on Ctrl-D
  /// (its answers compacted, its lock removed) instead of dying of SIGPIPE.
  @Test func aClosedOutputPipeEndsTheShellCleanly() throws {
    let safer = try SaferBinary.require().path
    let arguments = sandbox.shellArguments().map { "'\($0)'" }.joined(separator: " ")
    let script =
      "(printf 'start demo-lesson\\nb\\n'; sleep 1; printf 'whoami\\n'; sleep 1; printf 'help\\n') | "
      + "'\(safer)' \(arguments) | head -c 10 > /dev/null"
    let result = try Subprocess.run("/bin/sh", ["-c", script])
    #expect(result.status == 0, "\(result.output)")
    try expectOnlyTheRecord()
  }
}
