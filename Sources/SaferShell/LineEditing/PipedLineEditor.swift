/// Reads lines from standard input when it is not a terminal: no prompts, no editing,
/// so answers can be piped in (`printf 'start passwords-basics\nb\n' | safer --user ana`).
public final class PipedLineEditor: LineEditor {
  public let isInteractive = false
  public var completer: Completer?

  public init() {}

  public func readLine(prompt: String) -> LineInput {
    guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
    return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
  }

  public func addToHistory(_ line: String) {}
}
