import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Crash-safe file replacement: temporary file, fsync, rename, fsync of the folder.
enum DurableFile {
  static func replace(path: String, with data: Data) throws(RecordError) {
    let temporary = path + ".tmp"
    let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .saveFailed(path: path, reason: reason(errno)) }
    var failure: Int32 = 0
    data.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = write(fd, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += written
      }
    }
    if failure == 0 && fsync(fd) != 0 { failure = errno }
    if Glibc.close(fd) != 0 && failure == 0 { failure = errno }
    if failure == 0 && rename(temporary, path) != 0 { failure = errno }
    guard failure == 0 else {
      unlink(temporary)
      throw .saveFailed(path: path, reason: reason(failure))
    }
    syncFolder(of: path)
  }

  /// Makes the rename itself durable.
  static func syncFolder(of path: String) {
    let folder = (path as NSString).deletingLastPathComponent
    let fd = Glibc.open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    Glibc.close(fd)
  }

  static func makeFolder(_ path: String) throws(RecordError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw .dataFolder(path: path, reason: (error as NSError).localizedDescription)
    }
  }

  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOSPC: "the disk is full"
    case EDQUOT: "the disk quota is used up"
    case EACCES, EPERM: "permission denied"
    case EROFS: "the disk is read-only"
    default: String(cString: strerror(code))
    }
  }
}

/// An advisory `flock` on `<id>.lock`, held while a shell has a record open.
///
/// The kernel drops it when the process dies, so a killed shell never leaves a student
/// locked out.
final class FileLock: @unchecked Sendable {
  private var fd: Int32

  private init(fd: Int32) { self.fd = fd }

  static func acquire(path: String, user: String) throws(RecordError) -> FileLock {
    let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .dataFolder(path: path, reason: DurableFile.reason(errno)) }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
      Glibc.close(fd)
      throw .inUse(user: user, byProcess: holder?.isEmpty == false ? holder : nil)
    }
    let pid = "\(getpid())\n"
    ftruncate(fd, 0)
    _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    return FileLock(fd: fd)
  }

  func release() {
    guard fd >= 0 else { return }
    flock(fd, LOCK_UN)
    Glibc.close(fd)
    fd = -1
  }
}
