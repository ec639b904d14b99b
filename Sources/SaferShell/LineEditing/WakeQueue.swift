import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Items posted from other threads (a live class's network) for the shell's main thread,
/// with a pipe whose read end wakes a line editor (`LineWake`) when something arrives.
public final class WakeQueue<Element: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [Element] = []
  private let descriptors: (read: Int32, write: Int32)

  public init() {
    var ends: [Int32] = [-1, -1]
    if pipe(&ends) == 0 {
      for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      }
    }
    descriptors = (ends[0], ends[1])
  }

  deinit {
    close(descriptors.read)
    close(descriptors.write)
  }

  /// The descriptor to watch (`LineWake.descriptor`).
  public var descriptor: Int32 { descriptors.read }

  public func post(_ item: Element) {
    lock.withLock { items.append(item) }
    var byte: UInt8 = 1
    // A full pipe already holds a wake-up; nothing is lost, as the items are in the queue.
    _ = write(descriptors.write, &byte, 1)
  }

  /// Everything posted so far, oldest first.
  public func take() -> [Element] {
    lock.withLock {
      defer { items.removeAll() }
      return items
    }
  }

  /// Waits up to `seconds` for something to be posted (without a line editor: piped
  /// input, the end of a session), then takes it all.
  public func wait(seconds: Double) -> [Element] {
    let ready = lock.withLock { !items.isEmpty }
    if !ready {
      var input = pollfd(fd: descriptors.read, events: Int16(POLLIN), revents: 0)
      _ = poll(&input, 1, Int32(max(0, seconds * 1000)))
      var drained = [UInt8](repeating: 0, count: 256)
      while drained.withUnsafeMutableBytes({ read(descriptors.read, $0.baseAddress, $0.count) }) > 0 {}
    }
    return take()
  }
}
