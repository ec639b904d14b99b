import ArgumentParser
import Foundation
import SaferCore
import SaferShell

extension ContentFile.Format: ExpressibleByArgument {}

/// Where lessons and records are, shared by every command.
struct LocationOptions: ParsableArguments {
  @Option(
    name: .long, help: "Folder of lesson and quiz files (repeatable). Default: $SAFER_LESSONS, else the checkout's Lessons/.")
  var lessons: [String] = []

  @Option(name: .long, help: "Data folder for records. Default: $SAFER_DATA, else ~/.local/share/safer.")
  var data: String?

  var environment: [String: String] { ProcessInfo.processInfo.environment }

  var dataFolder: String { DataFolder.resolve(flag: data, environment: environment).path }

  func lessonFolders() -> [String] {
    Locations.lessonFolders(flag: lessons, environment: environment, executable: CommandLine.arguments[0])
  }

  func loadLibrary() -> LessonLibrary {
    LessonLibrary.load(paths: lessonFolders())
  }
}

/// Writes to standard error.
/// Writes an error line; what it quotes (names, ids, file contents) is made terminal-safe.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((TerminalSafe.clean(text) + "\n").utf8))
}
