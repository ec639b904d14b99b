import Foundation

/// Every lesson and quiz found under the lesson folders, with the problems met on the way.
///
/// Loading never fails as a whole: a broken file is reported (once) and left out, and the
/// others load.
public struct LessonLibrary: Sendable {
  public private(set) var lessons: [Lesson] = []
  public private(set) var quizzes: [Quiz] = []
  public private(set) var diagnostics: [Diagnostic] = []
  /// Files that could not be used at all.
  public private(set) var brokenFiles: [String] = []
  /// Every file that was read, in order.
  public private(set) var files: [String] = []

  public init() {}

  public init(lessons: [Lesson], quizzes: [Quiz] = []) {
    self.lessons = lessons
    self.quizzes = quizzes
  }

  /// Loads every `.yaml`/`.yml` file under each path (a folder or a single file).
  ///
  /// Files are parsed on all cores (start-up time is mostly parsing), then added in their
  /// sorted order, so the result does not depend on timing.
  /// `format` reads every file named in `paths` (not those found in folders) that way.
  public static func load(paths: [String], format: ContentFile.Format? = nil) -> LessonLibrary {
    var library = LessonLibrary()
    var found: [String] = []
    for path in paths {
      found += contentFiles(under: path, diagnostics: &library.diagnostics)
    }
    // A missing or unreadable folder is named with the files that failed, so the shell
    // reports it and `check` fails.
    library.brokenFiles += library.diagnostics.map(\.location.file)
    let files = found
    let parsed = ParsedFiles(count: files.count)
    let named = Set(paths)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let file = files[index]
      parsed.store(ContentFile.load(path: file, format: named.contains(file) ? format : nil), at: index)
    }
    for (file, result) in zip(files, parsed.results) {
      library.add(file: file, content: result.0, problems: result.1)
    }
    library.checkAcrossFiles()
    return library
  }

  /// Results written by parallel workers, each to its own slot.
  private final class ParsedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [(ContentFile?, [Diagnostic])]

    init(count: Int) { slots = Array(repeating: (nil, []), count: count) }

    func store(_ result: (ContentFile?, [Diagnostic]), at index: Int) {
      lock.lock()
      slots[index] = result
      lock.unlock()
    }

    var results: [(ContentFile?, [Diagnostic])] {
      lock.lock()
      defer { lock.unlock() }
      return slots
    }
  }

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  public func lesson(id: String) -> Lesson? { lessons.first { $0.id == id } }
  public func quiz(id: String) -> Quiz? { quizzes.first { $0.id == id } }

  /// Topics in use, sorted.
  public var topics: [String] { Array(Set(lessons.map(\.topic))).sorted() }

  /// This library plus one more file (a quiz file given to `quiz FILE`), checked against
  /// the lessons already loaded. Returns the id of what the file added, and its problems.
  public func adding(
    file: String, format: ContentFile.Format? = nil
  ) -> (library: LessonLibrary, contentID: String?, problems: [Diagnostic]) {
    let resolved = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
    let isLoaded = { (other: String) in
      URL(fileURLWithPath: other).standardizedFileURL.resolvingSymlinksInPath().path == resolved
    }
    if let quiz = quizzes.first(where: { isLoaded($0.file) }) { return (self, quiz.id, []) }
    if let lesson = lessons.first(where: { isLoaded($0.file) }) { return (self, lesson.id, []) }
    var copy = self
    copy.diagnostics = []
    copy.brokenFiles = []
    copy.add(file: file, format: format)
    copy.checkAcrossFiles()
    let problems = copy.diagnostics.filter { $0.severity == .error }
    let quizIDs = Set(quizzes.map(\.id))
    let lessonIDs = Set(lessons.map(\.id))
    let added = copy.quizzes.first { !quizIDs.contains($0.id) }?.id ?? copy.lessons.first { !lessonIDs.contains($0.id) }?.id
    copy.diagnostics = diagnostics
    copy.brokenFiles = brokenFiles
    return (added == nil ? self : copy, added, problems)
  }

  mutating func add(file: String, format: ContentFile.Format? = nil) {
    let (content, problems) = ContentFile.load(path: file, format: format)
    add(file: file, content: content, problems: problems)
  }

  mutating func add(file: String, content: ContentFile?, problems: [Diagnostic]) {
    files.append(file)
    diagnostics += problems
    let hasErrors = problems.contains { $0.severity == .error }
    switch content {
    // A bank skips only its bad questions (each reported); the others stay usable.
    case .lesson(let lesson) where !hasErrors || (lesson.isBank && !lesson.steps.isEmpty): lessons.append(lesson)
    case .quiz(let quiz) where !hasErrors: quizzes.append(quiz)
    // A file with nothing to use but no error (a GIFT file of categories only) is not broken.
    default: if hasErrors { brokenFiles.append(file) }
    }
  }

  /// Duplicate ids and quiz references need all files; a quiz naming something missing is
  /// dropped like a broken file.
  mutating func checkAcrossFiles() {
    var firstFile: [String: String] = [:]
    var unique: [Lesson] = []
    for lesson in lessons {
      if let other = firstFile[lesson.id] {
        diagnostics.append(
          Diagnostic(
            .error, at: SourceLocation(file: lesson.file, line: 1, column: 1),
            "lesson id `\(lesson.id)` is already used by \(other)"))
        brokenFiles.append(lesson.file)
      } else {
        firstFile[lesson.id] = lesson.file
        unique.append(lesson)
      }
    }
    lessons = unique.sorted { $0.id < $1.id }
    var usableQuizzes: [Quiz] = []
    for quiz in quizzes {
      var problems: [Diagnostic] = []
      if let other = firstFile[quiz.id] {
        problems.append(
          Diagnostic(
            .error, at: quiz.location ?? SourceLocation(file: quiz.file, line: 1, column: 1),
            "id `\(quiz.id)` is already used by \(other)"))
      }
      problems += QuizAssembler(library: self).check(quiz)
      diagnostics += problems
      if problems.contains(where: { $0.severity == .error }) {
        brokenFiles.append(quiz.file)
      } else {
        firstFile[quiz.id] = quiz.file
        usableQuizzes.append(quiz)
      }
    }
    quizzes = usableQuizzes.sorted { $0.id < $1.id }
  }

  /// How a folder is listed: its entries' names. A parameter so tests can stand in for a
  /// folder the system refuses (a test running as root can read any folder).
  typealias FolderLister = (String) throws -> [String]

  /// The lesson, quiz and bank files under `path` (a folder, walked without following
  /// links to folders, hidden entries skipped; or one file). A folder that cannot be read
  /// is an error naming it, never silently skipped: its lessons would just be missing.
  static func contentFiles(
    under path: String, diagnostics: inout [Diagnostic],
    list: FolderLister = { try FileManager.default.contentsOfDirectory(atPath: $0) }
  ) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      diagnostics.append(Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "no such file or folder"))
      return []
    }
    guard isDirectory.boolValue else { return [path] }
    var found: [String] = []
    var folders = [(path: path.hasSuffix("/") ? String(path.dropLast()) : path, depth: 0)]
    while let folder = folders.popLast() {
      let names: [String]
      do { names = try list(folder.path) } catch {
        diagnostics.append(
          Diagnostic(
            .error, at: SourceLocation(file: folder.path, line: 1, column: 1),
            "cannot read this folder (\(FileReason.describe(error))); the lessons in it were left out"))
        continue
      }
      for name in names where !name.hasPrefix(".") {
        let child = folder.path + "/" + name
        let type = (try? FileManager.default.attributesOfItem(atPath: child)[.type]) as? FileAttributeType
        if type == .typeDirectory {
          // Deeper than any real lesson tree: a loop of bind mounts, or a prank.
          if folder.depth < 32 { folders.append((child, folder.depth + 1)) }
        } else if ContentFile.extensions.contains((name as NSString).pathExtension.lowercased()) {
          found.append(child)
        }
      }
    }
    return found.sorted()
  }
}
