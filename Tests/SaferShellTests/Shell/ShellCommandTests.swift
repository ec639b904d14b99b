import SaferShell
import Testing

@Suite struct ShellCommandTests {
  @Test func everyCommandNameHasExactlyOneEntryWithHelp() {
    #expect(
      ShellCommand.all.map(\.name).sorted { $0.rawValue < $1.rawValue }
        == ShellCommand.Name.allCases.sorted { $0.rawValue < $1.rawValue })
    #expect(ShellCommand.all.allSatisfy { !$0.summary.isEmpty && !$0.details.isEmpty })
  }

  @Test func namesAndAliasesAreFoundWhateverTheCase() {
    #expect(ShellCommand.named("EXIT")?.name == .quit)
    #expect(ShellCommand.named("Lessons")?.name == .lessons)
    #expect(ShellCommand.named("nonsense") == nil)
  }
}
