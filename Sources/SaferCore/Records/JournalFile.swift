import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The append-only journal beside a record: `users/<id>.jsonl`, one JSON entry a line.
///
/// Saving an answer appends one short line and `fdatasync`s it, which costs the same
/// whether the student has ten answers or a hundred thousand. A failed or partial write
/// is cut back off, so the file only ever holds whole lines.
final class JournalFile {
  let folder: UsersFolder
  let name: String
  private var fd: Int32 = -1
  /// Bytes in the file (all whole lines).
  private(set) var size = 0

  init(folder: UsersFolder, name: String) {
    self.folder = folder
    self.name = name
  }

  deinit { closeFile() }

  /// What a journal holds after a snapshot's last entry.
  struct Contents {
    var entries: [JournalEntry] = []
    /// Where the whole, readable lines end: a last line without its newline (a write cut
    /// short by a crash) is not an entry.
    var validSize = 0
    /// Set when a line could not be used; `entries` are those before it.
    var problem: JournalProblem?
  }

  /// The entries after `seq` in `data`.
  static func read(_ data: Data, after seq: Int) -> Contents {
    var contents = Contents()
    let decoder = RecordSerializer.makeDecoder()
    var lineNumber = 0
    var start = data.startIndex
    var last = seq
    while let newline = data[start...].firstIndex(of: 0x0A) {
      lineNumber += 1
      let line = data[start..<newline]
      if !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
        guard let entry = try? decoder.decode(JournalEntry.self, from: line) else {
          contents.problem = .unreadableLine(lineNumber)
          return contents
        }
        if entry.format > JournalEntry.currentFormat {
          contents.problem = .newerFormat(entry.format)
          return contents
        }
        if entry.seq > seq {
          guard entry.seq == last + 1 else {
            contents.problem = .outOfOrder(lineNumber)
            return contents
          }
          last = entry.seq
          contents.entries.append(entry)
        }
      }
      start = newline + 1
      contents.validSize = start - data.startIndex
    }
    return contents
  }

  /// Appends one line durably. On failure the file is cut back to what it was.
  func append(_ line: Data) throws(RecordError) {
    if fd < 0 { try openFile() }
    var failure = UsersFolder.writeAll(fd, line)
    if failure == 0 && fdatasync(fd) != 0 { failure = errno }
    guard failure == 0 else {
      ftruncate(fd, off_t(size))
      throw .saveFailed(path: folder.fullPath(name), reason: FileReason.text(failure))
    }
    size += line.count
  }

  /// Cuts the file to `length` bytes (a torn last line found on opening).
  func truncate(to length: Int) throws(RecordError) {
    if fd < 0 { try openFile() }
    guard ftruncate(fd, off_t(length)) == 0, fdatasync(fd) == 0 else {
      throw .saveFailed(path: folder.fullPath(name), reason: FileReason.text(errno))
    }
    size = length
  }

  /// Removes the file after a compaction (its entries are in the snapshot).
  func remove() {
    closeFile()
    folder.remove(name)
    folder.sync()
    size = 0
  }

  private func openFile() throws(RecordError) {
    let created = !folder.entry(name).isPresent
    let opened = openat(folder.descriptor, name, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard opened >= 0 else {
      if errno == ELOOP { throw .notARecord(path: folder.fullPath(name), what: "a symbolic link") }
      throw .saveFailed(path: folder.fullPath(name), reason: FileReason.text(errno))
    }
    var info = stat()
    guard fstat(opened, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      close(opened)
      throw .notARecord(path: folder.fullPath(name), what: "not a regular file")
    }
    fd = opened
    size = Int(info.st_size)
    if created { folder.sync() }
  }

  private func closeFile() {
    if fd >= 0 { close(fd) }
    fd = -1
  }
}
