import Foundation

/// Debian's `chromium-headless-shell` (or a full Chromium), used to print a page to PDF
/// where one is installed; nothing is fetched, the page is a local file.
enum HeadlessChromium {
  static let candidates = [
    "/usr/bin/chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium",
    "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
  ]

  static var executable: String? { candidates.first { FileManager.default.isExecutableFile(atPath: $0) } }

  /// Prints `html` to `pdf` (A4, no header or footer), waiting at most 30 s.
  static func printToPDF(html: String, pdf: String) -> Bool {
    guard let executable else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
      URL(fileURLWithPath: html).absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return false }
    let deadline = Date().addingTimeInterval(30)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    if process.isRunning {
      process.terminate()
      return false
    }
    return process.terminationStatus == 0 && FileManager.default.fileExists(atPath: pdf)
  }
}
