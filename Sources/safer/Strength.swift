import ArgumentParser
import Foundation
import SaferCore

#if canImport(Glibc)
  import Glibc
#endif

/// `safer strength`: passwords on standard input, one a line, each estimated like zxcvbn
/// and printed as one JSON line, for batch checks (and for comparing with zxcvbn itself).
///
/// Nothing is kept: each line is estimated, printed and dropped. Lines are read in
/// bounded pieces, so one endless line cannot fill the memory.
struct Strength: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "strength",
    abstract: "Estimate how hard passwords are to guess (zxcvbn's way), one JSON line each.",
    discussion: """
      Reads passwords from standard input, one a line, and prints for each \
      {"score": 0-4, "guessesLog10": n, "feedback": {"warning", "suggestions"}}. \
      Only the first \(PasswordStrength.checkedLength) characters of a password are checked (as zxcvbn \
      advises); a line longer than \(maximumCharacters) characters is cut there when read.
      """)

  /// Longest line kept, in characters; the rest of a longer one is read and dropped.
  static let maximumCharacters = 1000

  func run() throws {
    var reader = BoundedLines(maximumBytes: Self.maximumCharacters * 4)
    var output = ""
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      let lines = count > 0 ? reader.feed(chunk[..<count]) : reader.finish()
      for line in lines {
        let password = String(String(decoding: line, as: UTF8.self).unicodeScalars.prefix(Self.maximumCharacters))
        output += PasswordStrength.estimate(password).jsonLine() + "\n"
      }
      if output.utf8.count > 16 * 1024 || count <= 0 {
        FileHandle.standardOutput.write(Data(output.utf8))
        output = ""
      }
      if count <= 0 { break }
    }
  }
}

/// Splits bytes into lines, keeping at most `maximumBytes` of each (a final `\r` is
/// dropped too, for files from Windows).
struct BoundedLines {
  let maximumBytes: Int
  private var current: [UInt8] = []
  private var pending = false

  init(maximumBytes: Int) { self.maximumBytes = maximumBytes }

  mutating func feed(_ bytes: ArraySlice<UInt8>) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    for byte in bytes {
      if byte == 0x0A {
        lines.append(take())
      } else {
        pending = true
        if current.count < maximumBytes { current.append(byte) }
      }
    }
    return lines
  }

  /// The last line, if the input did not end with a newline.
  mutating func finish() -> [[UInt8]] { pending ? [take()] : [] }

  private mutating func take() -> [UInt8] {
    var line = current
    if line.last == 0x0D { line.removeLast() }
    current = []
    pending = false
    return line
  }
}
