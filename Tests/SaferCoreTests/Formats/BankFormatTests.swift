import Foundation
import Testing

@testable import SaferCore

/// `.txt` banks as teachers have them: Moodle's GIFT export is named `.txt`, and so are
/// Aiken files; the content says which.
@Suite("Telling GIFT from Aiken")
struct BankFormatTests {
  static let moodleExport = """
    // question: 1234  name: Padlock
    $CATEGORY: $course$/top/Safety

    ::Padlock::[html]<p>What does the padlock prove?</p>{
    \t=The connection is encrypted
    \t~The site is honest
    }

    """

  static let aiken = """
    What does a padlock prove?
    A. The site is honest
    B. The connection is encrypted
    ANSWER: B
    """

  @Test func aMoodleGIFTExportNamedTxtIsReadAsGIFT() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("export.txt", Self.moodleExport)
    let (content, problems) = ContentFile.load(path: file)
    #expect(!problems.contains { $0.severity == .error }, "\(problems)")
    guard case .lesson(let bank) = content else {
      Issue.record("not read as a bank")
      return
    }
    #expect(bank.questions.map(\.title) == ["Padlock"])
  }

  @Test func anAikenFileNamedTxtIsStillAiken() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("aiken.txt", Self.aiken)
    #expect(ContentFile.format(of: file, text: Self.aiken) == .aiken)
    guard case .lesson(let bank) = ContentFile.load(path: file).0 else {
      Issue.record("not read")
      return
    }
    #expect(bank.questions.count == 1)
  }

  @Test func aFormatGivenByNameWinsOverTheExtension() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("bank.yaml", Self.aiken)
    #expect(ContentFile.load(path: file).1.contains { $0.severity == .error }, "read as YAML, it is no lesson")
    let (content, problems) = ContentFile.load(path: file, format: .aiken)
    #expect(problems.isEmpty && content != nil)
  }

  /// Moodle imports a file of categories (or descriptions) only: no error, nothing to quiz.
  @Test func aFileOfCategoriesOnlyIsNoError() throws {
    let folder = try TemporaryFolder()
    try folder.write("categories.gift", "$CATEGORY: $course$/top/Safety\n\n$CATEGORY: $course$/top/Safety/Passwords\n")
    try folder.write("notes.gift", "::Note::This bank is being written.\n")
    let library = LessonLibrary.load(paths: [folder.path])
    #expect(!library.hasErrors, "\(library.diagnostics)")
    #expect(library.brokenFiles.isEmpty)
    #expect(library.diagnostics.filter { $0.message.hasPrefix("this file holds no questions") }.count == 2)
  }
}
