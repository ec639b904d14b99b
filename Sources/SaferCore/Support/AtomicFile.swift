import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a small file of the data folder (the teacher passphrase, the audit log's
/// companions) the way records are written: a new temporary opened with
/// `O_CREAT|O_EXCL|O_NOFOLLOW`, fsync'd, renamed over the name (which replaces a link
/// rather than writing through it), then the folder fsync'd.
public enum AtomicFile {
  public static func write(_ data: Data, to path: String, permissions: mode_t = 0o600) throws(FileWriteError) {
    try write(to: path, permissions: permissions) { fd in
      data.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
          let written = Glibc.write(fd, base + offset, buffer.count - offset)
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

  /// The same, with `fill` writing the content to the temporary's descriptor (returning 0
  /// or an errno), for writers that want a descriptor (libedit's history). `durable`:
  /// fsync the file and the folder (a history line is not worth two fsyncs).
  public static func write(
    to path: String, permissions: mode_t = 0o600, durable: Bool = true, fill: (Int32) -> Int32
  ) throws(FileWriteError) {
    let temporary = path + ".tmp-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
    guard fd >= 0 else { throw FileWriteError(path: path, reason: FileReason.text(errno)) }
    var failure = fill(fd)
    if failure == 0 && durable && fsync(fd) != 0 { failure = errno }
    close(fd)
    if failure == 0 && rename(temporary, path) != 0 { failure = errno }
    guard failure == 0 else {
      unlink(temporary)
      throw FileWriteError(path: path, reason: FileReason.text(failure))
    }
    guard durable else { return }
    let folder = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
  }

  /// Makes a folder of the data folder (`classes/`, `certificates/`) if it is missing;
  /// refuses one that is a link, so nothing is ever written through it.
  public static func makeFolder(_ path: String) throws(FileWriteError) {
    var existing = stat()
    if lstat(path, &existing) == 0, existing.st_mode & S_IFMT == S_IFLNK {
      throw FileWriteError(path: path, reason: "it is a link, not a folder (nothing is written through one)")
    }
    do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
      throw FileWriteError(path: path, reason: FileReason.text(errno))
    }
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
      throw FileWriteError(path: path, reason: "it is not a folder")
    }
  }

  /// Appends one line (an audit entry): `O_APPEND|O_NOFOLLOW`, then fdatasync.
  public static func append(line: String, to path: String) throws(FileWriteError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw FileWriteError(path: path, reason: FileReason.text(errno)) }
    defer { close(fd) }
    let bytes = Array((line + "\n").utf8)
    let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    guard written == bytes.count, fdatasync(fd) == 0 else {
      throw FileWriteError(path: path, reason: FileReason.text(errno))
    }
  }
}

/// A data-folder file that could not be written, and why, for the person who will read it.
public struct FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public var description: String { "Could not write \(path): \(reason)." }
}
