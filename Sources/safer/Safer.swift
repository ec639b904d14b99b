import ArgumentParser

/// `safer`: the shell by default, plus commands for teachers and scripts.
@main
struct Safer: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "safer",
    abstract: "Safer Shell: practise staying safe online, in a terminal.",
    version: "0.1.0",
    subcommands: [StartShell.self, TakeQuiz.self, Check.self, ListLessons.self, Progress.self, Convert.self, Records.self],
    defaultSubcommand: StartShell.self
  )
}
