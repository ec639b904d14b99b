import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An advisory `flock` on `users/<id>.lock`, held while a shell has a record open.
///
/// The kernel drops it when the process dies, so a killed shell never leaves a student
/// locked out. The file is opened without following a symlink (a planted link would
/// otherwise be truncated) and removed on release, so no lock file is left behind for
/// every name ever typed. Because a file can be removed between another process's
/// `open` and its `flock`, the lock only counts once the path still names the locked file.
final class FileLock: @unchecked Sendable {
  private var fd: Int32
  private let folder: UsersFolder
  private let name: String

  private init(fd: Int32, folder: UsersFolder, name: String) {
    self.fd = fd
    self.folder = folder
    self.name = name
  }

  static func acquire(in folder: UsersFolder, id: String, user: String) throws(RecordError) -> FileLock {
    let name = id + ".lock"
    for _ in 0..<20 {
      let fd = openat(folder.descriptor, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
      guard fd >= 0 else {
        if errno == ELOOP { throw .notARecord(path: folder.fullPath(name), what: "a symbolic link") }
        throw .dataFolder(path: folder.fullPath(name), reason: FileReason.text(errno))
      }
      guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
        let holder = Self.holder(fd)
        close(fd)
        throw .inUse(user: user, byProcess: holder)
      }
      var held = stat()
      var current = stat()
      if fstat(fd, &held) == 0, fstatat(folder.descriptor, name, &current, AT_SYMLINK_NOFOLLOW) == 0,
        held.st_ino == current.st_ino, held.st_dev == current.st_dev
      {
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        return FileLock(fd: fd, folder: folder, name: name)
      }
      // The file was removed (or replaced) by its previous holder: lock the new one.
      close(fd)
    }
    throw .dataFolder(path: folder.fullPath(name), reason: "the lock file keeps changing")
  }

  /// The process id written by the holder, if it is a plain number.
  private static func holder(_ fd: Int32) -> String? {
    var buffer = [UInt8](repeating: 0, count: 16)
    let got = pread(fd, &buffer, buffer.count, 0)
    guard got > 0 else { return nil }
    let text = String(decoding: buffer[0..<got], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return !text.isEmpty && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) ? text : nil
  }

  func release() {
    guard fd >= 0 else { return }
    folder.remove(name)
    flock(fd, LOCK_UN)
    close(fd)
    fd = -1
  }

  deinit { release() }
}
