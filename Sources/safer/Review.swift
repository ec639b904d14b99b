import ArgumentParser
import Foundation
import SaferCore
import SaferShell

#if canImport(Glibc)
  import Glibc
#endif

/// `safer review --replay LOG.jsonl --json`: review logs replayed through the FSRS-6
/// scheduler, one JSON line out per line in, so the scheduler can be checked against the
/// reference implementation (py-fsrs 6, fuzzing off).
struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Replay a review log through the FSRS-6 scheduler.",
    discussion: """
      Each line of LOG is {"item", "at", "rating"}: at in ISO 8601, rating again, hard, good \
      or easy (other fields are ignored). Each item starts blank; each line prints \
      {"item", "state", "stability", "difficulty", "due"} with due in ISO 8601 UTC. \
      Parameters: FSRS-6's defaults, desired retention 0.9, learning steps 1 and 10 minutes, \
      relearning step 10 minutes, no fuzzing.
      """)

  @Option(help: "A JSON-lines review log (`-`: standard input).")
  var replay: String

  @Flag(help: "Print JSON lines (the only output there is, for now).")
  var json = false

  func run() throws {
    let file: UnsafeMutablePointer<FILE>?
    if replay == "-" {
      file = fdopen(STDIN_FILENO, "r")
    } else {
      var info = stat()
      guard stat(replay, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
        throw ValidationError("\(TerminalSafe.clean(replay, keepNewlines: false)) is not a file that can be read.")
      }
      file = fopen(replay, "r")
    }
    guard let file else { throw ValidationError("\(TerminalSafe.clean(replay, keepNewlines: false)) could not be opened.") }
    defer { fclose(file) }
    var replayer = ReviewReplay()
    var failures = 0
    var number = 0
    var buffer: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(buffer) }
    var output = ""
    while true {
      let length = getline(&buffer, &capacity, file)
      guard length >= 0, let buffer else { break }
      number += 1
      var line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
      while line.last?.isNewline == true { line.removeLast() }
      if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      switch replayer.replay(line: line, number: number) {
      case .success(let text):
        output += text + "\n"
        if output.utf8.count > 64 * 1024 {
          FileHandle.standardOutput.write(Data(output.utf8))
          output = ""
        }
      case .failure(let problem):
        failures += 1
        printError("safer review: \(replay == "-" ? "stdin" : replay): \(problem.description)")
      }
    }
    FileHandle.standardOutput.write(Data(output.utf8))
    if failures > 0 { throw ExitCode(1) }
  }
}
