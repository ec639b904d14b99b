import Foundation
import Testing

/// The real `safer` in a real pseudo-terminal, driven through tmux.
///
/// Piped stdin never exercises libedit: prompts, Tab completion, the Up arrow, Ctrl-C,
/// Ctrl-D and colour only exist on a terminal. tmux gives the binary one (100×40,
/// `TERM=xterm-256color`), types keys into it (`send-keys`) and shows what a student would
/// see (`capture-pane`). Each session has a private server (`tmux -L <unique>`) with its
/// own config, so tests neither see each other nor a developer's tmux; `close()` (or
/// deinit) kills that server.
///
/// Waits poll the screen until the expected text appears, with a timeout, instead of
/// sleeping: fast on a quiet machine, patient on a loaded CI runner.
final class TmuxSession: @unchecked Sendable {
  /// tmux on PATH (or in the usual places).
  static let executable: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
    return folders.map { URL(fileURLWithPath: $0).appendingPathComponent("tmux") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// How long any single wait may take before the test fails with the screen shown.
  static let defaultTimeout: TimeInterval = 10

  private let tmux: URL
  private let socket = "safer-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
  private let sandbox: Sandbox
  private var closed = false
  /// tmux leaves its socket file behind after `kill-server`; removed in `close()`.
  private var socketPath: String?

  /// Starts `safer arguments…` in a new detached session. `environment` adds variables
  /// (e.g. `NO_COLOR=1`); `SAFER_*` are always unset and HOME is the sandbox's.
  /// `parentTrapsCtrlC: false` leaves the wrapping sh with the default Ctrl-C action, like
  /// `make run`: it then only survives if the shell keeps Ctrl-C from becoming a signal.
  /// `columns`: the terminal's width.
  init(
    sandbox: Sandbox, arguments: [String], environment: [String: String] = [:], parentTrapsCtrlC: Bool = true,
    columns: Int = 100
  ) throws {
    guard let tmux = Self.executable else {
      throw HarnessError(
        description:
          "tmux is not installed, so the pseudo-terminal tests cannot run. Install it: `apt-get install tmux` (CI installs it).")
    }
    self.tmux = tmux
    self.sandbox = sandbox
    let config = sandbox.root.appendingPathComponent("tmux-\(socket).conf")
    // remain-on-exit keeps the pane, and what the shell printed last, after it exits.
    try "set -g remain-on-exit on\nset -g status off\nset -g history-limit 10000\n"
      .write(to: config, atomically: true, encoding: .utf8)
    // SAFER_BAND: new students are not asked their age group (a test about asking sets it empty).
    let variables = ["HOME": sandbox.home.path, "TERM": "xterm-256color", "LANG": "C.UTF-8", "SAFER_BAND": "10-13"]
      .merging(environment) { $1 }
    let command =
      ["/usr/bin/env"] + BinaryRunner.removedVariables.flatMap { ["-u", $0] }
      + variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      + [try SaferBinary.require().path] + arguments
    // tmux 3.3 sometimes never reaps a pane's process (a zombie, `pane_dead_status`
    // empty forever), so a small sh waits for the shell and prints its exit status.
    // The trap (a handler, not an ignore, so `safer` starts with the default action)
    // keeps sh alive through Ctrl-C, which reaches the whole foreground group.
    let wrapper = (parentTrapsCtrlC ? "trap : INT; " : "") + #""$@"; echo "\#(Self.exitMarker)$?]""#
    try run(
      [
        "-f", config.path, "new-session", "-d", "-s", "safer", "-x", "\(columns)", "-y", "40", "--", "/bin/sh", "-c", wrapper,
        "sh",
      ]
        + command)
    socketPath = try? run(["display-message", "-p", "#{socket_path}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Printed by the wrapper when the shell ends: `[safer exited with status N]`.
  static let exitMarker = "[safer exited with status "

  deinit { close() }

  /// Kills this test's tmux server (and the shell in it, if still running).
  func close() {
    guard !closed else { return }
    closed = true
    _ = try? run(["kill-server"], check: false)
    if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
  }

  // MARK: Keys

  /// Types `text` literally (no key-name lookup).
  func type(_ text: String) throws {
    try run(["send-keys", "-t", "safer", "-l", "--", text])
  }

  /// Presses keys by tmux name: `Enter`, `Tab`, `Up`, `C-c`, `C-d`, `C-u`.
  func press(_ keys: String...) throws {
    try run(["send-keys", "-t", "safer"] + keys)
  }

  /// Types `text` and presses Enter.
  func enter(_ text: String) throws {
    try type(text)
    try press("Enter")
  }

  // MARK: Screen

  /// Everything shown since the start (scrollback included), wrapped lines joined and
  /// trailing spaces kept (a prompt ends in one). `escapes` keeps colours and attributes
  /// as escape sequences.
  func screen(escapes: Bool = false) throws -> String {
    try run(["capture-pane", "-p", "-J", "-N", "-S", "-", "-t", "safer"] + (escapes ? ["-e"] : [])).stdout
  }

  /// The last line with something on it: where the cursor and prompt are.
  func lastLine() throws -> String {
    try screen().split(separator: "\n", omittingEmptySubsequences: false)
      .last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init) ?? ""
  }

  /// Polls until `predicate` holds for the screen; fails with the screen when it does not
  /// within `timeout`.
  @discardableResult
  func waitFor(
    _ what: String, timeout: TimeInterval = defaultTimeout, escapes: Bool = false, until predicate: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var shown = try screen(escapes: escapes)
    while !predicate(shown) {
      guard Date() < deadline else {
        throw HarnessError(description: "Waited \(timeout) s for \(what). The screen shows:\n\(Self.trimmed(shown))")
      }
      Thread.sleep(forTimeInterval: 0.05)
      shown = try screen(escapes: escapes)
    }
    return shown
  }

  /// Polls until `text` is on screen (however the shell wrapped it); returns the screen unwrapped.
  @discardableResult
  func waitFor(text: String, timeout: TimeInterval = defaultTimeout) throws -> String {
    unwrapped(try waitFor("“\(text)”", timeout: timeout) { unwrapped($0).contains(text) })
  }

  /// Polls until the last line is exactly `line` (e.g. the prompt `Ana › `, waiting for input).
  func waitForLastLine(_ line: String, timeout: TimeInterval = defaultTimeout) throws {
    let deadline = Date().addingTimeInterval(timeout)
    var last = try lastLine()
    while last != line {
      guard Date() < deadline else {
        throw HarnessError(
          description:
            "Waited \(timeout) s for the last line to be “\(line)”, it is “\(last)”. Screen:\n\(Self.trimmed(try screen()))")
      }
      Thread.sleep(forTimeInterval: 0.05)
      last = try lastLine()
    }
  }

  /// Waits for the shell to exit and returns its exit status.
  func exitStatus(timeout: TimeInterval = defaultTimeout) throws -> Int32 {
    let screen = try waitFor("the shell to exit", timeout: timeout) { $0.contains(Self.exitMarker) }
    let status = screen.components(separatedBy: Self.exitMarker).last?.prefix { $0.isNumber }
    return try #require(status.flatMap { Int32($0) }, "no exit status in: \(Self.trimmed(screen))")
  }

  /// The process id of `safer` itself (the child of the pane's small sh), for tests that
  /// send it a signal as the system would.
  func shellPID() throws -> Int32 {
    let output = try run(["display-message", "-p", "-t", "safer", "#{pane_pid}"]).stdout
    let wrapper = try #require(Int32(output.trimmingCharacters(in: .whitespacesAndNewlines)), "no pane pid: \(output)")
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for entry in entries {
      guard let pid = Int32(entry),
        let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let afterName = stat.range(of: ") ", options: .backwards)
      else { continue }
      // Fields after the name: state, then the parent's pid.
      let fields = stat[afterName.upperBound...].split(separator: " ")
      if fields.count > 1, Int32(fields[1]) == wrapper { return pid }
    }
    throw HarnessError(description: "no child of the pane's sh (\(wrapper)) found in /proc")
  }

  /// A screen for an error message: without the empty rows below the last output.
  private static func trimmed(_ screen: String) -> String {
    var lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  // MARK: tmux

  @discardableResult
  private func run(_ arguments: [String], check: Bool = true) throws -> RunResult {
    let process = try RunningProcess(
      executable: tmux, arguments: ["-L", socket] + arguments, environment: BinaryRunner.environment(home: sandbox.home.path))
    process.closeInput()
    let result = try process.waitForExit(timeout: 20)
    if check && result.status != 0 {
      throw HarnessError(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
    }
    return result
  }
}
