import ArgumentParser
import Foundation
import SaferCore
import SaferShell

/// `safer`: the shell by default, plus commands for teachers and scripts.
@main
struct Safer: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "safer",
    abstract: "Safer Shell: practise staying safe online, in a terminal.",
    version: "0.1.0",
    subcommands: [
      StartShell.self, TakeQuiz.self, Check.self, ListLessons.self, ShowProgress.self, Convert.self, Records.self, Report.self,
      Teacher.self, ClassCommand.self, Assign.self, ReviewCommand.self, LinkCommand.self, Strength.self,
    ],
    defaultSubcommand: StartShell.self
  )

  /// The names of the commands, for "did you mean".
  static var commandNames: [String] {
    configuration.subcommands.compactMap { $0.configuration.commandName }
  }

  /// ArgumentParser's own `main`, except that its messages are made terminal-safe and
  /// clipped: "unexpected argument '…'" quotes what was typed, escape sequences and a
  /// 10 MB argument included.
  static func main() {
    var parsed: (any ParsableCommand)?
    do {
      var command = try parseAsRoot()
      parsed = command
      try command.run()
    } catch let failure as CommandFailure {
      // The one place a command's failure is told.
      // The shell is the default command: its failures are just `safer`'s.
      let name =
        parsed.flatMap { type(of: $0) == StartShell.self ? nil : CommandFailure.path(of: type(of: $0)) }
        .map { "safer " + $0 } ?? "safer"
      printError("\(name): \(failure.message)")
      Foundation.exit(failure.status)
    } catch {
      let code = exitCode(for: error)
      var message = fullMessage(for: error)
      // `safer progres`: a misspelt command reaches the default (the shell) as an
      // argument; name the command it was probably meant to be.
      if code != .success, let first = CommandLine.arguments.dropFirst().first, !first.hasPrefix("-"),
        let meant = Suggestion.closest(to: first, among: commandNames), meant != first
      {
        message = "Error: `\(first)` is not a command. Did you mean `safer \(meant)`? (`safer --help` lists them.)"
      }
      if !message.isEmpty {
        let safe = message.split(separator: "\n", omittingEmptySubsequences: false)
          .map { line in line.count > 300 ? String(line.prefix(300)) + "…" : String(line) }
          .joined(separator: "\n")
        let text = Data((TerminalSafe.clean(safe, keepTabs: true) + "\n").utf8)
        (code == .success ? FileHandle.standardOutput : FileHandle.standardError).write(text)
      }
      Foundation.exit(code.rawValue)
    }
  }
}
