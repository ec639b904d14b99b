import Foundation
import Testing

@testable import SaferCore

@Suite("Answer bias figures")
struct ContentStatsTests {
  @Test func countsWhatMakesAnswersGuessable() {
    var lesson = Fixtures.runnerLesson()
    lesson.steps.append(
      Step(
        id: "long",
        content: .question(
          Fixtures.question(
            "long", .single([Choice(text: "No"), Choice(text: "The longest answer of them all", isCorrect: true)])))))
    let stats = ContentStats(library: LessonLibrary(lessons: [lesson], quizzes: []))
    #expect(stats.lessons == 1)
    #expect(stats.choiceQuestions == 2)
    #expect(stats.rightIsLongestOrTied == 2, "both right answers are the longest choice")
    #expect(stats.singlePositions == ["b": 2])
    #expect(stats.trueStatements == 0 && stats.falseStatements == 1)
    #expect(stats.kinds == ["single": 2, "truefalse": 1, "text": 1])
    #expect(stats.problems.first?.contains("longest choice") == true)
  }
}
