import ArgumentParser
import Foundation
import SaferCore
import SaferShell

/// `safer convert FILE --to gift|yaml|json [--output PATH]`: a lesson or question bank in
/// another format, for Moodle, for editing, or for other tools.
struct Convert: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert a lesson or question bank (YAML, GIFT, Aiken) to GIFT, YAML or the JSON question model.",
    discussion: """
      Problems in FILE are printed as file:line:column: error: message, and nothing is written. \
      What the target format cannot hold is named in a warning on standard error.
      """)

  @Argument(help: "The lesson or question bank: .yaml, .gift, .aiken or .txt (GIFT or Aiken, told by content).")
  var file: String

  @Option(name: .long, help: "Read FILE as this format whatever its name: yaml, gift or aiken.")
  var format: ContentFile.Format?

  @Option(name: .long, help: ArgumentHelp("The format to write.", valueName: "format"))
  var to: Conversion.Format

  @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
  var output: String?

  func run() throws {
    let (lesson, problems) = Conversion.load(path: file, format: format)
    for problem in problems { printError(problem.description) }
    guard let lesson, !problems.contains(where: { $0.severity == .error }) else { throw ExitCode(1) }
    let (text, warnings) = try Conversion.convert(lesson, to: to, output: output ?? "(standard output)")
    for warning in warnings { printError(warning.description) }
    guard let output else {
      // On a terminal the file's text must not act as escape sequences; in a pipe or a
      // file it is written exactly.
      let shown = isatty(STDOUT_FILENO) == 1 ? TerminalSafe.clean(text, keepTabs: true) : text
      FileHandle.standardOutput.write(Data(shown.utf8))
      return
    }
    do {
      try text.write(toFile: output, atomically: true, encoding: .utf8)
    } catch {
      throw CommandFailure("cannot write \(output): \(error.localizedDescription)")
    }
  }
}

extension Conversion.Format: ExpressibleByArgument {}
