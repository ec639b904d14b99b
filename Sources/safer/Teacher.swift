import ArgumentParser
import Foundation
import SaferAccess
import SaferShell

/// `safer teacher init`: sets (or changes) the teacher passphrase of a data folder.
struct Teacher: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "teacher",
    abstract: "Set the teacher passphrase that guards reports, rosters and records.", subcommands: [Init.self])

  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Set or change the teacher passphrase of the data folder (stored only as a salted scrypt hash).")

    @OptionGroup var locations: LocationOptions

    func run() throws {
      let folder = locations.dataFolder
      let teacher = TeacherPassphrase(dataFolder: folder)
      // Changing it needs the old one: otherwise any student could replace it.
      if (try? teacher.stored()) != nil { try TeacherGate.require(dataFolder: folder, command: "teacher init") }
      let environment = ProcessInfo.processInfo.environment
      let passphrase: String
      if let given = environment["SAFER_TEACHER_PASSPHRASE_NEW"] {
        passphrase = given
      } else {
        let output = StandardErrorOutput()
        guard let first = SecretReader.read(prompt: "New teacher passphrase (8 or more characters): ", output: output),
          let second = SecretReader.read(prompt: "The same again: ", output: output)
        else {
          throw CommandFailure("run it at a terminal, or give the passphrase in SAFER_TEACHER_PASSPHRASE_NEW.")
        }
        guard first == second else {
          throw CommandFailure(AccessError.mismatch.description)
        }
        passphrase = first
      }
      do { try teacher.set(passphrase) } catch {
        throw CommandFailure(error.description)
      }
      print("Teacher passphrase set for \(folder) (stored as a salted scrypt hash in \(teacher.path)).")
    }
  }
}
