import ArgumentParser
import Foundation
import SaferCore
import SaferShell

/// `safer link URL [--json]`: a link taken apart, with the tricks it plays (the same as
/// `lab link` in the shell).
struct LinkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "link", abstract: "Take a link apart and say what tricks it plays.")

  @Argument(help: "The link, e.g. https://www.paypa1.com@login.example.net/account")
  var url: String

  @Flag(help: "Print JSON: the link's parts, each trick found (code, severity, message) and a verdict.")
  var json = false

  @Flag(name: .long, help: "No colour (also: NO_COLOR set, TERM=dumb, or output not a terminal).")
  var noColor = false

  func run() throws {
    let anatomy: LinkAnatomy
    do { anatomy = try LinkAnatomy(url) } catch {
      throw CommandFailure(error.description)
    }
    let check = LinkCheck(anatomy)
    if json {
      FileHandle.standardOutput.write(check.json() + Data("\n".utf8))
      return
    }
    let environment = ProcessInfo.processInfo.environment
    let style = Style(
      enabled: Style.decide(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment, noColorFlag: noColor),
      plain: Style.plainWanted(environment: environment, flag: false))
    let renderer = QuestionRenderer(style: style, width: TerminalSize.columns(environment: environment))
    let output: any TextOutput = style.plain ? PlainOutput(FileDescriptorOutput()) : FileDescriptorOutput()
    output.lines(renderer.link(check))
  }
}
