import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A child started by `Spawn.start`: its pid and the parent's ends of its three pipes.
struct SpawnedChild: Sendable {
  var pid: pid_t
  var stdin: Int32
  var stdout: Int32
  var stderr: Int32
}

/// `posix_spawn` with exactly the inheritance a child should get, because Foundation's
/// `Process` gets two things wrong for these tests (swift-corelibs-foundation on Linux):
///
/// - It notices a child's exit when a socket it hands to the child is closed. tmux forks
///   its server from the first client and the server keeps that socket, so the client is
///   never reported as finished (a zombie, and `waitUntilExit` spins forever). Here a
///   thread simply calls `waitpid`.
/// - The child inherits the signal mask of the spawning thread, and Swift Testing runs
///   tests on libdispatch workers, which block SIGINT, SIGTERM, SIGCHLD, SIGWINCH and more:
///   Ctrl-C would never reach `safer`, and tmux could not reap its panes. Here the mask is
///   emptied and every signal's action reset to the default, as for a program started
///   from a login shell.
///
/// Pipes are close-on-exec, spawns take turns, and the child closes every other
/// descriptor, so a long-lived child (a tmux server) never holds another test's pipe open.
enum Spawn {
  /// One spawn at a time, so no child catches another's pipes between `pipe` and `fcntl`.
  private static let lock = NSLock()

  static func start(executable: String, arguments: [String], environment: [String: String]) throws -> SpawnedChild {
    lock.lock()
    defer { lock.unlock() }
    let input = try makePipe()
    let output = try makePipe()
    let errors = try makePipe()

    var actions = makeFileActions()
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input.read, STDIN_FILENO)
    posix_spawn_file_actions_adddup2(&actions, output.write, STDOUT_FILENO)
    posix_spawn_file_actions_adddup2(&actions, errors.write, STDERR_FILENO)
    for descriptor in openDescriptors() where descriptor > STDERR_FILENO {
      posix_spawn_file_actions_addclose(&actions, descriptor)
    }

    var attributes = makeAttributes()
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var everySignal = sigset_t()
    sigemptyset(&everySignal)
    for signal in 1..<32 where signal != SIGKILL && signal != SIGSTOP { sigaddset(&everySignal, Int32(signal)) }
    posix_spawnattr_setsigdefault(&attributes, &everySignal)
    // Its own process group, like Foundation: a Ctrl-C at the developer's terminal stays there.
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var pid = pid_t()
    let failure = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    for descriptor in [input.read, output.write, errors.write] { close(descriptor) }
    guard failure == 0 else {
      for descriptor in [input.write, output.read, errors.read] { close(descriptor) }
      throw HarnessError(description: "Cannot start \(executable): \(String(cString: strerror(failure)))")
    }
    return SpawnedChild(pid: pid, stdin: input.write, stdout: output.read, stderr: errors.read)
  }

  /// Waits for `pid` to end; returns the exit status, or the signal that killed it.
  static func wait(for pid: pid_t) -> (status: Int32, bySignal: Bool) {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let signal = status & 0x7F
    return signal == 0 ? ((status >> 8) & 0xFF, false) : (signal, true)
  }

  private static func makePipe() throws -> (read: Int32, write: Int32) {
    var descriptors: [Int32] = [-1, -1]
    let result = pipe(&descriptors)
    for descriptor in descriptors where result == 0 { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    guard result == 0 else { throw HarnessError(description: "pipe: \(String(cString: strerror(errno)))") }
    return (descriptors[0], descriptors[1])
  }

  /// The parent's open descriptors, to close in the child.
  private static func openDescriptors() -> [Int32] {
    let folder = FileManager.default.fileExists(atPath: "/proc/self/fd") ? "/proc/self/fd" : "/dev/fd"
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).compactMap { Int32($0) }
  }

  #if canImport(Glibc)
    private static func makeFileActions() -> posix_spawn_file_actions_t {
      var actions = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      return actions
    }

    private static func makeAttributes() -> posix_spawnattr_t {
      var attributes = posix_spawnattr_t()
      posix_spawnattr_init(&attributes)
      return attributes
    }
  #else
    private static func makeFileActions() -> posix_spawn_file_actions_t? {
      var actions: posix_spawn_file_actions_t?
      posix_spawn_file_actions_init(&actions)
      return actions
    }

    private static func makeAttributes() -> posix_spawnattr_t? {
      var attributes: posix_spawnattr_t?
      posix_spawnattr_init(&attributes)
      return attributes
    }
  #endif
}
