import ArgumentParser
import Foundation
import SaferCore
import SaferShell

extension AttemptRule: ExpressibleByArgument {}

/// `safer report [--data DATA] [--quiz ID] [--attempts first|last|best|all] [--json] [--csv]
/// [--html FILE]`: a class's results with Moodle's quiz statistics.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Report on a class: students, Moodle's quiz statistics per question, topic mastery.",
    discussion: """
      A class is a data folder (--data, else $SAFER_DATA). QUIZ is the id the records use: for a \
      bank taken with `quiz FILE`, the file's name without its extension. Without --quiz, the \
      only quiz taken is reported on; with several, an overview lists them.
      """)

  @Option(name: .long, help: "Data folder of the class. Default: $SAFER_DATA, else ~/.local/share/safer.")
  var data: String?

  @Option(name: .long, help: "The quiz to report on, as the records name it.")
  var quiz: String?

  @Option(name: .long, help: "Which finished attempts count: first (Moodle's default), last, best or all.")
  var attempts: AttemptRule = .first

  @Flag(name: .long, help: "Print the report as JSON (Schemas/report.schema.json).")
  var json = false

  @Flag(name: .long, help: "Print one CSV row per student, for a spreadsheet.")
  var csv = false

  @Option(name: .long, help: "Also write the report as one self-contained HTML file with charts.")
  var html: String?

  @Flag(name: .long, help: "No colour or bold in the terminal (also NO_COLOR, TERM=dumb).")
  var noColor = false

  func validate() throws {
    if json && csv { throw ValidationError("Choose one of --json and --csv.") }
  }

  func run() throws {
    let folder = DataFolder.resolve(flag: data, environment: ProcessInfo.processInfo.environment).path
    try TeacherGate.require(dataFolder: folder, command: "report")
    let report: ClassReport
    do {
      report = try ClassFolder(dataFolder: folder).report(quiz: quiz, rule: attempts, now: Date())
      if let html { try ClassReportHTML.write(report, to: html) }
    } catch {
      throw CommandFailure(error.description)
    }
    if json {
      FileHandle.standardOutput.write(try report.json() + Data("\n".utf8))
    } else if csv {
      FileHandle.standardOutput.write(Data(ClassReportCSV.render(report).utf8))
    } else {
      let style = Style(
        enabled: Style.decide(
          isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment, noColorFlag: noColor))
      for line in ClassReportText(style: style, width: TerminalSize.columns()).render(report) { print(line) }
      if let html { print("Written: \(TerminalSafe.clean(html, keepNewlines: false))") }
    }
  }
}
