import ArgumentParser
import Foundation
import SaferCore

/// `safer records compact [--user NAME]`: housekeeping of the data folder's records.
struct Records: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Look after student records.", subcommands: [Compact.self])

  /// Folds each journal into its snapshot, so `users/<id>.json` alone holds every answer.
  struct Compact: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Fold each student's answer journal (users/<id>.jsonl) into the record (users/<id>.json).")

    @OptionGroup var locations: LocationOptions

    @Option(name: .long, help: "Only this student (default: every student in the data folder).")
    var user: String?

    func run() throws {
      let store = FileRecordStore(dataFolder: locations.dataFolder)
      let names = user.map { [$0] } ?? store.studentsWithJournals()
      var failures = 0
      for name in names {
        do {
          let handle = try store.open(displayName: name, now: Date())
          defer { handle.close() }
          for notice in handle.notices { printError("safer records compact: \(name): \(notice)") }
          try handle.compact()
        } catch {
          failures += 1
          printError("safer records compact: \(error.description)")
        }
      }
      print("Compacted \(names.count - failures) of \(names.count) record\(names.count == 1 ? "" : "s").")
      if failures > 0 { throw ExitCode(1) }
    }
  }
}
