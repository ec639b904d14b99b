import Foundation

/// The data folder's layout, in one place: every file Safer Shell keeps there is named
/// here, so the shell, the class server, reports and tools agree on it without linking
/// each other (a report or a server never needs libedit to find a record).
///
/// ```text
/// DATA/users/<id>.json, <id>.jsonl   students' records and journals (FileRecordStore)
/// DATA/history/<id>.history          each student's command history (the shell)
/// DATA/classes/                      live class results (ClassResultsFolder)
/// DATA/certificates/                 certificates to print (Certificate)
/// DATA/settings.yaml                 the installation's settings (help line)
/// DATA/last-user                     the last student on this computer
/// DATA/assignments.json              work the teacher set (AssignmentList)
/// DATA/roster.json                   the class list (Roster)
/// DATA/teacher.json                  the teacher passphrase, hashed
/// DATA/audit.log                     teachers' actions
/// ```
public struct DataFolder: Hashable, Sendable {
  public let path: String

  public init(_ path: String) { self.path = path }

  /// `--data`, else `SAFER_DATA`, else `$XDG_DATA_HOME/safer`, else `~/.local/share/safer`.
  public static func resolve(flag: String?, environment: [String: String]) -> DataFolder {
    if let flag, !flag.isEmpty { return DataFolder(flag) }
    if let value = environment["SAFER_DATA"], !value.isEmpty { return DataFolder(value) }
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return DataFolder(xdg + "/safer") }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return DataFolder(home + "/.local/share/safer")
  }

  public var users: String { path + "/users" }
  public var history: String { path + "/history" }
  public var classes: String { path + "/classes" }
  public var certificates: String { path + "/certificates" }
  public var settings: String { path + "/settings.yaml" }
  public var lastUser: String { path + "/last-user" }
  public var assignments: String { path + "/assignments.json" }
  public var roster: String { path + "/roster.json" }
  public var teacherPassphrase: String { path + "/teacher.json" }
  public var auditLog: String { path + "/audit.log" }

  /// A student's line-editor history.
  public func historyFile(userID: String) -> String { history + "/\(userID).history" }
}
