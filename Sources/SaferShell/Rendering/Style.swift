/// ANSI styling that disappears when colour is off.
///
/// Colour is on only for a terminal whose `TERM` is not `dumb`, and off with `NO_COLOR`
/// (set, not empty) or `--no-color`.
public struct Style: Sendable {
  public var enabled: Bool
  /// Plain mode, for screen readers and braille displays: no colour, progress in words, no
  /// symbols (see `PlainText`).
  public var plain = false

  public init(enabled: Bool, plain: Bool = false) {
    self.enabled = enabled && !plain
    self.plain = plain
  }

  /// Plain mode from `--plain` or `SAFER_PLAIN` (set, not empty, not `0`).
  public static func plainWanted(environment: [String: String], flag: Bool) -> Bool {
    flag || environment["SAFER_PLAIN"].map { !$0.isEmpty && $0 != "0" } == true
  }

  public static func decide(isTerminal: Bool, environment: [String: String], noColorFlag: Bool) -> Bool {
    // no-color.org: set and not empty.
    if noColorFlag || environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
    if environment["TERM"] == "dumb" { return false }
    return isTerminal
  }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  public func bold(_ text: String) -> String { wrap(text, "1") }
  public func dim(_ text: String) -> String { wrap(text, "2") }
  public func italic(_ text: String) -> String { wrap(text, "3") }
  public func green(_ text: String) -> String { wrap(text, "32") }
  public func red(_ text: String) -> String { wrap(text, "31") }
  public func yellow(_ text: String) -> String { wrap(text, "33") }
  public func cyan(_ text: String) -> String { wrap(text, "36") }
  public func magenta(_ text: String) -> String { wrap(text, "35") }
}
