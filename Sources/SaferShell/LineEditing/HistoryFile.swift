import CEditLine
import Foundation
import SaferCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A student's history file (`DATA/history/<id>.history`), read and written without
/// following links: libedit's own H_LOAD and H_SAVE open the path as it is, so a link
/// planted there would load another file into the Up arrow or be written through.
///
/// Reading opens the file with `O_NOFOLLOW` and hands libedit that descriptor; writing
/// goes to a new temporary (`O_CREAT|O_EXCL|O_NOFOLLOW`) renamed over the name, which
/// replaces a link instead of writing to its target. A folder that is a link, or a file
/// that is not a regular one, is left alone: history is a comfort, never worth a risk.
enum HistoryFile {
  /// Larger than any history of `LibEditLineEditor.historySize` lines of 4 KiB.
  static let maximumBytes = 8 * 1024 * 1024

  static func load(_ history: OpaquePointer, from path: String) {
    guard folderIsReal(of: path) else { return }
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size <= maximumBytes else { return }
    // /dev/fd/N names the file already opened, whatever happens to the path meanwhile.
    _ = safer_history_load(history, "/dev/fd/\(fd)")
  }

  static func save(_ history: OpaquePointer, to path: String) {
    let folder = (path as NSString).deletingLastPathComponent
    if !FileManager.default.fileExists(atPath: folder) {
      try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    guard folderIsReal(of: path) else { return }
    try? AtomicFile.write(to: path, durable: false) { fd in safer_history_save_fd(history, fd) < 0 ? EIO : 0 }
  }

  /// The history folder must be a folder, not a link to one elsewhere.
  private static func folderIsReal(of path: String) -> Bool {
    var status = stat()
    return lstat((path as NSString).deletingLastPathComponent, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
  }
}
