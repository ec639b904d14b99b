import ArgumentParser

/// A command that could not do its job: what the person at the terminal needs to know,
/// and the exit status. Commands throw it; `Safer.main` prints it once, terminal-safe, as
/// `safer <command>: <message>` on standard error, and exits with `status`, as
/// ArgumentParser does for its own errors.
struct CommandFailure: Error, CustomStringConvertible {
  var message: String
  var status: Int32

  init(_ message: String, status: Int32 = 1) {
    self.message = message
    self.status = status
  }

  var description: String { message }

  /// `records export` for `Records.Export`: the words that run `command`.
  static func path(of command: any ParsableCommand.Type, under root: any ParsableCommand.Type = Safer.self) -> String? {
    for sub in root.configuration.subcommands {
      let name = sub.configuration.commandName ?? String(describing: sub).lowercased()
      if sub == command { return name }
      if let deeper = path(of: command, under: sub) { return name + " " + deeper }
    }
    return nil
  }
}
