import Foundation
import Yams

/// Settings a school makes for its installation, such as its own child help line.
///
/// Read from `DATA/settings.yaml` (a `key: value` file), overridden by the environment
/// (`SAFER_HELPLINE`) and by command-line flags.
public struct InstallationSettings: Hashable, Sendable {
  /// Shown when no help line is set: true in many countries, and it tells a student where
  /// to ask for the right number.
  public static let defaultHelpline =
    "your country's child helpline (116 111 in many countries; a teacher can tell you yours)"

  /// The child help line lessons point to wherever they say `{{helpline}}`.
  public var helpline: String
  /// The age band of every new student at this installation (`band: 10-13` for a primary
  /// school's lab, or `SAFER_BAND`), so nobody is asked; absent: each student is asked once.
  public var band: AgeBand?

  public init(helpline: String = Self.defaultHelpline) {
    self.helpline = helpline
  }

  /// Reads `path` if it exists. A problem with the file is returned, not thrown: the shell
  /// says it once and goes on with the defaults.
  public static func load(path: String, environment: [String: String]) -> (InstallationSettings, [String]) {
    var settings = InstallationSettings()
    var problems: [String] = []
    let read = FileManager.default.fileExists(atPath: path) ? BoundedFile.read(path, maximumBytes: 64 * 1024) : .success([])
    if case .failure(let problem) = read { problems.append("\(path): \(problem)") }
    if case .success(let bytes) = read, !bytes.isEmpty, let text = String(validating: bytes, as: UTF8.self) {
      do {
        if let root = try Yams.compose(yaml: text), case .mapping(let mapping) = root {
          for (key, value) in mapping {
            switch key.string {
            case "helpline":
              if let line = value.string, !line.trimmingCharacters(in: .whitespaces).isEmpty { settings.helpline = line }
            case "band":
              if let band = value.string.flatMap(AgeBand.init(rawValue:)) {
                settings.band = band
              } else {
                problems.append("\(path): `band` is \"10-13\" or \"14-18\"")
              }
            default:
              problems.append("\(path): unknown setting `\(key.string ?? "?")` (known: helpline, band)")
            }
          }
        } else if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
          problems.append("\(path): expected `key: value` lines, e.g. `helpline: \"116 111\"`")
        }
      } catch {
        problems.append("\(path): not valid YAML (\(error))")
      }
    }
    if let helpline = environment["SAFER_HELPLINE"], !helpline.isEmpty { settings.helpline = helpline }
    if let band = environment["SAFER_BAND"], !band.isEmpty {
      if let value = AgeBand(rawValue: band) { settings.band = value } else { problems.append("SAFER_BAND is 10-13 or 14-18") }
    }
    return (settings, problems)
  }

  /// The values of the `{{name}}` placeholders lesson text may use.
  public var placeholders: [String: String] { ["helpline": helpline] }

  public static let placeholderNames: Set<String> = ["helpline"]

  /// `text` with every known `{{name}}` replaced.
  public func fill(_ text: String) -> String {
    guard text.contains("{{") else { return text }
    var result = text
    for (name, value) in placeholders { result = result.replacingOccurrences(of: "{{\(name)}}", with: value) }
    return result
  }

  /// Names of the `{{…}}` placeholders in `text` (for `safer check`). Scans bytes:
  /// it runs over every text of every lesson at start-up, where Foundation's searching
  /// showed up in profiles.
  public static func placeholders(in text: String) -> [String] {
    let bytes = Array(text.utf8)
    var names: [String] = []
    var index = 0
    while index + 1 < bytes.count {
      guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
        index += 1
        continue
      }
      var end = index + 2
      while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")) { end += 1 }
      guard end + 1 < bytes.count else { break }
      names.append(String(decoding: bytes[(index + 2)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces))
      index = end + 2
    }
    return names
  }
}
