import Foundation
import SaferCore

extension Shell {
  /// `certificate`: once every lesson of the student's age group is passed, writes a
  /// printable page (and a PDF where Chromium is there to print it); else says what is left.
  func certificate() {
    guard let recordHandle else { return }
    let certificate = Certificate(record: recordHandle.record, library: library, date: env.clock.now())
    guard certificate.isEarned else {
      let missing = certificate.missing
      guard let first = missing.first else {
        say("There are no lessons for your age group yet.")
        return
      }
      let names = missing.prefix(5).map { "“\(TerminalSafe.clean($0.title))”" }.joined(separator: ", ")
      say(
        "Your certificate comes when every lesson for ages \(certificate.band.rawValue) is passed (\(Int(Certificate.passMark))% or more). "
          + "Still to do (\(missing.count)): \(names)\(missing.count > 5 ? ", …" : ""). Type `start \(TerminalSafe.clean(first.id))`."
      )
      return
    }
    guard let dataFolder = env.dataFolder else {
      error("This shell has no data folder to write the certificate to.")
      return
    }
    do {
      let file = try certificate.save(dataFolder: dataFolder, userID: recordHandle.record.profile.id)
      let pdf = String(file.dropLast(".html".count)) + ".pdf"
      let printed = env.printToPDF(file, pdf)
      say(
        style.green("🎓 Well done, \(displayName)!") + " Your certificate: \(TerminalSafe.clean(file))"
          + (printed ? " and \(TerminalSafe.clean(pdf))." : ". Open it in a browser to print it."))
    } catch {
      self.error("The certificate could not be written: \(error.description)")
    }
  }
}
