import Foundation
import SaferCore

/// The teacher passphrase of a data folder (`DATA/teacher.json`: a `SecretHash`, never the
/// passphrase). With one set, teacher commands (reports, rosters, assignments, quiz
/// settings from the command line, exporting or deleting a record) ask for it; without,
/// they run and say how to set one (a family computer needs none).
public struct TeacherPassphrase {
  public let dataFolder: String
  /// At least this many characters: a few words, not a PIN.
  public static let minimumLength = 8

  public init(dataFolder: String) { self.dataFolder = dataFolder }

  public var path: String { DataFolder(dataFolder).teacherPassphrase }

  /// The stored hash, `nil` when none is set.
  public func stored() throws(AccessError) -> SecretHash? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    switch BoundedFile.read(path, maximumBytes: 64 * 1024) {
    case .failure(let problem): throw .unreadable(path: path, reason: problem.description)
    case .success(let bytes):
      guard let hash = try? JSONDecoder().decode(SecretHash.self, from: Data(bytes)) else { throw .unusableHash }
      return hash
    }
  }

  public var isSet: Bool { (try? stored()) != nil || FileManager.default.fileExists(atPath: path) }

  /// Sets (or replaces) the passphrase.
  public func set(_ passphrase: String) throws(AccessError) {
    guard passphrase.count >= Self.minimumLength else { throw .tooShort(minimum: Self.minimumLength) }
    let hash = try SecretHasher.hash(passphrase)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let data = try? encoder.encode(hash) else { throw .unusableHash }
    do {
      try FileManager.default.createDirectory(atPath: dataFolder, withIntermediateDirectories: true)
    } catch {
      throw .unreadable(path: dataFolder, reason: "\(error.localizedDescription)")
    }
    do { try AtomicFile.write(data, to: path) } catch { throw .file(error) }
  }

  /// Whether `passphrase` is the one set. A damaged file matches nothing: the teacher sets
  /// it again with `safer teacher init`.
  public func verify(_ passphrase: String) throws(AccessError) -> Bool {
    guard let stored = try stored() else { return true }
    return SecretHasher.matches(passphrase, stored)
  }
}
