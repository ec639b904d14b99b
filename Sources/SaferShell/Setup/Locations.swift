import Foundation

/// Where Safer Shell finds its lessons, from flags, environment and defaults. (What the
/// data folder holds is `DataFolder`'s, in SaferCore.)
public enum Locations {
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
}
