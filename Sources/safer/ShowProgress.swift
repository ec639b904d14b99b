import ArgumentParser
import Foundation
import SaferAccess
import SaferCore
import SaferShell

/// `safer progress --user NAME [--json]`: a student's progress without the shell.
struct ShowProgress: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "progress", abstract: "Show a student's progress.")

  @OptionGroup var locations: LocationOptions

  @Option(name: .long, help: "The student.")
  var user: String

  @Flag(name: .long, help: "Print the progress report as JSON.")
  var json = false

  func run() throws {
    let store = FileRecordStore(dataFolder: locations.dataFolder)
    let record: UserRecord
    do {
      record = try store.read(displayName: user)
    } catch {
      // `--user ana` when the class has "Ana Kola": name who is there.
      let hint = Suggestion.sentence(for: user, among: store.knownUsers())
      throw CommandFailure("\(error.description)\(hint)")
    }
    // A record with a PIN shows only to its owner (teachers use `safer report`).
    if let pin = record.profile.pin {
      let given =
        locations.environment["SAFER_PIN"]
        ?? SecretReader.read(prompt: "PIN for \(TerminalSafe.clean(user, keepNewlines: false)): ", output: StandardErrorOutput())
      guard let given, SecretHasher.matches(given, pin) else {
        throw CommandFailure("this record has a PIN, and it was not given or not right (SAFER_PIN for scripts).")
      }
    }
    let report = ProgressReport(record: record, library: locations.loadLibrary())
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      encoder.dateEncodingStrategy = .iso8601
      print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      let style = Style(
        enabled: Style.decide(isTerminal: isatty(STDOUT_FILENO) == 1, environment: locations.environment, noColorFlag: false),
        plain: Style.plainWanted(environment: locations.environment, flag: false))
      var text = ProgressText(style: style, width: TerminalSize.columns())
      text.resumeHint =
        "start `safer --user \(TerminalSafe.clean(record.profile.displayName, keepNewlines: false))` and type `resume`"
      for line in text.render(report) { print(style.plain ? PlainText.translate(line) : line) }
    }
  }
}
