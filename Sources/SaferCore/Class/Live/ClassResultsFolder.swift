import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `DATA/classes/`: where live class sessions leave their results (`<stem>.json`,
/// `<stem>.csv`) and their log of refused frames and joins (`<stem>.log`).
public struct ClassResultsFolder: Sendable {
  public let dataFolder: String
  public var path: String { DataFolder(dataFolder).classes }
  /// The largest results file read back (a class of 500 answering 200 questions fits).
  public static let maximumFileSize = 32 << 20

  public init(dataFolder: String) {
    self.dataFolder = dataFolder
  }

  /// `2026-12-06-091502-passwords-quiz`: when the session started, then the quiz id made
  /// file-safe, so sessions sort by time (two sessions of one quiz would share it only if
  /// started in the same second).
  public static func stem(started: Date, quizID: String, timeZone: TimeZone = .current) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = "yyyy-MM-dd-HHmmss"
    let safe = quizID.unicodeScalars.map { scalar -> Character in
      scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
        ? Character(scalar) : "-"
    }
    return formatter.string(from: started) + "-" + String(String(safe).prefix(48))
  }

  public func file(_ stem: String, _ fileExtension: String) -> String { "\(path)/\(stem).\(fileExtension)" }

  /// Writes the results as JSON and CSV (each replaced whole, never written through a link).
  public func save(_ results: ClassResults, stem: String) throws(FileWriteError) {
    try makeFolder()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    guard let json = try? encoder.encode(results) else {
      throw FileWriteError(path: file(stem, "json"), reason: "the results could not be encoded")
    }
    try AtomicFile.write(json + Data("\n".utf8), to: file(stem, "json"), permissions: 0o644)
    try AtomicFile.write(Data(results.csv().utf8), to: file(stem, "csv"), permissions: 0o644)
  }

  /// Adds a line to the session's log. What clients sent is in it, so control characters
  /// are written as `\u{1B}`: a teacher reading the log in a terminal sees text, never
  /// escape sequences; and the line is bounded.
  public func log(_ line: String, stem: String, now: Date) {
    guard (try? makeFolder()) != nil else { return }
    var safe = ""
    for scalar in line.unicodeScalars.prefix(1_000) {
      let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.generalCategory == .format
      safe += isControl ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
    }
    try? AtomicFile.append(line: now.ISO8601Format() + " " + safe, to: file(stem, "log"))
  }

  private func makeFolder() throws(FileWriteError) { try AtomicFile.makeFolder(path) }

  /// Every results file in the folder, oldest first; one that cannot be read is named in
  /// `unreadable` with the reason.
  public func load() -> (results: [ClassResults], unreadable: [(file: String, reason: String)]) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return ([], []) }
    var results: [ClassResults] = []
    var unreadable: [(String, String)] = []
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    for name in names.sorted() where name.hasSuffix(".json") {
      let file = path + "/" + name
      switch BoundedFile.read(file, maximumBytes: Self.maximumFileSize) {
      case .failure(let problem):
        unreadable.append((file, problem.description))
      case .success(let bytes):
        do {
          let decoded = try decoder.decode(ClassResults.self, from: Data(bytes))
          guard decoded.format == ClassResults.currentFormat else {
            unreadable.append((file, "it was written by another version (format \(decoded.format))"))
            continue
          }
          results.append(decoded)
        } catch {
          unreadable.append((file, "it is not a live class results file"))
        }
      }
    }
    return (results, unreadable)
  }
}
