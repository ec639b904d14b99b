import Foundation
import Testing

@testable import SaferCore

/// Quiz settings a class needs: command-line overrides, exam mode, a time limit for the
/// whole quiz, shuffled answers, banks and categories.
@Suite struct QuizSettingsTests {
  @Test func overridesParseAndApply() throws {
    let overrides = try QuizOverrides.parse([
      "--count", "2", "--seed", "9", "--shuffle", "--shuffle-answers", "--time-limit", "30", "--quiz-time-limit", "600",
      "--pass-mark", "80", "--attempts", "1", "--grading", "last", "--exam",
    ])
    let quiz = try overrides.apply(to: Fixtures.quiz())
    #expect(quiz.count == 2)
    #expect(quiz.seed == 9)
    #expect(quiz.shuffle && quiz.shuffleAnswers)
    #expect(quiz.timeLimit == 30 && quiz.totalTimeLimit == 600)
    #expect(quiz.passMark == 80 && quiz.attemptsAllowed == 1 && quiz.grading == .last)
    #expect(quiz.feedback == .end)
  }

  @Test(arguments: [
    (["--cout", "2"], "Unknown quiz option `--cout`. Did you mean `--count`?"),
    (["--count"], "`--count` needs a value, e.g. `--count 5`."),
    (["--pass-mark", "120"], "`120` is not a valid value for `--pass-mark`"),
    (["--grading", "best"], "`best` is not a valid value for `--grading`"),
    (["count"], "“count” is not an option"),
  ])
  func badOverridesSayWhatIsWrong(words: [String], message: String) {
    #expect(throws: OverrideError.self) { try QuizOverrides.parse(words) }
    do {
      _ = try QuizOverrides.parse(words)
    } catch {
      #expect(error.description.contains(message), "\(error.description)")
    }
  }

  @Test func overridesAreKeptForResume() throws {
    let harness = try SessionHarness(quizzes: [Fixtures.quiz()])
    let overrides = try QuizOverrides.parse(["--count", "2", "--exam"])
    let runner = try harness.starter.start("check", overrides: overrides).runner
    #expect(runner.present()?.total == 2)
    #expect(!runner.marksEachAnswer)
    try harness.reopen()
    let resumed = try harness.starter.resume()
    #expect(resumed.present()?.total == 2)
    #expect(!resumed.marksEachAnswer)
    #expect(harness.record.attempts.first?.overrides == ["count": "2", "exam": "true"])
  }

  /// The quiz file is the teacher's: a student's options may only tighten it.
  @Test(arguments: [
    (["--attempts", "50"], "`--attempts 50` was refused: the quiz allows 3 attempts; you may ask for fewer, not more"),
    (["--pass-mark", "10"], "`--pass-mark 10` was refused: the pass mark is 60%"),
    (["--time-limit", "600"], "`--time-limit 600` was refused: the quiz gives 30 s per question"),
    (["--quiz-time-limit", "9999"], "`--quiz-time-limit 9999` was refused: the quiz gives 300 s in all"),
    (["--count", "9"], "`--count 9` was refused: the quiz draws 2 questions"),
    (["--seed", "4"], "`--seed 4` was refused: the quiz file decides which questions are drawn"),
    (["--grading", "last"], "`--grading last` was refused: the quiz counts the highest attempt"),
    (["--no-shuffle"], "`--no-shuffle` was refused: the quiz shuffles its questions"),
    (["--feedback", "immediate"], "`--feedback immediate` was refused: this quiz is an exam"),
  ])
  func aStudentCannotLoosenTheTeachersSettings(words: [String], message: String) throws {
    var quiz = Fixtures.quiz(shuffle: true, attempts: 3, timeLimit: 30)
    quiz.totalTimeLimit = 300
    quiz.count = 2
    quiz.feedback = .end
    let harness = try SessionHarness(quizzes: [quiz])
    let overrides = try QuizOverrides.parse(words)
    let error = #expect(throws: ActivityError.self) { try harness.starter.start("check", overrides: overrides) }
    #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    #expect(error?.description.contains("Options can only make a quiz stricter") == true)
    #expect(harness.record.attempts.isEmpty, "nothing was started")
    // A teacher (with the passphrase, later) may set it.
    #expect(throws: Never.self) { try harness.starter.start("check", overrides: overrides, authority: .teacher) }
  }

  @Test func stricterOptionsAreTaken() throws {
    let quiz = Fixtures.quiz(attempts: 3, timeLimit: 30)
    let harness = try SessionHarness(quizzes: [quiz])
    let overrides = try QuizOverrides.parse([
      "--attempts", "1", "--pass-mark", "90", "--time-limit", "10", "--quiz-time-limit", "100", "--count", "1", "--exam",
      "--shuffle", "--shuffle-answers", "--feedback", "end", "--grading", "highest",
    ])
    let runner = try harness.starter.start("check", overrides: overrides).runner
    #expect(runner.present()?.total == 1)
    #expect(runner.present()?.timeLimit == 10)
    #expect(!runner.marksEachAnswer && !runner.allowsHints)
  }

  /// Moodle counts an attempt that was started and ended as used, so `reset` before the
  /// last answer does not give endless tries.
  @Test func aResetAttemptCountsAsUsed() throws {
    let harness = try SessionHarness(quizzes: [Fixtures.quiz(attempts: 1)])
    _ = try harness.starter.start("check")
    try harness.starter.reset("check")
    let error = #expect(throws: ActivityError.self) { try harness.starter.start("check") }
    #expect(error == .noAttemptsLeft(quiz: "Quiz check", allowed: 1))
  }

  @Test func examModeHasNoHints() throws {
    var quiz = Fixtures.quiz()
    quiz.feedback = .end
    let harness = try SessionHarness(quizzes: [quiz])
    let runner = try harness.starter.start("check").runner
    #expect(try #require(runner.present()?.question).hints.isEmpty == false, "the question has hints")
    #expect(!runner.allowsHints)
    #expect(runner.nextHint() == nil)
    #expect(runner.hintsShown == 0)
  }

  @Test func aQuizFileCanTurnHintsOff() throws {
    let folder = try TemporaryFolder()
    try folder.write("tiny.yaml", Fixtures.tinyLessonYAML)
    try folder.write("q.yaml", "kind: quiz\nid: q\ntitle: Q\nselect:\n  - lesson: tiny\nhints: false\n")
    let library = LessonLibrary.load(paths: [folder.path])
    #expect(library.diagnostics.isEmpty, "\(library.diagnostics)")
    #expect(library.quiz(id: "q")?.hints == false)
    #expect(library.quiz(id: "q")?.allowsHints == false)
  }

  @Test func theWholeQuizTimeLimitEndsTheQuiz() throws {
    var quiz = Fixtures.quiz()
    quiz.totalTimeLimit = 60
    let harness = try SessionHarness(quizzes: [quiz])
    let runner = try harness.starter.start("check").runner
    harness.clock.advance(20)
    #expect(runner.present()?.remainingSeconds == 40)
    let first = try runner.answer("b")
    #expect(first.grade.isCorrect && first.summary == nil)
    harness.clock.advance(50)
    let late = try runner.answer("false")
    #expect(late.grade.timedOut)
    #expect(late.grade.points == 0)
    let summary = try #require(late.summary, "time is up, so the quiz ends")
    #expect(summary.missed.count == 1)
    #expect(harness.record.attempts.first?.status == .completed)
  }

  /// Read the question, press Ctrl-C, look the answer up, come back: the clock went on.
  @Test func aQuestionsDeadlineSurvivesResumeAndARestart() throws {
    let harness = try SessionHarness(quizzes: [Fixtures.quiz(timeLimit: 30)])
    let runner = try harness.starter.start("check").runner
    runner.questionShown()
    let opened = try #require(harness.record.attempts.first?.questionOpened)
    #expect(harness.record.attempts.first?.questionDeadline == opened.addingTimeInterval(30))
    harness.clock.advance(25)
    try harness.reopen()
    let resumed = try harness.starter.resume()
    resumed.questionShown()
    #expect(harness.record.attempts.first?.questionOpened == opened, "showing it again does not restart its clock")
    harness.clock.advance(10)
    let late = try resumed.answer("b")
    #expect(late.grade.timedOut && late.grade.points == 0 && !late.grade.isCorrect)
    // Only why the right answer is right: nothing that comments on what was typed.
    #expect(
      late.grade.feedback == [Grader.whyRight(of: Fixtures.runnerLesson().steps.compactMap(\.question)[0])].compactMap { $0 })
    let saved = try #require(harness.record.attempts.first?.answers.first)
    #expect(saved.timedOut && saved.seconds == 35)
    #expect(harness.record.attempts.first?.questionOpened == nil, "cleared once answered")

    // The next question gets a clock of its own.
    resumed.questionShown()
    let next = try #require(harness.record.attempts.first?.questionOpened)
    #expect(next == harness.clock.now())
    harness.clock.advance(5)
    #expect(try resumed.answer("false").grade.isCorrect)
  }

  @Test func theWholeQuizDeadlineIsStoredWhenItStarts() throws {
    var quiz = Fixtures.quiz(timeLimit: 60)
    quiz.totalTimeLimit = 40
    let harness = try SessionHarness(quizzes: [quiz])
    let runner = try harness.starter.start("check").runner
    #expect(harness.record.attempts.first?.deadline == Fixtures.start.addingTimeInterval(40))
    runner.questionShown()
    // The question's own 60 s are cut to what is left of the quiz.
    #expect(harness.record.attempts.first?.questionDeadline == Fixtures.start.addingTimeInterval(40))
  }

  @Test func untimedQuestionsWriteNothingWhenShown() throws {
    let harness = try SessionHarness(quizzes: [Fixtures.quiz()])
    let runner = try harness.starter.start("check").runner
    let before = harness.record
    runner.questionShown()
    #expect(harness.record == before)
  }

  @Test func answersAreShuffledByDefault() throws {
    #expect(Quiz(id: "q", title: "Q", selections: []).shuffleAnswers)
    let (content, _) = ContentFile.parse(
      text: "kind: quiz\nid: q\ntitle: Q\nselect: [{lesson: tiny}]\n", file: "q.yaml", contentVersion: "")
    guard case .quiz(let quiz)? = content else {
      Issue.record("a quiz file")
      return
    }
    #expect(quiz.shuffleAnswers)
  }

  /// Each student has an order of their own, the same every time (after `resume` too),
  /// and answers are saved with the letters of the file's order.
  @Test func shuffledAnswersAreEachStudentsOwnAndSavedInTheFilesLetters() throws {
    let choices = (0..<8).map { Choice(text: "choice \($0)", isCorrect: $0 == 5) }
    let lesson = Lesson(
      id: "many", title: "Many", topic: "passwords", level: "10-13",
      steps: [Step(id: "pick", content: .question(Question(id: "pick", kind: .single(choices), prompt: "Pick")))],
      contentVersion: "v1")
    let quiz = Fixtures.quiz(selections: [.lesson("many", count: nil)], shuffleAnswers: true)
    func shownOrder(of student: String) throws -> (order: [String], saved: String, again: [String]) {
      let harness = try SessionHarness(lessons: [lesson], quizzes: [quiz], student: student)
      let question = try #require(harness.starter.start("check").runner.present()?.question)
      try harness.reopen(as: student)
      let resumed = try harness.starter.start("check").runner
      let again = try #require(resumed.present()?.question).choices.map(\.text)
      let right = try #require(question.choices.firstIndex { $0.isCorrect })
      #expect(try resumed.answer(Grader.letter(right)).grade.isCorrect)
      let saved = try #require(harness.record.attempts.last?.answers.last?.response)
      return (question.choices.map(\.text), saved, again)
    }
    let students = try ["Ana", "Ben", "Cai", "Dee"].map(shownOrder)
    for student in students {
      #expect(student.order == student.again)
      #expect(Set(student.order) == Set(choices.map(\.text)))
      #expect(student.saved == "f")  // the file's sixth choice, whatever letter was shown
    }
    #expect(Set(students.map(\.order)).count > 1)
    #expect(students.contains { $0.order != choices.map(\.text) })
  }

  @Test func aStudentMayNotTurnShufflingOff() throws {
    let quiz = Fixtures.quiz(shuffleAnswers: true)
    let overrides = try QuizOverrides.parse(["--no-shuffle-answers"])
    #expect(overrides.refusal(for: quiz) != nil)
    #expect(overrides.refusal(for: Fixtures.quiz()) == nil)
    #expect(try !overrides.apply(to: quiz).shuffleAnswers)
  }

  @Test func aBankIsTakenAsAQuizAndCategoriesCanBeSelected() throws {
    var bank = Fixtures.runnerLesson(id: "my-bank")
    bank.isBank = true
    for index in bank.steps.indices where bank.steps[index].question != nil {
      if case .question(var question) = bank.steps[index].content {
        question.category = index == 1 ? "safety/passwords" : "safety/words"
        bank.steps[index].content = .question(question)
      }
    }
    let byCategory = Fixtures.quiz(id: "cat", selections: [.category("safety/passwords", count: nil)])
    let harness = try SessionHarness(lessons: [bank], quizzes: [byCategory])
    let whole = try harness.starter.start("my-bank").runner
    #expect(whole.attempt?.kind == .quiz)
    #expect(whole.present()?.total == 3, "explanations are left out of a bank quiz")
    #expect(QuizAssembler(library: harness.library).assemble(byCategory).map(\.globalID) == ["my-bank/longest"])
    let all = Fixtures.quiz(id: "all", selections: [.category("safety", count: nil)])
    #expect(QuizAssembler(library: harness.library).assemble(all).count == 3)
  }
}
