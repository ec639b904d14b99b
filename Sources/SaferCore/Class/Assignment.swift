import Foundation

/// Work a teacher set (`safer assign DATA LESSON… --due DATE`): lessons or quizzes to
/// finish by a day. Students' shells show what is due when they start; reports track it.
public struct Assignment: Codable, Equatable, Sendable {
  public var contentIDs: [String]
  /// The last day, `YYYY-MM-DD` (the end of that day, local time, counts).
  public var due: String
  public var created: Date

  public init(contentIDs: [String], due: String, created: Date) {
    self.contentIDs = contentIDs
    self.due = due
    self.created = created
  }

  /// The due day as a date at its start (UTC), `nil` when it is not `YYYY-MM-DD`.
  public var dueDay: Date? { Self.day(due) }

  public static func day(_ text: String) -> Date? {
    let parts = text.split(separator: "-").map { Int($0) }
    guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2], (2000...2999).contains(year),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    return InternetDate.parse(String(format: "%04d-%02d-%02dT00:00:00Z", year, month, day))
  }

  /// Whether `record` has a completed attempt at `contentID`.
  public static func isDone(_ contentID: String, in record: UserRecord) -> Bool {
    record.attempts.contains { $0.contentID == contentID && $0.status == .completed }
  }
}

/// The assignments of a data folder (`DATA/assignments.json`).
public struct AssignmentList: Codable, Equatable, Sendable {
  public var assignments: [Assignment] = []

  public init(assignments: [Assignment] = []) { self.assignments = assignments }

  public static func path(dataFolder: String) -> String { DataFolder(dataFolder).assignments }

  public static func load(dataFolder: String) throws(ClassFileError) -> AssignmentList {
    let path = path(dataFolder: dataFolder)
    guard FileManager.default.fileExists(atPath: path) else { return AssignmentList() }
    switch BoundedFile.read(path, maximumBytes: 4 * 1024 * 1024) {
    case .failure(let problem): throw .unreadable(path: path, reason: problem.description)
    case .success(let bytes):
      let decoder = JSONDecoder()
      decoder.dateDecodingStrategy = .iso8601
      guard let list = try? decoder.decode(AssignmentList.self, from: Data(bytes)) else {
        throw .unreadable(path: path, reason: "it is not a list of assignments")
      }
      return list
    }
  }

  public func save(dataFolder: String) throws(ClassFileError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    let path = Self.path(dataFolder: dataFolder)
    guard let data = try? encoder.encode(self) else { throw .unwritable(path: path, reason: "encoding failed") }
    do {
      try FileManager.default.createDirectory(atPath: dataFolder, withIntermediateDirectories: true)
      try AtomicFile.write(data, to: path, permissions: 0o644)
    } catch let error as FileWriteError {
      throw .unwritable(path: error.path, reason: error.reason)
    } catch {
      throw .unwritable(path: dataFolder, reason: error.localizedDescription)
    }
  }

  /// What a student still has to do, soonest first: (content id, due day) pairs not yet
  /// completed, from assignments due today or later (or overdue by at most 14 days).
  public func pending(for record: UserRecord, now: Date) -> [(contentID: String, due: String, overdue: Bool)] {
    var result: [(contentID: String, due: String, overdue: Bool)] = []
    for assignment in assignments.sorted(by: { $0.due < $1.due }) {
      guard let day = assignment.dueDay else { continue }
      let end = day.addingTimeInterval(86_400)
      guard now < end.addingTimeInterval(14 * 86_400) else { continue }
      for id in assignment.contentIDs where !Assignment.isDone(id, in: record) {
        if !result.contains(where: { $0.contentID == id }) { result.append((id, assignment.due, now >= end)) }
      }
    }
    return result
  }
}
