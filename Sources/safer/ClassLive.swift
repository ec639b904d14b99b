import ArgumentParser
import Foundation
import SaferClassClient
import SaferClassServer
import SaferCore
import SaferShell

extension ClassScoring: ExpressibleByArgument {}

/// `safer class host QUIZ`: a live class quiz on the school's network. The teacher runs it
/// from this shell; students join from theirs (`join ADDRESS CODE`); the classroom screen
/// shows the projector page. Results go to `DATA/classes/` when it ends.
struct HostCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "host", abstract: "Host a live class quiz: the class answers from their own shells.")

  @Argument(help: "A quiz id, a quiz file, or a GIFT/Aiken question bank.")
  var quiz: String

  @OptionGroup var locations: LocationOptions

  @Option(help: "The port students connect to (0: any free port).")
  var port = 8040

  @Option(help: "The address to listen on: 0.0.0.0 for the whole network, 127.0.0.1 for this computer only.")
  var bind = "0.0.0.0"

  @Option(help: "flat: every right answer earns 1000 points; speed: 1000 at once, falling to 500 at the deadline.")
  var scoring: ClassScoring = .flat

  @Option(name: .customLong("time-limit"), help: "Seconds per question. Default: the quiz's, else 30.")
  var timeLimit: Double?

  @Option(help: "Read a quiz file named by QUIZ as: yaml, gift or aiken (a .txt is told by content).")
  var format: ContentFile.Format?

  @Flag(name: .long, help: "No colour (also: NO_COLOR set, TERM=dumb, or output not a terminal).")
  var noColor = false

  func validate() throws {
    guard (0...65_535).contains(port) else { throw ValidationError("--port takes 0 to 65535.") }
    if let timeLimit, !(5...3_600).contains(timeLimit) { throw ValidationError("--time-limit takes 5 to 3600 seconds.") }
  }

  func run() throws {
    let data = locations.dataFolder
    try TeacherGate.require(dataFolder: data, command: "class host")
    let (quiz, items) = try loadQuiz()
    let session = ClassSession(
      id: ClassSession.makeToken().prefix(12).description, code: ClassSession.makeCode(), quizID: quiz.id,
      title: quiz.title, items: items, scoring: scoring, timeLimit: timeLimit ?? quiz.timeLimit, started: Date())
    let environment = locations.environment
    let events = WakeQueue<ClassEvent>()
    let host = ClassHost(session: session, dataFolder: data) { arrived in
      for event in arrived { events.post(event) }
    }
    let server = ClassServer(host: host, projectorKey: String(ClassSession.makeToken().prefix(16)))
    // Tests shorten how long a silent client may stay.
    if let seconds = environment["SAFER_CLASS_JOIN_TIMEOUT"].flatMap(Double.init), seconds > 0 {
      server.joinTimeout = .milliseconds(Int(seconds * 1000))
    }
    let boundPort = try start(server)
    let addresses = ClassServer.joinAddresses(bind: bind, port: boundPort)
    host.attach(server, addresses: addresses)

    let interactive = isatty(STDIN_FILENO) == 1
    TerminationSignals.install()
    let style = Style(
      enabled: interactive
        && Style.decide(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment, noColorFlag: noColor))
    let output = FileDescriptorOutput()
    let first = addresses.first ?? "\(bind):\(boundPort)"
    let lines = [
      style.bold("Live class: “\(TerminalSafe.clean(quiz.title, keepNewlines: false))”")
        + " — \(items.count) questions, \(Grader.formatNumber(session.timeLimit)) s each, scoring \(scoring.rawValue).",
      "Students type:  " + style.bold("join \(first) \(session.code)"),
      style.dim("  (or start with: safer class join \(first) \(session.code) --user NAME)"),
    ]
    output.lines(lines)
    if addresses.count > 1 {
      output.line(style.dim("  Other addresses of this computer: " + addresses.dropFirst().joined(separator: ", ")))
    }
    output.line("Classroom screen: " + style.bold("http://\(first)/?key=\(server.projectorKey)"))
    output.line(style.dim("Results are saved in \(TerminalSafe.clean(host.resultsJSON)) (and .csv)."))
    output.line("Type " + style.bold("next") + " to open question 1, " + style.bold("help") + " for the commands.")
    let editor: any LineEditor =
      interactive ? LibEditLineEditor(programName: "safer-host", historyFile: nil) : PipedLineEditor()
    let console = HostConsole(
      host: host, events: events, editor: editor, output: output, style: style,
      width: { TerminalSize.columns(environment: environment) })
    console.run()
    // Let the last frames (ranks, the end) reach the students before the server stops.
    Thread.sleep(forTimeInterval: 1)
    if let signal = TerminationSignals.received { throw ExitCode(128 + signal) }
  }

  /// The quiz and its questions in the order the class sees them.
  private func loadQuiz() throws -> (Quiz, [QuizItem]) {
    var library = locations.loadLibrary()
    var target = quiz
    if library.quiz(id: quiz) == nil && library.lesson(id: quiz) == nil {
      guard FileManager.default.fileExists(atPath: quiz) else {
        let hint = Suggestion.sentence(for: quiz, among: library.quizzes.map(\.id))
        throw ValidationError("No quiz or file called “\(TerminalSafe.clean(quiz, keepNewlines: false))”.\(hint)")
      }
      let added = library.adding(file: quiz, format: format)
      for problem in added.problems { printError(problem.description) }
      guard let content = added.contentID else { throw ExitCode(1) }
      library = added.library
      target = content
    }
    let quiz: Quiz
    if let found = library.quiz(id: target) {
      quiz = found
    } else if let lesson = library.lesson(id: target) {
      quiz = Quiz.wholeBank(lesson)
    } else {
      throw ValidationError("“\(TerminalSafe.clean(target, keepNewlines: false))” holds no quiz.")
    }
    // The file's order of choices: the projector shows one order to the whole class, and
    // answers saved in students' records keep the file's letters, as in their own quizzes.
    let items = QuizAssembler(library: library).assemble(quiz)
    guard !items.isEmpty else {
      throw ValidationError("“\(TerminalSafe.clean(quiz.title, keepNewlines: false))” has no questions.")
    }
    return (quiz, items)
  }

  /// Starts the server on its own threads; returns the port once it listens.
  private func start(_ server: ClassServer) throws -> Int {
    let started = StartResult()
    let (bind, port) = (self.bind, self.port)
    Task.detached {
      do {
        try await server.run(bind: bind, port: port) { started.finish(.success($0)) }
      } catch {
        started.finish(.failure(error))
      }
    }
    switch started.wait(seconds: 15) {
    case .success(let port)?:
      return port
    case .failure(let error)?:
      throw CommandFailure("could not listen on \(bind):\(port): \(error). Another class may be using the port: try --port.")
    case nil:
      throw CommandFailure("the server did not start within 15 seconds.")
    }
  }
}

/// The first thing the server reports: the port it listens on, or why it could not.
private final class StartResult: @unchecked Sendable {
  private let lock = NSLock()
  private let semaphore = DispatchSemaphore(value: 0)
  private var result: Result<Int, any Error>?

  func finish(_ value: Result<Int, any Error>) {
    let first = lock.withLock {
      guard result == nil else { return false }
      result = value
      return true
    }
    if first { semaphore.signal() }
  }

  func wait(seconds: Double) -> Result<Int, any Error>? {
    _ = semaphore.wait(timeout: .now() + seconds)
    return lock.withLock { result }
  }
}

/// `safer class join HOST:PORT CODE --user NAME`: the shell, straight into a live class;
/// it leaves when the class ends.
struct JoinCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "join", abstract: "Join your teacher's live class quiz.")

  @Argument(help: "The address your teacher gives, HOST:PORT.")
  var address: String

  @Argument(help: "The 6-digit code your teacher gives.")
  var code: String

  @OptionGroup var shell: ShellOptions

  func validate() throws {
    do { _ = try ClassAddress.parse(address) } catch { throw ValidationError(error.description) }
    guard (4...12).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      throw ValidationError("The code is the 6 digits your teacher gives.")
    }
  }

  func run() throws {
    try shell.runShell(firstAction: .join(address: address, code: code), leaveAfterFirstAction: true)
  }
}
