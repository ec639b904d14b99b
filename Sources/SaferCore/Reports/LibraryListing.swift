/// What `safer lessons --json` prints: the map of loaded lessons and quizzes for scripts
/// and teachers' tools.
public struct LibraryListing: Codable, Sendable {
  public struct LessonEntry: Codable, Sendable {
    public var id, title, topic, level, language, file, contentVersion: String
    public var minutes, questionCount: Int
    public var objectives: [String]
    public var questionKinds: [String: Int]
  }

  public struct QuizEntry: Codable, Sendable {
    public var id, title, file, grading: String
    public var topic: String?
    public var questionCount: Int
    public var passMark: Double
    public var timeLimit: Double?
    public var attemptsAllowed: Int?
    public var shuffle: Bool
  }

  public var lessons: [LessonEntry]
  public var quizzes: [QuizEntry]
  /// Files left out because of errors (see `safer check`).
  public var brokenFiles: [String]

  public init(library: LessonLibrary) {
    lessons = library.lessons.map { lesson in
      LessonEntry(
        id: lesson.id, title: lesson.title, topic: lesson.topic, level: lesson.level, language: lesson.language,
        file: lesson.file, contentVersion: lesson.contentVersion, minutes: lesson.minutes,
        questionCount: lesson.questions.count, objectives: lesson.objectives,
        questionKinds: Dictionary(grouping: lesson.questions, by: \.kindName).mapValues(\.count))
    }
    let assembler = QuizAssembler(library: library)
    quizzes = library.quizzes.map { quiz in
      QuizEntry(
        id: quiz.id, title: quiz.title, file: quiz.file, grading: quiz.grading.rawValue, topic: quiz.topic,
        questionCount: assembler.assemble(quiz).count, passMark: quiz.passMark, timeLimit: quiz.timeLimit,
        attemptsAllowed: quiz.attemptsAllowed, shuffle: quiz.shuffle)
    }
    brokenFiles = Array(Set(library.brokenFiles)).sorted()
  }
}
