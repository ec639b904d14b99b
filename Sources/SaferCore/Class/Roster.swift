import Foundation

/// The students of a class (`DATA/roster.json`): who should be there, so reports list
/// those who have not started, and a name typed at a shell can be checked against it.
public struct Roster: Codable, Equatable, Sendable {
  public private(set) var students: [String] = []

  /// The usable names, each student once (as records count them), sorted.
  public init(students: [String] = []) {
    var seen: Set<String> = []
    self.students = students.map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { UserID.problem(with: $0) == nil && seen.insert(UserID.canonical($0)).inserted }
      .sorted { $0.localizedStandardCompare($1) == .orderedAscending }
  }

  public static func path(dataFolder: String) -> String { DataFolder(dataFolder).roster }

  /// The roster of a data folder; an empty one when there is none.
  public static func load(dataFolder: String) throws(ClassFileError) -> Roster {
    let path = path(dataFolder: dataFolder)
    guard FileManager.default.fileExists(atPath: path) else { return Roster() }
    switch BoundedFile.read(path, maximumBytes: 4 * 1024 * 1024) {
    case .failure(let problem): throw .unreadable(path: path, reason: problem.description)
    case .success(let bytes):
      guard let roster = try? JSONDecoder().decode(Roster.self, from: Data(bytes)) else {
        throw .unreadable(path: path, reason: "it is not a roster (expected {\"students\": [names]})")
      }
      return Roster(students: roster.students)
    }
  }

  public func save(dataFolder: String) throws(ClassFileError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else {
      throw .unwritable(path: Self.path(dataFolder: dataFolder), reason: "encoding failed")
    }
    do {
      try FileManager.default.createDirectory(atPath: dataFolder, withIntermediateDirectories: true)
      try AtomicFile.write(data, to: Self.path(dataFolder: dataFolder), permissions: 0o644)
    } catch let error as FileWriteError {
      throw .unwritable(path: error.path, reason: error.reason)
    } catch {
      throw .unwritable(path: dataFolder, reason: error.localizedDescription)
    }
  }

  /// Adds a student; `false` when the name is unusable or already there (same canonical
  /// name, as the records count it).
  @discardableResult
  public mutating func add(_ name: String) -> Bool {
    let trimmed = name.trimmingCharacters(in: .whitespaces)
    guard UserID.problem(with: trimmed) == nil, !contains(trimmed) else { return false }
    students.append(trimmed)
    students.sort { $0.localizedStandardCompare($1) == .orderedAscending }
    return true
  }

  @discardableResult
  public mutating func remove(_ name: String) -> Bool {
    let canonical = UserID.canonical(name)
    let before = students.count
    students.removeAll { UserID.canonical($0) == canonical }
    return students.count < before
  }

  public func contains(_ name: String) -> Bool {
    let canonical = UserID.canonical(name)
    return students.contains { UserID.canonical($0) == canonical }
  }

  /// The names in a CSV export from a school system or a spreadsheet: the first column of
  /// each row, or the column headed `name` / `student` (any case) when there is one.
  /// Quoted fields (RFC 4180) and `;` separators (European Excel) are understood.
  public static func names(fromCSV text: String) -> [String] {
    let rows = CSVRows.parse(text)
    guard let first = rows.first else { return [] }
    let headers = first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    let named = headers.firstIndex { ["name", "student", "student name", "full name"].contains($0) }
    let column = named ?? 0
    let body = named != nil || headers.first == "name" ? Array(rows.dropFirst()) : rows
    return body.compactMap { row in
      guard row.indices.contains(column) else { return nil }
      let name = row[column].trimmingCharacters(in: .whitespaces)
      return name.isEmpty ? nil : name
    }
  }
}

/// A class file (roster, assignments) that could not be read or written.
public enum ClassFileError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(path: String, reason: String)
  case unwritable(path: String, reason: String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "Cannot read \(path): \(reason)."
    case .unwritable(let path, let reason): "Cannot write \(path): \(reason)."
    }
  }
}
