import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a PIN or passphrase from the terminal with echo off: not shown, not in the line
/// editor's history, not written anywhere. Without a terminal there is nobody to ask, so
/// it returns `nil` (scripts pass secrets through the environment instead).
public enum SecretReader {
  /// Longest line kept; the rest of a longer one is read and dropped.
  static let maximumBytes = 1024

  public static func read(prompt: String, output: any TextOutput) -> String? {
    guard isatty(STDIN_FILENO) == 1 else { return nil }
    var saved = termios()
    guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
    var quiet = saved
    quiet.c_lflag &= ~tcflag_t(ECHO)
    quiet.c_lflag |= tcflag_t(ICANON | ECHONL)
    // Echo goes off before the prompt shows, so nothing typed after it is ever echoed.
    guard tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0 else { return nil }
    defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
    output.write(prompt)
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while true {
      let count = Glibc.read(STDIN_FILENO, &byte, 1)
      if count < 0 && errno == EINTR {
        if TerminationSignals.received != nil || LibEditLineEditor.takeInterrupt() { return nil }
        continue
      }
      if count <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
      if byte == 0x0A { break }
      if byte == 0x03 { return nil }  // Ctrl-C where the terminal sends it as a key
      if bytes.count < maximumBytes { bytes.append(byte) }
    }
    if bytes.last == 0x0D { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }
}
