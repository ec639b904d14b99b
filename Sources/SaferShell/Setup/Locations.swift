import Foundation

/// Where Safer Shell finds lessons and keeps records, from flags, environment and defaults.
public enum Locations {
  /// `--data`, else `SAFER_DATA`, else `$XDG_DATA_HOME/safer`, else `~/.local/share/safer`.
  public static func dataFolder(flag: String?, environment: [String: String]) -> String {
    if let flag, !flag.isEmpty { return flag }
    if let value = environment["SAFER_DATA"], !value.isEmpty { return value }
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/safer" }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.local/share/safer"
  }

  /// `--lessons`, else `SAFER_LESSONS`, else the `Lessons/` of the checkout the binary or
  /// the current folder is in, else `share/safer/Lessons` next to an installed binary.
  public static func lessonFolders(flag: [String], environment: [String: String], executable: String) -> [String] {
    if !flag.isEmpty { return flag }
    if let value = environment["SAFER_LESSONS"], !value.isEmpty {
      return value.split(separator: ":").map(String.init)
    }
    var candidates: [URL] = []
    let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
    candidates.append(contentsOf: ancestors(of: binary))
    candidates.append(contentsOf: ancestors(of: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
    for folder in candidates {
      let lessons = folder.appendingPathComponent("Lessons").path
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
        FileManager.default.fileExists(atPath: lessons)
      {
        return [lessons]
      }
    }
    let installed = binary.deletingLastPathComponent().appendingPathComponent("share/safer/Lessons").path
    if FileManager.default.fileExists(atPath: installed) { return [installed] }
    return []
  }

  private static func ancestors(of url: URL) -> [URL] {
    var result: [URL] = []
    var current = url.standardizedFileURL
    for _ in 0..<8 {
      result.append(current)
      let parent = current.deletingLastPathComponent()
      if parent.path == current.path { break }
      current = parent
    }
    return result
  }

  /// The per-student history file for the line editor.
  public static func historyFile(dataFolder: String, userID: String) -> String {
    dataFolder + "/history/\(userID).history"
  }

  /// The installation's settings (see `InstallationSettings`).
  public static func settingsFile(dataFolder: String) -> String { dataFolder + "/settings.yaml" }

  /// Remembers the last student on this computer, for "Enter for Ana".
  public static func lastUserFile(dataFolder: String) -> String { dataFolder + "/last-user" }
}
