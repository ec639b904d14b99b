import ArgumentParser
import Foundation
import SaferAccess
import SaferCore
import SaferShell

/// `safer records compact [--user NAME]`: housekeeping of the data folder's records.
struct Records: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "records",
    abstract: "Look after student records.", subcommands: [Compact.self, Export.self, Delete.self])

  /// `safer records export NAME`: a student's (or parent's) request for their data: the
  /// whole record, journal included, as JSON on standard output. Logged.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Print a student's whole record as JSON (for a student's or parent's request; logged).")

    @OptionGroup var locations: LocationOptions

    @Argument(help: "The student's name.")
    var name: String

    func run() throws {
      let folder = locations.dataFolder
      try TeacherGate.require(dataFolder: folder, command: "records export")
      let record: UserRecord
      do { record = try FileRecordStore(dataFolder: folder).read(displayName: name) } catch {
        throw CommandFailure(error.description)
      }
      var exported = record
      exported.profile.pin = nil  // a hash of the PIN is no one's business, not even a parent's
      let data = try RecordSerializer().encode(exported)
      do { try AuditLog(dataFolder: folder).record("export", student: record.profile.displayName) } catch {
        throw CommandFailure("\(error.description) Nothing was exported.")
      }
      FileHandle.standardOutput.write(data)
    }
  }

  /// `safer records delete NAME`: removes a student's record, journal and history, after
  /// the name is typed again (or `--yes`). Logged.
  struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete",
      abstract: "Delete a student's record, journal and history (asks to confirm; logged).")

    @OptionGroup var locations: LocationOptions

    @Argument(help: "The student's name.")
    var name: String

    @Flag(help: "Do not ask to confirm (for scripts).")
    var yes = false

    func run() throws {
      let folder = locations.dataFolder
      try TeacherGate.require(dataFolder: folder, command: "records delete")
      let store = FileRecordStore(dataFolder: folder)
      let record: UserRecord
      do { record = try store.read(displayName: name) } catch {
        throw CommandFailure(error.description)
      }
      let shown = TerminalSafe.clean(record.profile.displayName, keepNewlines: false)
      if !yes {
        let answers = record.attempts.reduce(0) { $0 + $1.answers.count }
        FileHandle.standardError.write(
          Data(
            "This deletes \(shown)'s record (\(record.attempts.count) attempts, \(answers) answers) for good. Type the name again to confirm: "
              .utf8))
        guard let typed = Swift.readLine(), UserID.canonical(typed) == UserID.canonical(record.profile.displayName) else {
          throw CommandFailure("not confirmed; nothing was deleted.")
        }
      }
      do {
        try AuditLog(dataFolder: folder).record("delete", student: record.profile.displayName)
        try store.delete(displayName: record.profile.displayName)
        try? FileManager.default.removeItem(atPath: DataFolder(folder).historyFile(userID: record.profile.id))
      } catch let error as RecordError {
        throw CommandFailure(error.description)
      } catch {
        throw CommandFailure(String(describing: error))
      }
      print("Deleted the record of \(shown).")
    }
  }

  /// Folds each journal into its snapshot, so `users/<id>.json` alone holds every answer.
  struct Compact: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "compact",
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
