import Foundation
import Testing

@testable import SaferCore

@Suite("Loading a folder of lessons")
struct LessonLibraryTests {
  static func lessonYAML(id: String, topic: String = "passwords") -> String {
    Fixtures.tinyLessonYAML.replacingOccurrences(of: "id: tiny", with: "id: \(id)")
      .replacingOccurrences(of: "topic: passwords", with: "topic: \(topic)")
  }

  @Test func brokenFileDoesNotStopTheOthers() throws {
    let folder = try TemporaryFolder()
    let good = try folder.write("a-good.yaml", Fixtures.tinyLessonYAML)
    let bad = try folder.write("b-bad.yaml", "id: broken\ntitle: [unclosed\n")
    let library = LessonLibrary.load(paths: [folder.path])
    #expect(library.lessons.map(\.id) == ["tiny"])
    #expect(library.lessons.first?.file == good)
    #expect(library.brokenFiles == [bad])
    #expect(library.files == [good, bad])
    #expect(library.hasErrors)
    #expect(!library.diagnostics.isEmpty)
    #expect(library.diagnostics.allSatisfy { $0.location.file == bad })
  }

  /// A folder the system refuses (a teacher's share with the wrong permissions) is named
  /// as an error, so `check` fails and the shell says so; the other folders still load.
  @Test func anUnreadableFolderIsReportedNotSkipped() throws {
    let folder = try TemporaryFolder()
    try folder.write("open/one.yaml", Self.lessonYAML(id: "one"))
    try folder.write("locked/two.yaml", Self.lessonYAML(id: "two"))
    var diagnostics: [Diagnostic] = []
    let files = LessonLibrary.contentFiles(under: folder.path, diagnostics: &diagnostics) { path in
      if path.hasSuffix("/locked") { throw CocoaError(.fileReadNoPermission) }
      return try FileManager.default.contentsOfDirectory(atPath: path)
    }
    #expect(files == [folder.path + "/open/one.yaml"])
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.severity == .error)
    #expect(diagnostics.first?.location.file == folder.path + "/locked")
    #expect(diagnostics.first?.message.hasPrefix("cannot read this folder") == true)
  }

  @Test func aMissingFolderMakesTheLibraryBroken() throws {
    let library = LessonLibrary.load(paths: ["/nonexistent/lessons"])
    #expect(library.hasErrors)
    #expect(library.brokenFiles == ["/nonexistent/lessons"])
  }

  /// `quiz /etc/shadow`: refused as a whole, and none of its lines are quoted back.
  @Test func aFileThatIsNoLessonIsRefusedWithoutQuotingIt() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("shadow", "root:$6$secret:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n")
    let (content, problems) = ContentFile.load(path: file)
    #expect(content == nil)
    #expect(problems.count == 1)
    #expect(problems.first?.message.hasPrefix("this is not a lesson, quiz or question bank") == true)
    #expect(!problems.contains { $0.message.contains("secret") || $0.message.contains("daemon") })
    let list = try folder.write("list.yaml", "- root\n- daemon\n")
    #expect(ContentFile.load(path: list).1.map(\.message) == problems.map(\.message))
  }

  @Test func devicesFoldersAndHugeFilesAreNotRead() throws {
    let folder = try TemporaryFolder()
    #expect(ContentFile.load(path: "/dev/zero").1.first?.message.contains("not a regular file") == true)
    #expect(ContentFile.load(path: folder.path).1.first?.message.contains("not a regular file") == true)
    let huge = try folder.write("huge.yaml", String(repeating: "# padding\n", count: 500_000))
    #expect(ContentFile.load(path: huge).1.first?.message.contains("too large") == true)
    #expect(ContentFile.load(path: folder.path + "/none.yaml").1.first?.message == "cannot read this file: there is no such file")
  }

  @Test func findsYamlAndYmlInSubfoldersSkippingOtherFiles() throws {
    let folder = try TemporaryFolder()
    try folder.write("fraud/one.yml", Self.lessonYAML(id: "one", topic: "fraud"))
    try folder.write("passwords/deep/two.yaml", Self.lessonYAML(id: "two"))
    try folder.write("notes.txt", "not a lesson")
    try folder.write(".hidden.yaml", "not: [valid")
    let library = LessonLibrary.load(paths: [folder.path + "/"])
    #expect(library.lessons.map(\.id) == ["one", "two"])
    #expect(library.files == [folder.path + "/fraud/one.yml", folder.path + "/passwords/deep/two.yaml"])
    #expect(library.topics == ["fraud", "passwords"])
    #expect(!library.hasErrors)
  }

  @Test func singleFilePathAndMissingPath() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("tiny.yaml", Fixtures.tinyLessonYAML)
    let missing = folder.path + "/nowhere"
    let library = LessonLibrary.load(paths: [file, missing])
    #expect(library.lessons.map(\.id) == ["tiny"])
    #expect(library.diagnostics.map(\.description) == ["\(missing):1:1: error: no such file or folder"])
  }

  @Test func byteOrderMarkAndCRLFStillLoad() throws {
    let folder = try TemporaryFolder()
    let crlf = Fixtures.tinyLessonYAML.replacingOccurrences(of: "\n", with: "\r\n")
    let file = try folder.write("windows.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array(crlf.utf8))
    let library = LessonLibrary.load(paths: [file])
    #expect(library.diagnostics.isEmpty, "\(library.diagnostics)")
    let lesson = try #require(library.lesson(id: "tiny"))
    #expect(lesson.title == "A tiny lesson")
    #expect(lesson.questions.count == 2)
    // Positions are still counted from the first visible character.
    #expect(lesson.questions.first?.location == SourceLocation(file: file, line: 13, column: 5))
  }

  @Test func positionsInACRLFFileWithBOM() throws {
    let folder = try TemporaryFolder()
    let marked = MarkedText(Fixtures.lessonHeader + "«here»minuts: 4\nsteps:\n  - explain: Hi.\n")
    let file = try folder.write(
      "typo.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array(marked.text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    let library = LessonLibrary.load(paths: [file])
    #expect(!library.diagnostics.errors(at: marked.location(file: file), containing: "unknown field `minuts`").isEmpty)
    #expect(library.brokenFiles == [file])
  }

  @Test func notUTF8IsReported() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("latin1.yaml", bytes: Array("title: ".utf8) + [0xC7, 0x65, 0x6C, 0xEB, 0x73, 0x0A])
    let library = LessonLibrary.load(paths: [file])
    #expect(library.diagnostics.map(\.description) == ["\(file):1:1: error: this file is not UTF-8 text; save it as UTF-8"])
    #expect(library.brokenFiles == [file])
  }

  @Test func duplicateLessonIDAcrossFiles() throws {
    let folder = try TemporaryFolder()
    let first = try folder.write("a.yaml", Fixtures.tinyLessonYAML)
    let second = try folder.write("b.yaml", Fixtures.tinyLessonYAML.replacingOccurrences(of: "A tiny lesson", with: "Copy"))
    let library = LessonLibrary.load(paths: [folder.path])
    #expect(library.lessons.map(\.title) == ["A tiny lesson"])
    #expect(library.brokenFiles == [second])
    #expect(
      library.diagnostics.map(\.description) == ["\(second):1:1: error: lesson id `tiny` is already used by \(first)"])
  }

  @Test func quizSelectingAMissingLessonIsDroppedWithSuggestion() throws {
    let folder = try TemporaryFolder()
    try folder.write("lessons/tiny.yaml", Fixtures.tinyLessonYAML)
    let marked = MarkedText("# a quiz\n«here»kind: quiz\nid: check\ntitle: Check\nselect:\n  - lesson: tinny\n")
    let quizFile = try folder.write("quizzes/check.yaml", marked.text)
    let library = LessonLibrary.load(paths: [folder.path])
    #expect(library.quizzes.isEmpty)
    #expect(library.brokenFiles == [quizFile])
    let expected = "quiz `check` selects lesson `tinny`, which is not loaded (did you mean `tiny`?)"
    #expect(!library.diagnostics.errors(at: marked.location(file: quizFile), containing: expected).isEmpty)
  }

  @Test func quizIDThatIsALessonIDIsRejected() throws {
    let folder = try TemporaryFolder()
    let lesson = try folder.write("a.yaml", Fixtures.tinyLessonYAML)
    let quiz = try folder.write("b.yaml", "kind: quiz\nid: tiny\ntitle: Q\nselect: [{lesson: tiny}]\n")
    let library = LessonLibrary.load(paths: [folder.path])
    #expect(library.quizzes.isEmpty)
    #expect(library.brokenFiles == [quiz])
    #expect(library.diagnostics.map(\.message) == ["id `tiny` is already used by \(lesson)"])
  }

  @Test func addingAQuizFileChecksItAgainstLoadedLessons() throws {
    let folder = try TemporaryFolder()
    try folder.write("tiny.yaml", Fixtures.tinyLessonYAML)
    let library = LessonLibrary.load(paths: [folder.path])
    let good = try folder.write("extra/good.yaml", "kind: quiz\nid: extra\ntitle: Extra\nselect: [{lesson: tiny}]\n")
    let bad = try folder.write("extra/bad.yaml", "kind: quiz\nid: other\ntitle: Other\nselect: [{topic: fraud}]\n")

    let added = library.adding(file: good)
    #expect(added.contentID == "extra")
    #expect(added.problems.isEmpty)
    #expect(added.library.quiz(id: "extra") != nil)
    #expect(library.quiz(id: "extra") == nil)
    // A file already loaded is recognised, not added twice.
    #expect(added.library.adding(file: good).contentID == "extra")
    #expect(added.library.adding(file: good).library.quizzes.count == 1)

    let rejected = library.adding(file: bad)
    #expect(rejected.contentID == nil)
    #expect(rejected.problems.map(\.message) == ["quiz `other` selects topic `fraud`, but no loaded lesson has it"])
    #expect(rejected.library.quizzes.isEmpty)
  }

  @Test func bundledLessonsLoadWithoutErrors() {
    let library = LessonLibrary.load(paths: [Checkout.lessons])
    #expect(!library.hasErrors, "\(library.diagnostics.map(\.description).joined(separator: "\n"))")
    #expect(library.brokenFiles.isEmpty)
    #expect(!library.lessons.isEmpty)
  }
}
