import Foundation
import SaferCore
import SaferShell
import Testing

/// `review` in the shell: a question answered wrong comes back a minute later, the prompt
/// says so, and reviewing it right moves it to the next learning step.
@Suite("Spaced review in the shell")
struct ReviewShellTests {
  /// Lines given one by one, with the clock moved forward before some of them.
  final class TimedEditor: LineEditor {
    var inputs: [(advance: TimeInterval, input: LineInput)]
    let clock: ManualTime
    var prompts: [String] = []
    let isInteractive = true
    var completer: Completer?

    init(_ inputs: [(TimeInterval, LineInput)], clock: ManualTime) {
      self.inputs = inputs.map { (advance: $0.0, input: $0.1) }
      self.clock = clock
    }

    func readLine(prompt: String) -> LineInput {
      prompts.append(prompt)
      guard !inputs.isEmpty else { return .endOfInput }
      let next = inputs.removeFirst()
      clock.advance(next.advance)
      return next.input
    }

    func addToHistory(_ line: String) {}
  }

  @Test func aMissedQuestionComesBackAndReviewingItRightSchedulesItLater() throws {
    let clock = ManualTime()
    let store = MemoryRecordStore()
    let editor = TimedEditor(
      [
        (0, .line("start demo-lesson")), (5, .line("a")), (0, .interrupted), (120, .line("progress")),
        (0, .line("review")), (4, .line("b")), (0, .line("review")), (0, .line("quit")),
      ], clock: clock)
    let output = BufferOutput()
    var environment = ShellEnvironment(
      library: LibraryLoader(try Fixtures.library()), store: store, editor: editor, output: output,
      style: Style(enabled: false), width: { 80 }, clock: clock, userName: "Ana")
    environment.settings.band = .younger
    _ = Shell(environment: environment).run()
    let text = output.text
    #expect(editor.prompts.contains("Ana · 1 to review › "), "\(editor.prompts)")
    #expect(text.contains("Question 1 of 1"))
    #expect(text.contains("Reviewed 1 question, 1 right. The next review is due in 10 minutes."), "\(text)")
    #expect(text.contains("Nothing to review now. The next review is due in 10 minutes."))
    let record = try store.read(displayName: "Ana")
    let item = try #require(record.reviews["demo-lesson/pick"])
    #expect(item.schedule.state == .learning && item.schedule.step == 1)
    #expect(item.reviews == 2 && item.lastRating == .good)
  }

  /// The scene: questions missed and answered, a review a quarter of an hour
  /// later, then the next day exactly the item still in its learning steps comes back,
  /// while those that graduated wait for their days.
  @Test func theNextDayReviewBringsBackExactlyWhatIsDue() throws {
    let clock = ManualTime()
    let store = MemoryRecordStore()
    let editor = TimedEditor(
      [
        (0, .line("start demo-lesson")), (5, .line("a")), (5, .line("a c")), (5, .line("false")), (0, .interrupted),
        (900, .line("review")), (4, .line("b")), (4, .line("a c")), (4, .line("false")),
        (86_400, .line("progress")), (0, .line("review")), (3, .line("b")), (0, .line("quit")),
      ], clock: clock)
    let output = BufferOutput()
    var environment = ShellEnvironment(
      library: LibraryLoader(try Fixtures.library()), store: store, editor: editor, output: output,
      style: Style(enabled: false), width: { 80 }, clock: clock, userName: "Ana")
    environment.settings.band = .younger
    _ = Shell(environment: environment).run()
    #expect(editor.prompts.contains("Ana · review 3/3 › "), "a quarter of an hour later: all three")
    #expect(editor.prompts.contains("Ana · 1 to review › "), "the next day: only the one still learning")
    #expect(editor.prompts.contains("Ana · review 1/1 › ") && !editor.prompts.contains("Ana · review 1/2 › "))
    #expect(output.text.contains("Reviewed 3 questions, 3 right."))
    #expect(output.text.contains("Reviewed 1 question, 1 right."))
    let record = try store.read(displayName: "Ana")
    #expect(record.reviews["demo-lesson/all"]?.schedule.state == .review)
    #expect(record.reviews["demo-lesson/pick"]?.schedule.state == .review)
    #expect(record.reviews.values.allSatisfy { !$0.isDue(at: clock.now()) })
  }

  @Test func aRecordWithoutReviewItemsGetsThemFromItsAnswers() {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var record = UserRecord(id: "ana-1", displayName: "Ana", now: start)
    var attempt = Attempt(
      id: "a1", kind: .lesson, contentID: "demo-lesson", contentVersion: "v", title: "Demo", topic: "passwords",
      started: start)
    attempt.answers = AnswerList([
      AnswerRecord(
        questionID: "pick", topic: "passwords", response: "b", correct: true, points: 1, maxPoints: 1, seconds: 5,
        hintsUsed: 0, at: start),
      AnswerRecord(
        questionID: "tf", topic: "passwords", response: "true", correct: false, points: 0, maxPoints: 1, seconds: 5,
        hintsUsed: 0, at: start.addingTimeInterval(30)),
    ])
    record.attempts = [attempt]
    let items = ReviewItem.migrate(record)
    #expect(items["demo-lesson/pick"]?.lastRating == .good)
    #expect(items["demo-lesson/tf"]?.lastRating == .again)
    #expect(items["demo-lesson/tf"]?.schedule.due == start.addingTimeInterval(90))
  }

  @Test(arguments: [
    (true, 1.0, 0, 20.0, ReviewCard.State.learning, ReviewRating.good),
    (true, 1.0, 1, 20.0, .learning, .hard),
    (true, 1.0, 0, 90.0, .learning, .hard),
    (true, 1.0, 0, 5.0, .review, .easy),
    (false, 0.5, 0, 5.0, .review, .hard),
    (false, 0.0, 0, 5.0, .review, .again),
  ])
  func theRatingComesFromTheAnswer(
    _ correct: Bool, _ points: Double, _ hints: Int, _ seconds: Double, _ state: ReviewCard.State,
    _ rating: ReviewRating
  ) {
    let answer = AnswerRecord(
      questionID: "q", topic: nil, response: "x", correct: correct, points: points, maxPoints: 1, seconds: seconds,
      hintsUsed: hints, at: Date())
    var card = ReviewCard(due: Date())
    card.state = state
    #expect(ReviewItem.rating(for: answer, current: card) == rating)
  }
}
