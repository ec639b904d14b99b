import Foundation

/// Where the shell writes: standard output, or a buffer in tests.
public protocol TextOutput: AnyObject {
  func write(_ text: String)
}

extension TextOutput {
  public func line(_ text: String = "") { write(text + "\n") }
  public func lines(_ texts: [String]) { for text in texts { line(text) } }
}

/// Writes straight to a file descriptor, unbuffered, so what a student sees never lags
/// behind what was saved.
public final class FileDescriptorOutput: TextOutput {
  let descriptor: Int32

  public init(descriptor: Int32 = 1) { self.descriptor = descriptor }

  public func write(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
      if written <= 0 {
        if written < 0 && errno == EINTR { continue }
        // Nobody reads any more (`safer | head`): end as on Ctrl-D, nothing lost.
        if written < 0 && errno == EPIPE { TerminationSignals.request(SIGPIPE) }
        return
      }
      bytes = bytes.dropFirst(written)
    }
  }
}

/// Collects output, for transcript tests.
public final class BufferOutput: TextOutput {
  public private(set) var text = ""
  public init() {}
  public func write(_ text: String) { self.text += text }
}
