import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The width of the terminal on standard output, asked each time so a resize is noticed.
public enum TerminalSize {
  public static func columns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
    return 80
  }

  /// The height of the terminal on standard output; `nil` when it is not a terminal.
  public static func rows(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
    return environment["LINES"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
  }
}
