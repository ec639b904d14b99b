import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `DATA/users/`, opened once without following symlinks; every record, journal and lock
/// is opened relative to it, and never through a symlink.
///
/// Anyone who can write to the folder could plant a symlink at a name Safer Shell is
/// about to write (`ana.json.tmp` pointing at someone's homework): a write through it
/// would overwrite the target. So files are opened with `O_NOFOLLOW`, new files with
/// `O_CREAT | O_EXCL` under a random name, and replaced by `renameat`, which replaces the
/// link itself and never what it points to.
final class UsersFolder: @unchecked Sendable {
  let path: String
  let descriptor: Int32

  /// Largest record or journal read, so a planted huge file cannot exhaust memory.
  static let readLimit = 512 * 1024 * 1024

  enum Entry { case missing, file, other(String) }

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  /// Opens (creating it and the data folder if needed) the users folder under `dataFolder`.
  static func open(dataFolder: String) throws(RecordError) -> UsersFolder {
    let path = DataFolder(dataFolder).users
    do {
      try FileManager.default.createDirectory(atPath: dataFolder, withIntermediateDirectories: true)
    } catch {
      throw .dataFolder(path: dataFolder, reason: FileReason.describe(error))
    }
    if mkdir(path, 0o755) != 0 && errno != EEXIST { throw .dataFolder(path: path, reason: FileReason.text(errno)) }
    let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else {
      let reason = errno == ELOOP || errno == ENOTDIR ? "it is a link or a file, not a folder" : FileReason.text(errno)
      throw .dataFolder(path: path, reason: reason)
    }
    return UsersFolder(path: path, descriptor: fd)
  }

  /// Opens the folder only if it exists (for readers that must not create anything).
  static func existing(dataFolder: String) -> UsersFolder? {
    let path = DataFolder(dataFolder).users
    let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    return fd >= 0 ? UsersFolder(path: path, descriptor: fd) : nil
  }

  func fullPath(_ name: String) -> String { path + "/" + name }

  /// What is at `name`, without following a symlink.
  func entry(_ name: String) -> Entry {
    var info = stat()
    guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFLNK: return .other("a symbolic link")
    case S_IFDIR: return .other("a folder")
    default: return .other("not a regular file")
    }
  }

  /// The bytes of the regular file `name`, `nil` if there is none.
  func read(_ name: String) throws(RecordError) -> Data? {
    let fd = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      if errno == ENOENT { return nil }
      if errno == ELOOP { throw .notARecord(path: fullPath(name), what: "a symbolic link") }
      throw .unreadable(path: fullPath(name), reason: FileReason.text(errno))
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .unreadable(path: fullPath(name), reason: FileReason.text(errno)) }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw .notARecord(path: fullPath(name), what: info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "not a regular file")
    }
    guard Int(info.st_size) <= Self.readLimit else {
      throw .unreadable(path: fullPath(name), reason: "it is larger than \(Self.readLimit / 1_048_576) MiB")
    }
    var data = Data(count: Int(info.st_size))
    var total = 0
    let failure: Int32 = data.withUnsafeMutableBytes { buffer in
      guard let base = buffer.baseAddress else { return 0 }
      while total < buffer.count {
        let got = Glibc.read(fd, base + total, buffer.count - total)
        if got < 0 {
          if errno == EINTR { continue }
          return errno
        }
        if got == 0 { break }
        total += got
      }
      return 0
    }
    guard failure == 0 else { throw .unreadable(path: fullPath(name), reason: FileReason.text(failure)) }
    if total < data.count { data.removeSubrange(total...) }
    return data
  }

  /// Replaces `name` with `data` durably: a new file under a random name (`O_EXCL`,
  /// `O_NOFOLLOW`), fsync, `renameat` over `name`, fsync of the folder.
  func replace(_ name: String, with data: Data) throws(RecordError) {
    let temporary = name + ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    let fd = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .saveFailed(path: fullPath(name), reason: FileReason.text(errno)) }
    var failure = Self.writeAll(fd, data)
    if failure == 0 && fsync(fd) != 0 { failure = errno }
    if close(fd) != 0 && failure == 0 { failure = errno }
    if failure == 0 && renameat(descriptor, temporary, descriptor, name) != 0 { failure = errno }
    guard failure == 0 else {
      unlinkat(descriptor, temporary, 0)
      throw .saveFailed(path: fullPath(name), reason: FileReason.text(failure))
    }
    sync()
  }

  /// Renames within the folder (the link itself when `from` is a link).
  func rename(_ from: String, to: String) -> Int32 {
    renameat(descriptor, from, descriptor, to) == 0 ? 0 : errno
  }

  /// Removes a file (or a link; never what it points to).
  @discardableResult
  func remove(_ name: String) -> Bool { unlinkat(descriptor, name, 0) == 0 }

  /// Makes renames and removals durable.
  func sync() { fsync(descriptor) }

  /// Names in the folder.
  func names() -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
  }

  /// A name `base.<stamp>[-n].json` that does not exist yet, for moving a file aside.
  func asideName(for id: String, reason: String, now: Date) -> String {
    let stamp = FileReason.stamp(now)
    var candidate = "\(id).\(reason)-\(stamp).json"
    var attempt = 1
    while entry(candidate).isPresent {
      attempt += 1
      candidate = "\(id).\(reason)-\(stamp)-\(attempt).json"
    }
    return candidate
  }

  /// Writes every byte, retrying short writes; 0 or the `errno` of the failure.
  static func writeAll(_ fd: Int32, _ data: Data) -> Int32 {
    data.withUnsafeBytes { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return 0 }
      var offset = 0
      while offset < buffer.count {
        let written = write(fd, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return 0
    }
  }
}

extension UsersFolder.Entry {
  var isPresent: Bool {
    if case .missing = self { return false }
    return true
  }
}
