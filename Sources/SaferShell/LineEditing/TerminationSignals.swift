import CEditLine

/// SIGTERM and SIGHUP (a `kill`, a logout, the terminal window closed) end the shell the
/// way Ctrl-D does: the read in progress stops, the goodbye is said, the journal is
/// compacted and the lock removed. A second signal ends the process at once.
///
/// Without this, the default action killed the shell mid-session: no answer was lost
/// (the journal is fsync'd), but the lock file and the uncompacted journal stayed behind.
public enum TerminationSignals {
  /// Catches both signals for the calling thread's reads; call it on the thread that
  /// reads input, before the first read.
  public static func install() {
    _ = safer_termination_install()
  }

  /// Ends the shell as if `signal` had arrived: the output found its reader gone (EPIPE).
  public static func request(_ signal: Int32) {
    safer_request_termination(signal)
  }

  /// The signal received (`SIGTERM`, `SIGHUP`, or `SIGPIPE` by request), or `nil`.
  public static var received: Int32? {
    let signal = safer_termination_signal()
    return signal == 0 ? nil : signal
  }
}
