import Foundation
import Testing

/// `safer quiz ID [settings]`: what a teacher types on each lab computer to start the
/// class on the same quiz, with the quiz file's settings overridden.
@Suite("The quiz command")
struct QuizCommandTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try sandbox.addLesson("demo-quiz.yaml", DemoLesson.quizYAML("attempts: 1\n"))
  }

  @Test func startsTheQuizWithOverriddenSettings() throws {
    let result = try sandbox.run(
      ["quiz", "demo-quiz", "--count", "2", "--exam"] + sandbox.shellArguments(user: "ana"), stdin: "b\na c\n")
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let shown = unwrapped(result.stdout)
    #expect(shown.contains("▶ Demo quiz"))
    #expect(shown.contains("Question 2 of 2"))
    #expect(shown.components(separatedBy: "Answer saved.").count == 3, "exam mode: no marks until the end")
    #expect(shown.contains("— finished ━━"))
    let attempts = try #require(try sandbox.record()["attempts"] as? [[String: Any]])
    #expect(attempts.first?["overrides"] as? [String: String] == ["count": "2", "exam": "true"])
  }

  @Test func aBadSettingIsRefusedBeforeTheShellStarts() throws {
    let result = try sandbox.run(["quiz", "demo-quiz", "--grading", "best"] + sandbox.shellArguments(user: "ana"))
    #expect(result.status != 0)
    #expect(result.stderr.contains("`best` is not a valid value for `--grading`"))
  }

  /// After "You have used all 1 attempts", options cannot buy another one; `--exam` has no
  /// hints; options given to an unfinished attempt are reported as not used.
  @Test func theTeachersSettingsBindFromTheShell() throws {
    let first = try sandbox.run(
      sandbox.shellArguments(user: "ana"), stdin: "quiz demo-quiz --exam\nhint\nb\nquiz demo-quiz --count 1\n")
    let shown = unwrapped(first.stdout)
    #expect(shown.contains("This is an exam: no hints."))
    #expect(shown.contains("Your options were not used: this attempt began earlier"), "\(shown)")
    let refused = try sandbox.run(
      sandbox.shellArguments(user: "ana"), stdin: "reset demo-quiz\nquiz demo-quiz --attempts 50\nquiz demo-quiz --pass-mark 10\n"
    )
    let output = unwrapped(refused.output)
    #expect(output.contains("`--attempts 50` was refused: the quiz allows 1 attempt; you may ask for fewer, not more."))
    #expect(output.contains("`--pass-mark 10` was refused: the pass mark is 50%"))
    #expect(!output.contains("▶ Demo quiz"), "no attempt was started")
  }

  /// `--feedback end` works on the command line as `help quiz` says, and asking for more
  /// questions than the quiz has says so.
  @Test func feedbackOnTheCommandLineAndATooLargeCountIsExplained() throws {
    try sandbox.addLesson("demo-quiz.yaml", DemoLesson.quizYAML())
    let result = try sandbox.run(
      ["quiz", "demo-quiz", "--count", "99", "--feedback", "end"] + sandbox.shellArguments(user: "ana"), stdin: "b\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(unwrapped(result.stdout).contains("This quiz has 8 questions to draw from, so all 8 are asked (not 99)."))
    #expect(result.stdout.contains("Answer saved."), "feedback at the end: no mark yet")
  }

  /// Starting something else in the middle of a lesson says where the lesson stopped.
  @Test func switchingAwaySaysTheLessonIsPaused() throws {
    try sandbox.addLesson("demo-quiz.yaml", DemoLesson.quizYAML())
    let result = try sandbox.run(sandbox.shellArguments(user: "ana"), stdin: "start demo-lesson\nb\nquiz demo-quiz\nquit\n")
    #expect(
      unwrapped(result.stdout).contains("“Demo lesson” is paused at question 2 of 8; `start demo-lesson` goes back to it."),
      "\(result.stdout)")
  }
}
