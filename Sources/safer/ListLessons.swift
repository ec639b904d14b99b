import ArgumentParser
import Foundation
import SaferCore

/// `safer lessons [--json]`: what is loaded, for people and for scripts.
struct ListLessons: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "lessons", abstract: "List the loaded lessons and quizzes.")

  @OptionGroup var locations: LocationOptions

  @Flag(name: .long, help: "Print JSON: {lessons: […], quizzes: […], problems: […]}.")
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
      print("\(lesson.id)\t\(lesson.topic)\t\(lesson.level)\t\(lesson.questions.count) questions\t\(lesson.title)")
    }
    for quiz in library.quizzes { print("\(quiz.id)\tquiz\t\t\t\(quiz.title)") }
    if !library.brokenFiles.isEmpty {
      printError("\(Set(library.brokenFiles).count) file(s) left out with problems; run `safer check` for details.")
    }
  }
}
