import Foundation

/// What one read from a line editor produced.
public enum LineInput: Equatable, Sendable {
  /// A whole line, without its newline.
  case line(String)
  /// Ctrl-C was pressed while the line was being edited: cancel what is going on.
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input: leave cleanly.
  case endOfInput
  /// The countdown given to the read reached its deadline before Enter.
  case timedOut
}

/// A clock shown in the prompt while the student types: `before` + M:SS + `after`.
public struct Countdown: Sendable, Equatable {
  public var deadline: Date
  public var before: String
  public var after: String

  public init(deadline: Date, before: String, after: String) {
    self.deadline = deadline
    self.before = before
    self.after = after
  }
}

/// Supplies tab-completion candidates.
///
/// The editor passes the text left of the cursor; the completer answers with the whole
/// replacement words for the last (space-separated) word of that text. The editor inserts
/// what they have in common and lists them when there is more than one.
public protocol Completer: AnyObject {
  func completions(forLineBeforeCursor text: String) -> [String]
}

/// Reads lines from a person (libedit) or from a script (tests, piped input).
///
/// The shell depends on this protocol only, so transcript tests can drive it without a
/// terminal.
public protocol LineEditor: AnyObject {
  /// Whether prompts and colour make sense: `false` for piped input.
  var isInteractive: Bool { get }
  /// Shows `prompt` and reads one line.
  func readLine(prompt: String) -> LineInput
  /// Reads one line with `countdown` in the prompt, ending with `.timedOut` at its
  /// deadline. Editors without a terminal ignore the countdown (a late answer is still
  /// marked late when it arrives).
  func readLine(prompt: String, countdown: Countdown?) -> LineInput
  /// Remembers `line` in the history (and its file, if there is one).
  func addToHistory(_ line: String)
  /// Who to ask for completions; `nil` turns completion off.
  var completer: Completer? { get set }
  /// Switches to another history file (each student has their own); `nil`: none.
  func useHistoryFile(_ path: String?)
}

extension LineEditor {
  public func useHistoryFile(_ path: String?) {}

  public func readLine(prompt: String, countdown: Countdown?) -> LineInput { readLine(prompt: prompt) }
}
