import CEditLine
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A `LineEditor` for a person at a terminal, backed by the system libedit.
///
/// libedit brings the emacs and vi key bindings (the user's `~/.editrc` is read, so
/// `bind -v` works), Up/Down history, Ctrl-R search and UTF-8 editing. This class adds
/// tab completion through `completer`, a history file, and a Ctrl-C that cancels the
/// line on the first press. Tab and Ctrl-R are bound after `~/.editrc` is read, so a
/// `bind -v` there cannot take them away.
///
/// Use it from the main thread only; the Ctrl-C flag is process-wide, so only one
/// editor should read at a time.
public final class LibEditLineEditor: LineEditor {
  /// Brackets prompt text that takes no room on screen (libedit's EL_PROMPT_ESC
  /// character, SAFER_PROMPT_IGNORE in the shim).
  public static let invisibleMarker: Character = "\u{1}"
  private static let historySize: Int32 = 1000

  public let isInteractive = true
  public var completer: Completer?

  private var historyFile: String?
  private var history: OpaquePointer?
  private var editLine: OpaquePointer?
  private var ownsSignals = false

  /// Loads `historyFile` if it exists; every `addToHistory` rewrites it.
  public init(programName: String, historyFile: String?) {
    _ = Self.localeAdopted
    self.historyFile = historyFile
    history = safer_history_open(Self.historySize)
    if let history, let historyFile { HistoryFile.load(history, from: historyFile) }
    editLine = safer_el_open(programName, Unmanaged.passUnretained(self).toOpaque())
    guard let editLine else { return }
    _ = safer_el_set_editor(editLine, "emacs")
    if let history { _ = safer_el_set_history(editLine, history) }
    _ = safer_el_add_command(editLine, "safer-complete", "Complete the word before the cursor") {
      editLine, _ in
      guard let editLine, let owner = safer_el_owner(editLine) else { return UInt8(CC_ERROR) }
      return Unmanaged<LibEditLineEditor>.fromOpaque(owner).takeUnretainedValue()
        .complete(in: editLine)
    }
    _ = el_source(editLine, nil)
    _ = safer_el_bind(editLine, "^I", "safer-complete")
    _ = safer_el_bind(editLine, "^R", "em-inc-search-prev")
    _ = safer_el_catch_ctrl_c(editLine)
    ownsSignals = safer_signals_install() == 1
  }

  deinit {
    close()
  }

  /// Ends libedit (restoring the terminal) and puts back the previous signal handlers.
  /// Reads after this fall back to plain standard input.
  public func close() {
    if ownsSignals {
      safer_signals_restore()
      ownsSignals = false
    }
    if let editLine {
      safer_el_close(editLine)
      self.editLine = nil
    }
    if let history {
      history_end(history)
      self.history = nil
    }
  }

  /// Escape sequences in `prompt` are marked invisible automatically; see `invisible(_:)`.
  /// A Ctrl-C pressed before the read starts is forgotten: poll `takeInterrupt()`.
  public func readLine(prompt: String) -> LineInput { readLine(prompt: prompt, countdown: nil, wake: nil) }

  public func readLine(prompt: String, countdown: Countdown?) -> LineInput {
    readLine(prompt: prompt, countdown: countdown, wake: nil)
  }

  /// The wake handler of the read going on.
  private var wakeHandler: (() -> Bool)?

  public func readLine(prompt: String, countdown: Countdown?, wake: LineWake?) -> LineInput {
    guard let editLine else {
      return Swift.readLine().map(LineInput.line) ?? .endOfInput
    }
    updatePrompt(prompt, countdown: countdown)
    var marked = Self.markingEscapes(prompt)
    defer { _ = safer_el_set_countdown(editLine, 0, "", "") }
    if let wake {
      wakeHandler = wake.handler
      _ = safer_el_set_wake(editLine, wake.descriptor) { owner in
        guard let owner else { return 0 }
        let editor = Unmanaged<LibEditLineEditor>.fromOpaque(owner).takeUnretainedValue()
        return editor.wakeHandler?() == true ? 1 : 0
      }
    }
    defer {
      wakeHandler = nil
      _ = safer_el_set_wake(editLine, -1, nil)
    }
    _ = safer_take_interrupt()
    _ = safer_take_timeout()
    _ = safer_take_woken()
    _ = safer_take_cleared()
    var count: Int32 = 0
    var read = el_gets(editLine, &count)
    // Ctrl-C on a half-typed line throws it away, as bash and Python do: `^C`, and the same
    // question asked again on a fresh line. Only Ctrl-C on an empty line interrupts.
    while read == nil && safer_take_cleared() != 0 {
      FileHandle.standardOutput.write(Data("^C\n".utf8))
      read = el_gets(editLine, &count)
    }
    guard let raw = read else {
      marked = currentPrompt ?? marked
      if safer_take_woken() != 0 {
        return .woken
      }
      if safer_take_timeout() != 0 {
        moveBelowInput(editLine, prompt: marked)
        return .timedOut
      }
      // Count -1: the read stopped (a signal). Count 0: a command ended the line: Ctrl-D,
      // or Ctrl-C, which is a key while editing (see `safer_el_catch_ctrl_c`).
      let interrupted = safer_take_interrupt() != 0
      if interrupted {
        moveBelowInput(editLine, prompt: marked)
      } else if !interrupted && isatty(STDIN_FILENO) != 0 {
        print()
      }
      return interrupted ? .interrupted : .endOfInput
    }
    var line = String(cString: raw)
    while line.last?.isNewline == true { line.removeLast() }
    return .line(line)
  }

  /// The prompt as last set (marked), for moving below it when a read ends.
  private var currentPrompt: String?

  public func updatePrompt(_ prompt: String, countdown: Countdown?) {
    guard let editLine else { return }
    let marked = Self.markingEscapes(prompt)
    currentPrompt = marked
    _ = safer_el_set_prompt(editLine, marked)
    if let countdown {
      _ = safer_el_set_countdown(
        editLine, countdown.deadline.timeIntervalSince1970, Self.markingEscapes(countdown.before),
        Self.markingEscapes(countdown.after))
    } else {
      _ = safer_el_set_countdown(editLine, 0, "", "")
    }
  }

  /// Each student has their own history: forget the last one's, load this one's.
  public func useHistoryFile(_ path: String?) {
    guard let history else { return }
    _ = safer_history_clear(history)
    historyFile = path
    if let path { HistoryFile.load(history, from: path) }
  }

  /// Blank lines and repeats of the previous entry are not kept.
  public func addToHistory(_ line: String) {
    let line = line.trimmingCharacters(in: .whitespaces)
    guard let history, !line.isEmpty else { return }
    _ = safer_history_enter(history, line)
    if let historyFile { HistoryFile.save(history, to: historyFile) }
  }

  /// Whether Ctrl-C was pressed since the last call (or read), so that long work
  /// between reads can stop early. Only set while an editor on a terminal is open.
  public static func takeInterrupt() -> Bool {
    safer_take_interrupt() != 0
  }

  // MARK: Prompt

  /// Brackets `text` so that libedit prints it without counting it in the prompt's
  /// width, for escape sequences `readLine` does not recognise on its own.
  ///
  /// libedit glues invisible text to the visible character after it, so marked text
  /// must be followed by one and cannot end the prompt. A prompt that contains a
  /// marker is used as it is; otherwise `readLine` marks its ANSI escape sequences
  /// (CSI colours, OSC titles) itself.
  public static func invisible(_ text: String) -> String {
    "\(invisibleMarker)\(text)\(invisibleMarker)"
  }

  /// Marks each run of escape sequences. A run at the very end would be dropped by
  /// libedit, so it moves before the last visible character (usually a space).
  static func markingEscapes(_ prompt: String) -> String {
    guard !prompt.contains(invisibleMarker) else { return prompt }
    let scalars = Array(prompt.unicodeScalars)
    var glued: [(hidden: String, shown: Unicode.Scalar)] = []
    var hidden = ""
    var index = 0
    while index < scalars.count {
      if let end = escapeEnd(in: scalars, from: index) {
        hidden.unicodeScalars.append(contentsOf: scalars[index..<end])
        index = end
      } else {
        glued.append((hidden, scalars[index]))
        hidden = ""
        index += 1
      }
    }
    if !hidden.isEmpty, let last = glued.popLast() {
      glued.append((last.hidden + hidden, last.shown))
    }
    return glued.map { ($0.hidden.isEmpty ? "" : invisible($0.hidden)) + String($0.shown) }
      .joined()
  }

  /// Where the escape sequence starting at `start` ends, or nil if none starts there.
  private static func escapeEnd(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
    guard scalars[start] == "\u{1B}" else { return nil }
    var index = start + 1
    guard index < scalars.count else { return index }
    switch scalars[index] {
    case "[":
      index += 1
      while index < scalars.count, !(0x40...0x7E).contains(scalars[index].value) {
        index += 1
      }
      return min(index + 1, scalars.count)
    case "]":
      while index + 1 < scalars.count {
        index += 1
        if scalars[index] == "\u{7}" { return index + 1 }
        if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "\\" {
          return index + 2
        }
      }
      return scalars.count
    default:
      return index + 1
    }
  }

  /// el_gets leaves the cursor where Ctrl-C found it, possibly above the end of a
  /// wrapped line; step below the whole input so the next output starts on a fresh line.
  private func moveBelowInput(_ editLine: OpaquePointer, prompt: String) {
    var rowsBelow = 0
    if let line = el_wline(editLine)?.pointee {
      let shown = prompt.split(separator: Self.invisibleMarker, omittingEmptySubsequences: false)
        .enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element).joined()
      let start = Self.displayWidth(String(shown))
      let columns = max(1, Int(safer_el_columns(editLine)))
      let toCursor = start + Self.displayWidth(Self.text(from: line.buffer, to: line.cursor))
      let toEnd = start + Self.displayWidth(Self.text(from: line.buffer, to: line.lastchar))
      rowsBelow = toEnd / columns - toCursor / columns
    }
    print(String(repeating: "\n", count: rowsBelow + 1), terminator: "")
    fflush(nil)
  }

  // MARK: Completion

  /// What Tab does, decided from the word before the cursor and the candidates.
  enum CompletionStep: Equatable {
    /// Text to type at the cursor.
    case insert(String)
    /// The word is not a prefix of the only candidate (e.g. another case): swap it.
    case replaceWord(String)
    /// Nothing more in common: show the candidates.
    case list([String])
    case beep
  }

  static func completionStep(word: String, candidates: [String]) -> CompletionStep {
    var seen = Set<String>()
    let unique = candidates.filter { seen.insert($0).inserted }
    guard let first = unique.first else { return .beep }
    if unique.count == 1 {
      let whole = first.hasSuffix("/") ? first : first + " "
      guard whole.hasPrefix(word) else { return .replaceWord(whole) }
      return whole.count > word.count ? .insert(String(whole.dropFirst(word.count))) : .beep
    }
    let common = unique.dropFirst().reduce(first) {
      String(zip($0, $1).prefix { $0 == $1 }.map(\.0))
    }
    if common.count > word.count && common.hasPrefix(word) {
      return .insert(String(common.dropFirst(word.count)))
    }
    return .list(unique)
  }

  /// The EL_ADDFN command bound to Tab. The wide line API keeps the cursor offset in
  /// characters, so multibyte text before the cursor needs no byte counting.
  private func complete(in editLine: OpaquePointer) -> UInt8 {
    guard let completer, let line = el_wline(editLine)?.pointee else {
      return UInt8(CC_REFRESH_BEEP)
    }
    let before = Self.text(from: line.buffer, to: line.cursor)
    // The word as typed, quotes and backslashes included (`My\ Qu`), as a shell splits it.
    let word = String(before[ShellWords.partialLastWord(before).start...])
    let candidates = completer.completions(forLineBeforeCursor: before)
    switch Self.completionStep(word: word, candidates: candidates) {
    case .insert(let text):
      return UInt8(Self.insert(text, into: editLine) ? CC_REFRESH : CC_REFRESH_BEEP)
    case .replaceWord(let text):
      el_deletestr(editLine, Int32(word.unicodeScalars.count))
      return UInt8(Self.insert(text, into: editLine) ? CC_REFRESH : CC_REFRESH_BEEP)
    case .list(let words):
      print("\n" + Self.columns(words, width: Int(safer_el_columns(editLine))), terminator: "")
      fflush(nil)
      return UInt8(CC_REDISPLAY)
    case .beep:
      return UInt8(CC_REFRESH_BEEP)
    }
  }

  private static func insert(_ text: String, into editLine: OpaquePointer) -> Bool {
    var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
    wide.append(0)
    return wide.count > 1 && el_winsertstr(editLine, wide) == 0
  }

  /// `words` in columns filled top to bottom, as `ls` does, one line per row.
  static func columns(_ words: [String], width: Int) -> String {
    let cell = (words.map(displayWidth).max() ?? 0) + 2
    let perRow = max(1, width / cell)
    let rows = (words.count + perRow - 1) / perRow
    var output = ""
    for row in 0..<rows {
      for column in 0..<perRow where column * rows + row < words.count {
        let word = words[column * rows + row]
        let isLast = column == perRow - 1 || (column + 1) * rows + row >= words.count
        output += isLast ? word : word + String(repeating: " ", count: cell - displayWidth(word))
      }
      output += "\n"
    }
    return output
  }

  // MARK: Text

  /// Terminal columns taken by `text` (CJK counts two, combining marks none).
  static func displayWidth(_ text: String) -> Int { DisplayWidth.visible(text) }

  private static func text(
    from start: UnsafePointer<wchar_t>?, to end: UnsafePointer<wchar_t>?
  ) -> String {
    guard let start, let end, end > start else { return "" }
    let wide = UnsafeBufferPointer(start: start, count: end - start)
    let scalars = wide.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
    return String(String.UnicodeScalarView(scalars))
  }

  /// libedit decodes keys and prompts in the C library's locale, and a program starts
  /// in "C" (ASCII only). Take the user's locale, or C.UTF-8 when that is C or unset.
  private static let localeAdopted: Bool = {
    let chosen = setlocale(LC_CTYPE, "").map { String(cString: $0) }
    if chosen == nil || chosen == "C" || chosen == "POSIX" {
      return setlocale(LC_CTYPE, "C.UTF-8") != nil
    }
    return true
  }()
}
