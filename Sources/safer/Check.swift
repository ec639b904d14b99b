import ArgumentParser
import Foundation
import SaferCore
import SaferShell

/// `safer check [PATH…]`: validate lesson and quiz files, all problems in one run.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check lesson and quiz files; print each problem as file:line:column: severity: message.")

  @Argument(help: "Files or folders to check. Default: the lesson folders.")
  var paths: [String] = []

  @OptionGroup var locations: LocationOptions

  @Option(name: .long, help: "Read the files named (not those found in folders) as: yaml, gift or aiken.")
  var format: ContentFile.Format?

  @Flag(
    name: .long,
    help:
      "Also print how guessable the answers are, per folder and in all: the right answer as the longest choice, letters, true/false balance, bands and kinds."
  )
  var stats = false

  func run() throws {
    let targets = paths.isEmpty ? locations.lessonFolders() : paths
    guard !targets.isEmpty else {
      throw CommandFailure("no lesson folder found; name one: safer check Lessons")
    }
    let library = LessonLibrary.load(paths: targets, format: format)
    for diagnostic in library.diagnostics { print(TerminalSafe.clean(diagnostic.description)) }
    let errors = library.diagnostics.filter { $0.severity == .error }.count
    let warnings = library.diagnostics.count - errors
    func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
    let summary =
      "\(count(library.files.count, "file")): \(count(library.lessons.count, "lesson")), "
      + "\(count(library.quizzes.count, "quiz").replacingOccurrences(of: "quizs", with: "quizzes")), "
      + "\(count(library.lessons.reduce(0) { $0 + $1.questions.count }, "question")); "
      + "\(count(errors, "error")), \(count(warnings, "warning"))"
    printError(summary)
    if stats { printStats(library) }
    if errors > 0 { throw ExitCode(1) }
  }

  /// Per folder holding lesson files, then for everything checked.
  private func printStats(_ library: LessonLibrary) {
    var byFolder: [String: ContentStats] = [:]
    for lesson in library.lessons {
      byFolder[(lesson.file as NSString).deletingLastPathComponent, default: ContentStats()].add(lesson)
    }
    for folder in byFolder.keys.sorted() {
      for line in byFolder[folder]?.lines(title: folder) ?? [] { print(TerminalSafe.clean(line)) }
    }
    for line in ContentStats(library: library).lines(title: "all") { print(TerminalSafe.clean(line)) }
  }
}
