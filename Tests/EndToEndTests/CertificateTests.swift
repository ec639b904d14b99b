import Foundation
import SaferCore
import Testing

/// `certificate`: refused with what is left until every lesson of the age group is passed,
/// then a printable page (and a PDF) that headless Chromium renders as one A4 sheet.
@Suite("The certificate")
struct CertificateTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
  }

  @Test func earnedOnceEveryLessonIsPassedAndItRendersAsOnePage() throws {
    let early = try sandbox.run(sandbox.shellArguments(user: "Ana Kola") + [], stdin: "certificate\nquit\n")
    #expect(unwrapped(early.stdout).contains("Still to do (1): “"), "\(early.stdout)")
    let answers = ["start demo-lesson", "b", "a c", "false", "passphrase", "15", "a b c", "b", "certificate", "quit"]
    let done = try sandbox.run(sandbox.shellArguments(user: "Ana Kola"), stdin: answers.map { $0 + "\n" }.joined())
    #expect(done.status == 0, "\(done.stderr)")
    #expect(unwrapped(done.stdout).contains("Your certificate:"), "\(done.stdout)")
    let id = sandbox.recordID("Ana Kola")
    let page = sandbox.data.appendingPathComponent("certificates/\(id)-10-13.html")
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains("Ana Kola") && html.contains("ages 10\u{2011}13"))
    let browser = try #require(
      ["/usr/bin/chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"]
        .first { FileManager.default.isExecutableFile(atPath: $0) },
      "headless Chromium is not installed: `apt-get install chromium-headless-shell` (scripts/ensure-deps.sh does)")
    #expect(
      FileManager.default.fileExists(atPath: page.deletingPathExtension().appendingPathExtension("pdf").path),
      "a PDF is printed where Chromium is present")
    // A4 at 96 dpi is 794 × 1123 CSS pixels: the whole certificate fits one sheet.
    let flags = ["--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=794,1123"]
    let dom = try Subprocess.run(browser, flags + ["--dump-dom", page.absoluteString])
    for text in ["Certificate", "Ana Kola", "Average of the best scores", "demo"] {
      #expect(dom.stdout.lowercased().contains(text.lowercased()), "the rendered page lacks \(text)")
    }
    let shot = sandbox.root.appendingPathComponent("certificate.png")
    _ = try Subprocess.run(browser, flags + ["--screenshot=\(shot.path)", page.absoluteString])
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scripts/png-stats.py")
    let stats = try Subprocess.run("/usr/bin/env", ["python3", script.path, shot.path])
    let figures = try #require(
      try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Double], "\(stats.output)")
    #expect(figures["width"] == 794)
    #expect((figures["nonWhite"] ?? 0) > 0.05, "a blank page: \(figures)")
    #expect((figures["saturated"] ?? 0) > 0.005, "no coloured frame: \(figures)")
    #expect((figures["rowsWithInk"] ?? 0) > 0.8, "the sheet is not drawn to its foot: \(figures)")
  }
}
