import Foundation
import SaferCore

/// `DATA/audit.log`: one line per export or deletion of a student's record (when, what,
/// whose), so a school can answer "who took my child's data?".
public struct AuditLog {
  public let dataFolder: String

  public init(dataFolder: String) { self.dataFolder = dataFolder }

  public var path: String { DataFolder(dataFolder).auditLog }

  public func record(_ action: String, student: String, now: Date = Date()) throws(FileWriteError) {
    let stamp = ISO8601DateFormatter().string(from: now)
    // Names are user input: kept on one line, control characters dropped.
    let name = String(student.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
    try AtomicFile.append(line: "\(stamp)\t\(action)\t\(name)", to: path)
  }
}
