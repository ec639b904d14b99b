import ArgumentParser
import Foundation
import SaferClassClient
import SaferCore
import SaferShell

/// What every command that opens the shell takes, and the one place the shell is built.
struct ShellOptions: ParsableArguments {
  @OptionGroup var locations: LocationOptions

  @Option(name: .long, help: "Who is practising. Default: $SAFER_USER, else the shell asks.")
  var user: String?

  @Option(name: .long, help: "The child help line lessons point to. Default: $SAFER_HELPLINE, else DATA/settings.yaml.")
  var helpline: String?

  @Flag(name: .long, help: "No colour (also: NO_COLOR set, TERM=dumb, or output not a terminal).")
  var noColor = false

  @Flag(
    name: .long,
    help:
      "Plain output for screen readers and braille displays: no colour, symbols or bars, progress in words (also: SAFER_PLAIN=1)."
  )
  var plain = false

  /// Runs the shell until the student leaves; `firstAction` runs once the student is known,
  /// with a teacher's authority over quiz settings when `authority` says so.
  func runShell(
    firstAction: FirstAction? = nil, authority: QuizOverrides.Authority = .student, leaveAfterFirstAction: Bool = false
  ) throws {
    let environment = locations.environment
    let data = locations.dataFolder
    let interactive = isatty(STDIN_FILENO) == 1
    // Without a terminal the first piped line would be taken for a name (`printf 'whoami\n'
    // | safer` logging in a student called "whoami"): the student must be named.
    let named = user ?? environment["SAFER_USER"].flatMap { $0.isEmpty ? nil : $0 }
    if !interactive && named == nil {
      throw CommandFailure("without a terminal, say who is practising: --user NAME (or SAFER_USER=NAME).", status: 2)
    }
    TerminationSignals.install()
    let editor: any LineEditor = interactive ? LibEditLineEditor(programName: "safer", historyFile: nil) : PipedLineEditor()
    let style = Style(
      enabled: interactive
        && Style.decide(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment, noColorFlag: noColor),
      plain: Style.plainWanted(environment: environment, flag: plain))
    var (settings, settingsProblems) = InstallationSettings.load(
      path: DataFolder(data).settings, environment: environment)
    if let helpline, !helpline.isEmpty { settings.helpline = helpline }
    for problem in settingsProblems { printError("safer: \(problem)") }
    let lastUserFile = DataFolder(data).lastUser
    let lastUser = (try? String(contentsOfFile: lastUserFile, encoding: .utf8))?
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let store = FileRecordStore(dataFolder: data)
    if let bytes = environment["SAFER_JOURNAL_COMPACT_BYTES"].flatMap(Int.init), bytes > 0 {
      store.compactionThreshold = bytes
    }
    var shellEnvironment = ShellEnvironment(
      library: LibraryLoader(loading: { [locations] in locations.loadLibrary() }), store: store, editor: editor,
      output: style.plain ? PlainOutput(FileDescriptorOutput()) : FileDescriptorOutput(), style: style,
      width: { TerminalSize.columns(environment: environment) },
      settings: settings,
      userName: user ?? environment["SAFER_USER"].flatMap { $0.isEmpty ? nil : $0 },
      lastUser: lastUser?.isEmpty == false ? lastUser : environment["USER"].flatMap { $0.isEmpty ? nil : $0 },
      historyFile: { DataFolder(data).historyFile(userID: $0) },
      rememberUser: { name in try? (name + "\n").write(toFile: lastUserFile, atomically: true, encoding: .utf8) })
    shellEnvironment.height = { interactive ? TerminalSize.rows(environment: environment) : nil }
    shellEnvironment.firstAction = firstAction
    shellEnvironment.firstActionAuthority = authority
    shellEnvironment.leaveAfterFirstAction = leaveAfterFirstAction
    shellEnvironment.connectToClass = { address, deliver in ClassClient(address: address, deliver: deliver) }
    shellEnvironment.dataFolder = data
    shellEnvironment.printToPDF = { html, pdf in HeadlessChromium.printToPDF(html: html, pdf: pdf) }
    shellEnvironment.assignments = { try? AssignmentList.load(dataFolder: data) }
    let output = shellEnvironment.output
    shellEnvironment.readSecret = { prompt in
      interactive ? SecretReader.read(prompt: prompt, output: output) : environment["SAFER_PIN"]
    }
    let status = Shell(environment: shellEnvironment).run()
    // Ended by a signal, after saving: the status a shell gives a process it killed.
    if let signal = TerminationSignals.received { throw ExitCode(128 + signal) }
    if status != 0 { throw ExitCode(status) }
  }
}
