#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file someone named (a lesson, a quiz, a bank, a settings file) with bounds: only
/// a regular file, and only up to a size, so `/dev/zero`, a FIFO or a 10 GB log neither
/// hangs the shell nor fills its memory.
public enum BoundedFile {
  /// Why a file was not read, for the person who named it.
  public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotOpen(reason: String)
    case notARegularFile
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
      switch self {
      case .cannotOpen(let reason): "cannot read this file: \(reason)"
      case .notARegularFile: "this is not a regular file (a folder, a device or a pipe), so it was not read"
      case .tooLarge(let bytes, let limit):
        "this file is too large (\(bytes / 1024) KiB; the limit is \(limit / 1024 / 1024) MiB), so it was not read"
      }
    }
  }

  public static func read(_ path: String, maximumBytes: Int) -> Result<[UInt8], Problem> {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return .failure(.cannotOpen(reason: reason(errno))) }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { return .failure(.cannotOpen(reason: reason(errno))) }
    guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.notARegularFile) }
    guard status.st_size <= maximumBytes else { return .failure(.tooLarge(bytes: Int(status.st_size), limit: maximumBytes)) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return .failure(.cannotOpen(reason: reason(errno))) }
      if count == 0 { return .success(bytes) }
      bytes.append(contentsOf: chunk[..<count])
      // The file grew while it was read: stop at the limit all the same.
      if bytes.count > maximumBytes { return .failure(.tooLarge(bytes: bytes.count, limit: maximumBytes)) }
    }
  }

  private static func reason(_ code: Int32) -> String { FileReason.text(code) }
}
