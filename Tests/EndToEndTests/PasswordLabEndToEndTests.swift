import Foundation
import Testing

/// The password lab on the real binary: `lab password` at a pseudo-terminal, and
/// `safer strength` on piped input. Whatever is typed into the lab is nowhere on disk
/// afterwards.
@Suite("Password lab end to end")
struct PasswordLabEndToEndTests {
  let sandbox: Sandbox
  static let secret = "Lumos-otter-1987"

  init() throws { sandbox = try Sandbox() }

  @Test func aPasswordTypedIntoTheLabIsNeitherShownNorWrittenAnywhere() throws {
    let shell = try TmuxSession(sandbox: sandbox, arguments: sandbox.shellArguments(user: "Ana"))
    defer { shell.close() }
    try shell.waitForLastLine("Ana › ")
    try shell.type("lab pa")
    try shell.press("Tab")
    try shell.waitForLastLine("Ana › lab password ")
    try shell.press("Enter")
    try shell.waitFor(text: "Password (not shown, not saved):")
    try shell.enter(Self.secret)
    try shell.waitFor(text: "Your password was not saved anywhere.")
    try shell.waitForLastLine("Ana › ")
    try shell.press("C-d")
    #expect(try shell.exitStatus() == 0)
    let screen = try shell.screen()
    #expect(screen.contains("Strength: ▕") && screen.contains("Make a passphrase:"), "\(screen)")
    #expect(!screen.contains(Self.secret), "the password was shown")
    shell.close()
    // Every file the shell could have written: records, journals, history, settings.
    let needle = Data(Self.secret.utf8)
    let files = FileManager.default.enumerator(at: sandbox.root, includingPropertiesForKeys: [.isRegularFileKey])
    var checked = 0
    while let url = files?.nextObject() as? URL {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
      checked += 1
      #expect(try Data(contentsOf: url).range(of: needle) == nil, "\(url.path) holds the password")
    }
    #expect(checked >= 2, "the record and the history were written")
  }

  @Test func strengthPrintsOneJSONLinePerPassword() throws {
    let long = String(repeating: "x", count: 5_000)
    let result = try sandbox.run(["strength"], stdin: "password\n\ncorrecthorsebatterystaple\n\(long)\nTr0ub4dour&3")
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    let scores = try lines.map { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return object?["score"] as? Int ?? -1
    }
    // 100 x-es are checked of the 5,000: a repeat of `x`, 1,200 guesses.
    #expect(scores == [0, 0, 4, 1, 2])
    #expect(lines[0].contains(#""warning": "This is a top-10 common password.""#))
  }
}
