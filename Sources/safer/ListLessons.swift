import ArgumentParser
import Foundation
import SaferCore
import SaferShell

/// `safer lessons [--json]`: what is loaded, for people and for scripts.
struct ListLessons: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "lessons", abstract: "List the loaded lessons and quizzes.")

  @OptionGroup var locations: LocationOptions

  @Flag(name: .long, help: "Print JSON: {lessons: […], quizzes: […], brokenFiles: […]}.")
  var json = false

  func run() throws {
    let library = locations.loadLibrary()
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(LibraryListing(library: library)), as: UTF8.self))
      return
    }
    for lesson in library.lessons {
      print(
        TerminalSafe.clean(
          "\(lesson.id)\t\(lesson.topic)\t\(lesson.level)\t\(lesson.questions.count) questions\t\(lesson.title)",
          keepTabs: true))
    }
    let assembler = QuizAssembler(library: library)
    for quiz in library.quizzes {
      let count = assembler.assemble(quiz).count
      print(
        TerminalSafe.clean(
          "\(quiz.id)\t\(quiz.topic ?? "all topics")\t\(quiz.level ?? quiz.band.rawValue)\t\(count) questions\tquiz: \(quiz.title)",
          keepTabs: true))
    }
    if !library.brokenFiles.isEmpty {
      printError("\(Set(library.brokenFiles).count) file(s) left out with problems; run `safer check` for details.")
    }
  }
}
