import SaferCore

/// Everything the shell needs from outside, so tests can supply their own.
public struct ShellEnvironment {
  /// The lessons, possibly still loading (see `LibraryLoader`).
  public var libraryLoader: LibraryLoader
  public var store: any RecordStore
  public var editor: any LineEditor
  public var output: any TextOutput
  public var style: Style
  /// Current terminal width in columns (asked again before each render).
  public var width: () -> Int
  /// The terminal's height, for lists that would scroll off it; `nil`: no terminal (piped
  /// output), where nothing is cut short.
  public var height: () -> Int? = { nil }
  public var clock: any TimeSource
  /// The school's settings, e.g. its child help line.
  public var settings: InstallationSettings
  /// The student named on the command line (`--user` or `SAFER_USER`), if any.
  public var userName: String?
  /// The name offered when asking who is there (the last student at home).
  public var lastUser: String?
  /// What to do once the student is known (`safer quiz ID` starts the quiz).
  public var firstAction: FirstAction?
  /// The history file for a student id, if history is kept.
  public var historyFile: (String) -> String?
  /// Remembers who used the shell last.
  public var rememberUser: (String) -> Void
  /// The data folder's assignments (`safer assign`), read when a student's record opens.
  public var assignments: () -> AssignmentList? = { nil }
  /// Reads a PIN with echo off (`nil`: nobody to ask, or cancelled). Without a terminal
  /// the shell takes `SAFER_PIN` instead (see `ShellOptions`).
  public var readSecret: (_ prompt: String) -> String? = { _ in nil }
  /// Who gave the options of `firstAction` (`safer quiz … --teacher` after the teacher
  /// passphrase): a teacher's may loosen the quiz file, a student's only tighten it.
  public var firstActionAuthority: QuizOverrides.Authority = .student
  /// Leave the shell once the first action is done (`safer class join`).
  public var leaveAfterFirstAction = false
  /// Opens a live class connection (`join`); `nil`: this shell cannot join classes.
  public var connectToClass: ClassConnector?
  /// The data folder, for files written beside the records (`certificate`); `nil`: none.
  public var dataFolder: String?
  /// Prints an HTML file to PDF (headless Chromium), returning whether it did.
  public var printToPDF: (_ html: String, _ pdf: String) -> Bool = { _, _ in false }

  public init(
    library: LibraryLoader, store: any RecordStore, editor: any LineEditor, output: any TextOutput, style: Style,
    width: @escaping () -> Int = { 80 }, clock: any TimeSource = SystemTime(),
    settings: InstallationSettings = InstallationSettings(), userName: String? = nil,
    lastUser: String? = nil, historyFile: @escaping (String) -> String? = { _ in nil },
    rememberUser: @escaping (String) -> Void = { _ in }
  ) {
    self.libraryLoader = library
    self.store = store
    self.editor = editor
    self.output = output
    self.style = style
    self.width = width
    self.clock = clock
    self.settings = settings
    self.userName = userName
    self.lastUser = lastUser
    self.historyFile = historyFile
    self.rememberUser = rememberUser
  }
}

/// What the command line asks the shell to do first, its words already apart: a file name
/// with spaces stays one word, as the user's own shell gave it.
public enum FirstAction: Sendable, Equatable {
  /// `safer quiz TARGET [options]`: a quiz id or a quiz or bank file, then its settings.
  case quiz(target: String, options: [String])
  /// `safer class join ADDRESS CODE`.
  case join(address: String, code: String)
}
