import Foundation
import Testing

@testable import SaferCore

/// No 10-13 student is shown a 14-18 question: not by starting it, not through a quiz.
@Suite("Age bands")
struct AgeBandTests {
  static func lesson(_ id: String, level: String) -> Lesson {
    var lesson = Fixtures.runnerLesson(id: id)
    lesson.level = level
    return lesson
  }

  let younger = lesson("basics", level: "10-13")
  let older = lesson("police-cases", level: "14-18")

  @Test func aQuizOpenToEveryoneDrawsOnlyYoungerQuestions() {
    let library = LessonLibrary(lessons: [younger, older], quizzes: [])
    let open = Quiz(id: "topic-quiz", title: "Topic", selections: [.topic("passwords", count: nil)])
    #expect(Set(QuizAssembler(library: library).assemble(open).map(\.lessonID)) == ["basics"])
    var forOlder = open
    forOlder.level = "14-18"
    #expect(Set(QuizAssembler(library: library).assemble(forOlder).map(\.lessonID)) == ["basics", "police-cases"])
  }

  @Test func checkRejectsAnOpenQuizThatNamesOlderContent() {
    let library = LessonLibrary(lessons: [younger, older], quizzes: [])
    let quiz = Quiz(
      id: "mixed", title: "Mixed",
      selections: [.question(lesson: "police-cases", question: "longest"), .lesson("basics", count: 1)])
    let problems = QuizAssembler(library: library).check(quiz)
    #expect(problems.contains { $0.message.contains("is open to 10-13 students but selects `police-cases`, a 14-18 lesson") })
    var forOlder = quiz
    forOlder.level = "14-18"
    #expect(QuizAssembler(library: library).check(forOlder).isEmpty)
  }

  @Test func aYoungerStudentCannotStartOlderContent() throws {
    var quiz = Fixtures.quiz(selections: [.lesson("police-cases", count: nil)])
    quiz.level = "14-18"
    let session = try SessionHarness(lessons: [younger, older], quizzes: [quiz])
    #expect(throws: ActivityError.notForThisAge(title: "Tiny police-cases")) { try session.starter.start("police-cases") }
    #expect(throws: ActivityError.notForThisAge(title: "Quiz check")) { try session.starter.start("check") }
    #expect(session.record.attempts.isEmpty)
    try session.handle.update { $0.profile.band = .older }
    _ = try session.starter.start("police-cases")
  }

  @Test func aBundledQuizNeverDrawsOlderQuestionsForEveryone() throws {
    let library = LessonLibrary.load(paths: [Checkout.lessons])
    #expect(!library.hasErrors, "\(library.diagnostics.filter { $0.severity == .error })")
    let olderLessons = Set(library.lessons.filter { AgeBand(level: $0.level) == .older }.map(\.id))
    for quiz in library.quizzes where quiz.band == .younger {
      let drawn = Set(QuizAssembler(library: library).assemble(quiz).map(\.lessonID))
      #expect(drawn.isDisjoint(with: olderLessons), "\(quiz.id) draws \(drawn.intersection(olderLessons))")
    }
  }
}
