import Foundation
import Testing

@testable import SaferCore

/// The structural rules of the bundled curriculum (issue: "The curriculum"): a teacher
/// can rely on these without reading every file.
@Suite struct CurriculumTests {
  static let library = LessonLibrary.load(paths: [Checkout.lessons])

  var library: LessonLibrary { Self.library }

  @Test func checksCleanWithNoWarnings() {
    #expect(library.diagnostics.map(\.description) == [])
    #expect(library.brokenFiles.isEmpty)
  }

  @Test func enoughLessonsAndQuestionsInTwoAgeBands() {
    #expect(library.lessons.count >= 14)
    #expect(library.lessons.reduce(0) { $0 + $1.questions.count } >= 200)
    for topic in ["passwords", "fraud", "cyberbullying", "privacy", "safer-internet-day"] {
      #expect(library.lessons.contains { $0.topic == topic }, "no lesson on \(topic)")
    }
    for topic in ["passwords", "fraud", "cyberbullying", "privacy"] {
      let bands = Set(library.lessons.filter { $0.topic == topic }.map(\.level))
      #expect(bands == ["10-13", "14-18"], "\(topic) has age bands \(bands.sorted())")
    }
  }

  @Test func everyLessonIsCompleteAndCited() {
    for lesson in library.lessons {
      #expect(!lesson.sources.isEmpty, "\(lesson.id) cites no source")
      #expect(!lesson.objectives.isEmpty, "\(lesson.id) has no objectives")
      #expect((5...15).contains(lesson.minutes), "\(lesson.id) takes \(lesson.minutes) minutes")
      #expect(["10-13", "14-18"].contains(lesson.level))
      #expect(lesson.steps.contains { $0.question == nil }, "\(lesson.id) explains nothing")
    }
  }

  @Test func everyAnswerExplainsWhy() {
    for lesson in library.lessons {
      for question in lesson.questions {
        switch question.kind {
        case .single(let choices), .multiple(let choices), .scenario(let choices):
          for choice in choices {
            #expect(choice.feedback?.isEmpty == false, "\(lesson.id)/\(question.id): “\(choice.text)” has no feedback")
          }
        case .essay:
          #expect(question.explanation != nil, "\(lesson.id)/\(question.id): say what happens to the essay")
        default:
          #expect(question.feedbackCorrect != nil && question.feedbackWrong != nil, "\(lesson.id)/\(question.id)")
        }
      }
    }
  }

  @Test func everyQuestionKindIsUsed() {
    let kinds = Set(library.lessons.flatMap(\.questions).map(\.kindName))
    #expect(kinds == Set(QuestionParser.kinds))
  }

  @Test(arguments: ["fraud", "cyberbullying"])
  func branchingScenarios(topic: String) {
    let branching = library.lessons.filter { $0.topic == topic }.filter { lesson in
      lesson.questions.contains { question in
        if case .scenario(let choices) = question.kind { return choices.contains { $0.next != nil } }
        return false
      }
    }
    #expect(branching.count >= 2, "\(topic) needs branching scenarios")
  }

  /// Lessons about bullying, sextortion or being scammed end by pointing to help.
  @Test func sensitiveLessonsEndByPointingToHelp() throws {
    let sensitive = library.lessons.filter {
      $0.topic == "cyberbullying"
        || ["sextortion", "when-you-were-tricked", "scams-aimed-at-young-people", "money-mules-and-fake-jobs"]
          .contains($0.id)
    }
    #expect(sensitive.count >= 6)
    for lesson in sensitive {
      let last = try #require(lesson.steps.last)
      let text = LessonValidator.texts(of: last).joined(separator: " ").lowercased()
      #expect(text.contains("{{helpline}}"), "\(lesson.id) must end with the help line")
      #expect(text.contains("adult"), "\(lesson.id) must end by naming a trusted adult")
      #expect(text.contains("report"), "\(lesson.id) must end with the reporting tools")
    }
  }

  @Test func quizzesForEveryTopicTheClassAndPlacement() throws {
    for topic in ["passwords", "fraud", "cyberbullying", "privacy", "safer-internet-day"] {
      #expect(library.quizzes.contains { $0.topic == topic }, "no quiz for \(topic)")
    }
    let assembler = QuizAssembler(library: library)
    let classQuiz = try #require(library.quiz(id: "safer-internet-day-class-quiz"))
    let drawn = assembler.assemble(classQuiz)
    #expect(drawn.count == 20)
    #expect(Set(drawn.map(\.topic)).count == 5, "the class quiz mixes every topic")
    #expect(library.quiz(id: "placement-quiz") != nil)
  }

  @Test func theCurriculumMapListsEverything() throws {
    let map = try String(contentsOf: Checkout.file("docs/curriculum.md"), encoding: .utf8)
    for id in library.lessons.map(\.id) + library.quizzes.map(\.id) {
      #expect(map.contains("`\(id)`"), "docs/curriculum.md misses \(id): run scripts/curriculum-map.py")
    }
  }
}
