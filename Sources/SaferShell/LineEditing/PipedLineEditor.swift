#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from standard input when it is not a terminal: no prompts, no editing,
/// so answers can be piped in (`printf 'start passwords-basics\nb\n' | safer --user ana`).
///
/// It reads the descriptor itself rather than through `Swift.readLine`, which retries a
/// read a signal interrupted, forever: a SIGTERM must end the read (see
/// `TerminationSignals`). A line is kept up to `maximumLineBytes`; the rest of a longer
/// one is read and dropped, so a runaway input cannot fill the memory.
public final class PipedLineEditor: LineEditor {
  public let isInteractive = false
  public var completer: Completer?
  let descriptor: Int32
  let maximumLineBytes: Int
  private var buffer: [UInt8] = []
  private var atEnd = false

  public init(descriptor: Int32 = STDIN_FILENO, maximumLineBytes: Int = 64 * 1024) {
    self.descriptor = descriptor
    self.maximumLineBytes = maximumLineBytes
  }

  public func readLine(prompt: String) -> LineInput { readLine(prompt: prompt, countdown: nil, wake: nil) }

  /// With `wake`, waits for the input and the wake descriptor together (poll).
  public func readLine(prompt: String, countdown: Countdown?, wake: LineWake?) -> LineInput {
    var line: [UInt8] = []
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        take(buffer[..<newline], into: &line)
        buffer.removeSubrange(...newline)
        return .line(Self.text(line))
      }
      take(buffer[...], into: &line)
      buffer.removeAll(keepingCapacity: true)
      if let wake, !atEnd, waitForInput(orWake: wake) {
        buffer = line + buffer
        return .woken
      }
      if atEnd || TerminationSignals.received != nil || !fill() {
        // The last line may lack its newline; after it (or a signal), the input is over.
        return line.isEmpty ? .endOfInput : .line(Self.text(line))
      }
    }
  }

  public func addToHistory(_ line: String) {}

  /// Waits until input is there (`false`) or the wake handler asks to end the read (`true`).
  private func waitForInput(orWake wake: LineWake) -> Bool {
    while TerminationSignals.received == nil {
      var inputs = [
        pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.descriptor, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&inputs, 2, -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return false
      }
      if inputs[0].revents != 0 { return false }
      if inputs[1].revents != 0 {
        var drained = [UInt8](repeating: 0, count: 256)
        while drained.withUnsafeMutableBytes({ read(wake.descriptor, $0.baseAddress, $0.count) }) > 0 {}
        if wake.handler() { return true }
      }
    }
    return false
  }

  /// Reads what is there into `buffer`; `false` at the end of the input or on a signal
  /// that ends the shell.
  private func fill() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        buffer.append(contentsOf: chunk[..<count])
        return true
      }
      if count < 0 && errno == EINTR && TerminationSignals.received == nil { continue }
      atEnd = true
      return false
    }
  }

  private func take(_ bytes: ArraySlice<UInt8>, into line: inout [UInt8]) {
    // One byte past the limit is kept, so the shell still sees the line as too long.
    let room = maximumLineBytes + 1 - line.count
    line.append(contentsOf: bytes.prefix(max(0, room)))
  }

  private static func text(_ bytes: [UInt8]) -> String {
    var bytes = bytes[...]
    if bytes.last == 0x0D { bytes = bytes.dropLast() }
    return String(decoding: bytes, as: UTF8.self)
  }
}
