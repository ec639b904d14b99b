import ArgumentParser

/// The interactive shell (the default command).
struct StartShell: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shell", abstract: "Start the shell (the default when no command is given).")

  @OptionGroup var shell: ShellOptions

  func run() throws {
    try shell.runShell()
  }
}
