import ArgumentParser
import Foundation
import SaferAccess
import SaferShell

/// The check every teacher command makes first: with a passphrase set for the data
/// folder it must be given (`SAFER_TEACHER_PASSPHRASE`, else asked with echo off); with
/// none, the command runs and says how to set one.
enum TeacherGate {
  static func require(dataFolder: String, command: String) throws {
    let teacher = TeacherPassphrase(dataFolder: dataFolder)
    let stored: Bool
    do { stored = try teacher.stored() != nil } catch {
      throw CommandFailure("\(error.description) Set the passphrase again with `safer teacher init`.")
    }
    guard stored else {
      printError(
        "safer \(command): no teacher passphrase is set for \(dataFolder), so anyone at this computer can run this. `safer teacher init` sets one."
      )
      return
    }
    let environment = ProcessInfo.processInfo.environment
    let given =
      environment["SAFER_TEACHER_PASSPHRASE"]
      ?? SecretReader.read(prompt: "Teacher passphrase: ", output: StandardErrorOutput())
    guard let given else {
      throw CommandFailure("this needs the teacher passphrase (at a terminal, or in SAFER_TEACHER_PASSPHRASE).")
    }
    guard (try? teacher.verify(given)) == true else {
      throw CommandFailure("that is not the teacher passphrase.")
    }
  }
}

/// Prompts for secrets go to standard error, so they never mix with a report on stdout.
final class StandardErrorOutput: TextOutput {
  func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
