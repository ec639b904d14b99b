import ArgumentParser
import Foundation
import SaferCore
import SaferShell

/// `safer class …`: a class is a data folder; these commands look after it.
struct ClassCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "class", abstract: "Live class quizzes, and a class's roster and students' age groups.",
    subcommands: [HostCommand.self, JoinCommand.self, RosterCommand.self, BandCommand.self])
}

extension AgeBand: ExpressibleByArgument {}

/// `safer class band DATA NAME… --band 10-13|14-18`: the age group a student's shell shows
/// content for (students are asked once; a teacher's setting replaces their answer).
struct BandCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "band", abstract: "Set students' age group: what lessons and questions they are shown.")

  @Argument(help: "The class's data folder.")
  var data: String

  @Argument(help: "Students' names.")
  var names: [String]

  @Option(name: .long, help: "10-13 or 14-18.")
  var band: AgeBand

  func run() throws {
    try TeacherGate.require(dataFolder: data, command: "class band")
    let store = FileRecordStore(dataFolder: data)
    var failures = 0
    for name in names {
      do {
        let handle = try store.open(displayName: name, now: Date())
        defer { handle.close() }
        try handle.update { $0.profile.band = band }
        print("\(TerminalSafe.clean(handle.record.profile.displayName, keepNewlines: false)): \(band.rawValue)")
      } catch {
        failures += 1
        printError("safer class band: \(error.description)")
      }
    }
    if failures > 0 { throw ExitCode(1) }
  }
}

/// `safer class roster DATA [--add NAME…] [--remove NAME…] [--import FILE.csv]`: who is in
/// the class; prints the roster (with who has a record) after any change.
struct RosterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roster", abstract: "Show or change the class roster (DATA/roster.json).")

  @Argument(help: "The class's data folder.")
  var data: String

  @Option(name: .long, parsing: .upToNextOption, help: "Names to add.")
  var add: [String] = []

  @Option(name: .long, parsing: .upToNextOption, help: "Names to remove.")
  var remove: [String] = []

  @Option(
    name: .customLong("import"),
    help: "A CSV file (a spreadsheet or school system export): the names in its first column, or in its `name` column.")
  var importFile: String?

  func run() throws {
    let changing = !add.isEmpty || !remove.isEmpty || importFile != nil
    // Even the list: a class's names are the teacher's to show.
    try TeacherGate.require(dataFolder: data, command: "class roster")
    var roster: Roster
    do { roster = try Roster.load(dataFolder: data) } catch {
      throw CommandFailure(error.description)
    }
    var names = add
    if let importFile {
      switch BoundedFile.read(importFile, maximumBytes: 4 * 1024 * 1024) {
      case .failure(let problem):
        throw CommandFailure("\(importFile): \(problem.description)")
      case .success(let bytes):
        names += Roster.names(fromCSV: String(decoding: bytes, as: UTF8.self))
      }
    }
    var added = 0
    for name in names {
      if let problem = UserID.problem(with: name) {
        printError("safer class roster: “\(name)” was not added: \(problem.description)")
      } else if roster.add(name) {
        added += 1
      }
    }
    var removed = 0
    for name in remove {
      if roster.remove(name) { removed += 1 } else { printError("safer class roster: “\(name)” is not on the roster.") }
    }
    if changing {
      do { try roster.save(dataFolder: data) } catch {
        throw CommandFailure(error.description)
      }
      print("Added \(added), removed \(removed).")
    }
    let known = Set(FileRecordStore(dataFolder: data).knownUsers().map(UserID.canonical))
    print("\(roster.students.count) student\(roster.students.count == 1 ? "" : "s") on the roster of \(data):")
    for name in roster.students {
      print("  \(name)" + (known.contains(UserID.canonical(name)) ? "" : "  (no record yet)"))
    }
  }
}

/// `safer assign DATA LESSON… --due DATE`: work for the class, shown in students' shells
/// when they start and tracked by reports.
struct Assign: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "assign",
    abstract: "Set lessons or quizzes for the class to finish by a day (DATA/assignments.json).")

  @Argument(help: "The class's data folder.")
  var data: String

  @Argument(help: "Lesson or quiz ids.")
  var contentIDs: [String]

  @Option(name: .long, help: "The last day, YYYY-MM-DD.")
  var due: String

  @Option(name: .long, parsing: .singleValue, help: "Folder of lesson and quiz files, to check the ids (repeatable).")
  var lessons: [String] = []

  func run() throws {
    guard Assignment.day(due) != nil else {
      throw ValidationError("`--due \(due)`: give the day as YYYY-MM-DD, e.g. 2026-12-11.")
    }
    guard !contentIDs.isEmpty else { throw ValidationError("Name at least one lesson or quiz.") }
    try TeacherGate.require(dataFolder: data, command: "assign")
    let folders = Locations.lessonFolders(
      flag: lessons, environment: ProcessInfo.processInfo.environment, executable: CommandLine.arguments[0])
    let library = LessonLibrary.load(paths: folders)
    for id in contentIDs where library.lesson(id: id) == nil && library.quiz(id: id) == nil {
      let hint = Suggestion.sentence(for: id, among: library.lessons.map(\.id) + library.quizzes.map(\.id))
      throw CommandFailure("there is no lesson or quiz called “\(id)”.\(hint)")
    }
    do {
      var list = try AssignmentList.load(dataFolder: data)
      list.assignments.append(Assignment(contentIDs: contentIDs, due: due, created: Date()))
      try list.save(dataFolder: data)
    } catch {
      throw CommandFailure(error.description)
    }
    print("Assigned \(contentIDs.joined(separator: ", ")), due \(due). Students see it when their shell starts.")
  }
}
