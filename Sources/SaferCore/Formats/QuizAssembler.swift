import Foundation

/// A question drawn into a quiz, with the lesson it comes from.
public struct QuizItem: Hashable, Sendable {
  public var lessonID: String
  public var topic: String
  public var question: Question
  /// Where the shown choices come from when they were shuffled (`AnswerShuffle`): shown
  /// position → position in the file. `nil`: as in the file.
  public var choiceOrder: [Int]?

  public init(lessonID: String, topic: String, question: Question) {
    self.lessonID = lessonID
    self.topic = topic
    self.question = question
  }

  /// `lesson/question`, unique over the library.
  public var globalID: String { "\(lessonID)/\(question.id)" }
}

/// Resolves a quiz's `select:` list against the loaded lessons.
public struct QuizAssembler: Sendable {
  public let library: LessonLibrary

  public init(library: LessonLibrary) { self.library = library }

  /// Problems with the references in `quiz`.
  func check(_ quiz: Quiz) -> [Diagnostic] {
    let location = quiz.location ?? SourceLocation(file: quiz.file, line: 1, column: 1)
    var problems: [Diagnostic] = []
    let lessonIDs = library.lessons.map(\.id)
    for selection in quiz.selections {
      switch selection {
      case .lesson(let id, _) where library.lesson(id: id) == nil:
        let hint = Suggestion.parenthesised(for: id, among: lessonIDs)
        problems.append(Diagnostic(.error, at: location, "quiz `\(quiz.id)` selects lesson `\(id)`, which is not loaded\(hint)"))
      case .topic(let topic, _) where !library.lessons.contains(where: { $0.topic == topic }):
        problems.append(
          Diagnostic(.error, at: location, "quiz `\(quiz.id)` selects topic `\(topic)`, but no loaded lesson has it"))
      case .category(let category, _) where items(inCategory: category).isEmpty:
        problems.append(
          Diagnostic(.error, at: location, "quiz `\(quiz.id)` selects category `\(category)`, but no loaded question has it"))
      case .question(let lessonID, let questionID):
        if library.lesson(id: lessonID)?.questions.contains(where: { $0.id == questionID }) != true {
          problems.append(
            Diagnostic(.error, at: location, "quiz `\(quiz.id)` selects `\(lessonID)/\(questionID)`, which no loaded lesson has"))
        }
      default:
        break
      }
    }
    // A quiz open to 10-13 students must not name 14-18 content; what it draws by topic
    // or category is filtered (`assemble`).
    if quiz.band == .younger {
      for selection in quiz.selections {
        let named: String? =
          switch selection {
          case .lesson(let id, _): id
          case .question(let lessonID, _): lessonID
          default: nil
          }
        if let named, let lesson = library.lesson(id: named), AgeBand(level: lesson.level) == .older {
          problems.append(
            Diagnostic(
              .error, at: location,
              "quiz `\(quiz.id)` is open to 10-13 students but selects `\(named)`, a 14-18 lesson: give the quiz `level: \"14-18\"` or choose 10-13 questions"
            ))
        }
      }
    }
    if problems.isEmpty && assemble(quiz).isEmpty {
      problems.append(Diagnostic(.error, at: location, "quiz `\(quiz.id)` selects no questions"))
    }
    return problems
  }

  /// The quiz's questions in the order the student sees them: the same for everyone
  /// taking the same quiz, because every draw uses the quiz's seed.
  public func assemble(_ quiz: Quiz) -> [QuizItem] {
    var generator = SeededGenerator(seed: quiz.seed)
    // A quiz open to 10-13 students draws nothing from 14-18 lessons (banks have no band).
    func fitting(_ items: [QuizItem]) -> [QuizItem] {
      guard quiz.band == .younger else { return items }
      return items.filter { AgeBand(level: library.lesson(id: $0.lessonID)?.level) == .younger }
    }
    var items: [QuizItem] = []
    var seen: Set<String> = []
    func add(_ candidates: [QuizItem], count: Int?) {
      var pool = candidates.filter { !seen.contains($0.globalID) }
      if let count, count < pool.count {
        pool.shuffle(using: &generator)
        pool = Array(pool.prefix(count))
      }
      for item in pool {
        seen.insert(item.globalID)
        items.append(item)
      }
    }
    for selection in quiz.selections {
      switch selection {
      case .lesson(let id, let count):
        add(fitting(library.lesson(id: id).map(Self.items(of:)) ?? []), count: count)
      case .topic(let topic, let count):
        add(fitting(library.lessons.filter { $0.topic == topic }.flatMap(Self.items(of:))), count: count)
      case .category(let category, let count):
        add(fitting(self.items(inCategory: category)), count: count)
      case .question(let lessonID, let questionID):
        add(
          fitting(library.lesson(id: lessonID).map(Self.items(of:))?.filter { $0.question.id == questionID } ?? []),
          count: nil)
      }
    }
    if quiz.shuffle { items.shuffle(using: &generator) }
    if let count = quiz.count { items = Array(items.prefix(count)) }
    return items
  }

  /// Questions filed under `category` or one of its subcategories (`a/b` is in `a`).
  /// Moodle's context prefix (`$course$/`, `$system$/`…) is ignored on both sides.
  func items(inCategory category: String) -> [QuizItem] {
    let wanted = Self.categoryPath(category)
    return library.lessons.flatMap(Self.items(of:)).filter { item in
      guard let own = item.question.category.map(Self.categoryPath) else { return false }
      return own == wanted || own.hasPrefix(wanted + "/")
    }
  }

  static func categoryPath(_ text: String) -> String {
    var parts = text.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    if let first = parts.first, first.hasPrefix("$"), first.hasSuffix("$") { parts.removeFirst() }
    if parts.first == "top" { parts.removeFirst() }
    return parts.joined(separator: "/")
  }

  public static func items(of lesson: Lesson) -> [QuizItem] {
    lesson.questions.map { QuizItem(lessonID: lesson.id, topic: lesson.topic, question: $0) }
  }
}
