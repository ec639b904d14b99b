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
  /// The read's `LineWake` handler asked to end it (a live class's question opened).
  case woken
}

/// Something besides the keyboard that may need the screen while a line is read: a live
/// class's messages. When `descriptor` (a pipe's read end) becomes readable, the editor
/// drains it, clears the line being edited and calls `handler`, which may print (lines
/// end in "\r\n") and call `LineEditor.updatePrompt`; it returns `true` to end the read
/// with `.woken`, `false` to go on (the prompt and the half-typed line are drawn again).
public struct LineWake {
  public var descriptor: Int32
  public var handler: () -> Bool

  public init(descriptor: Int32, handler: @escaping () -> Bool) {
    self.descriptor = descriptor
    self.handler = handler
  }
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
  /// The same, also watching `wake`. Editors that cannot watch two inputs run the handler
  /// once before reading.
  func readLine(prompt: String, countdown: Countdown?, wake: LineWake?) -> LineInput
  /// Changes the prompt of the read going on (from a `LineWake` handler).
  func updatePrompt(_ prompt: String, countdown: Countdown?)
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

  public func readLine(prompt: String, countdown: Countdown?, wake: LineWake?) -> LineInput {
    if let wake, wake.handler() { return .woken }
    return readLine(prompt: prompt, countdown: countdown)
  }

  public func updatePrompt(_ prompt: String, countdown: Countdown?) {}
}
