/// Replays prepared input, for transcript tests. Records the prompts it was shown.
public final class ScriptedLineEditor: LineEditor {
  private var inputs: [LineInput]
  public private(set) var prompts: [String] = []
  public private(set) var history: [String] = []
  public let isInteractive: Bool
  public var completer: Completer?

  public init(_ inputs: [LineInput], interactive: Bool = false) {
    self.inputs = inputs
    self.isInteractive = interactive
  }

  /// Plain lines followed by the end of input.
  public convenience init(lines: [String], interactive: Bool = false) {
    self.init(lines.map(LineInput.line), interactive: interactive)
  }

  public func readLine(prompt: String) -> LineInput {
    prompts.append(prompt)
    return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
  }

  public func addToHistory(_ line: String) { history.append(line) }
}
