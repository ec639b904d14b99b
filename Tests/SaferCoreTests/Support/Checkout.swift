import Foundation

/// The folders of this checkout that tests read: found by climbing from this file to the
/// folder holding `Package.swift`, so moving a test file never breaks its paths.
enum Checkout {
  /// The repository's root folder.
  static let root: URL = {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
      folder.deleteLastPathComponent()
    }
    // Tests/SaferCoreTests/Support/Checkout.swift: three folders up, if the climb found nothing.
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }()

  /// `Lessons/`, the bundled curriculum.
  static let lessons = root.appendingPathComponent("Lessons").path

  /// A file of the checkout, by its path from the root (`Schemas/report.schema.json`).
  static func file(_ path: String) -> URL { root.appendingPathComponent(path) }
}
