import Foundation

/// Start to first prompt: the `safer` binary next to this one, on the bundled lessons,
/// until it has loaded everything, opened the record and read its first line (`quit`).
enum StartupBenchmark {
  static func run(_ report: Reporter) throws {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let binary = folder.appendingPathComponent("safer").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      report.note("skipping start-up: build `safer` first (swift build -c release)")
      return
    }
    let lessons = packageRoot(from: folder) + "/Lessons"
    let data = try temporaryFolder("startup")
    let input = data + "/input"
    try "quit\n".write(toFile: input, atomically: true, encoding: .utf8)
    var timings: [Double] = []
    for _ in 0..<25 {
      timings.append(
        try milliseconds { try launch(binary, ["--user", "bench", "--data", data, "--lessons", lessons], input: input) })
    }
    report.result("startup_to_first_prompt_p50", percentile(timings, 50), "ms", target: "< 30 ms")
    report.result("startup_to_first_prompt_p90", percentile(timings, 90), "ms")
  }

  /// Spawns directly (posix_spawn + waitpid): Foundation's `Process` adds tens of
  /// milliseconds of its own on Linux, which would drown what is measured.
  static func launch(_ binary: String, _ arguments: [String], input: String) throws {
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
    waitpid(pid, &exit, 0)
  }

  /// The checkout holding `.build/`, whose `Lessons/` are the bundled ones.
  static func packageRoot(from folder: URL) -> String {
    var current = folder
    for _ in 0..<6 {
      if FileManager.default.fileExists(atPath: current.appendingPathComponent("Package.swift").path) { return current.path }
      current.deleteLastPathComponent()
    }
    return FileManager.default.currentDirectoryPath
  }
}
