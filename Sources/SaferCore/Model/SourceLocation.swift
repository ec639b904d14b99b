/// A place in a lesson or quiz file, for messages a lesson author can jump to.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  /// 1-based line.
  public var line: Int
  /// 1-based column, counted in Unicode scalars as libyaml does.
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}
