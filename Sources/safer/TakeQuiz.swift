import ArgumentParser
import SaferCore

/// `safer quiz ID [settings]`: the shell, straight into a quiz, with the quiz file's
/// settings overridden for this attempt (what a teacher types on each lab computer).
struct TakeQuiz: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quiz", abstract: "Start the shell straight into a quiz, overriding its settings if asked.")

  @Argument(help: "A quiz id, a quiz file, or a GIFT/Aiken question bank.")
  var quiz: String

  @OptionGroup var shell: ShellOptions

  @Option(help: "How many questions to draw.") var count: Int?
  @Option(help: "The seed for drawing and shuffling.") var seed: String?
  @Flag(inversion: .prefixedNo, help: "Shuffle the questions.") var shuffle: Bool?
  @Flag(
    name: [.customLong("shuffle-answers")], inversion: .prefixedNo,
    help: "Shuffle each question's choices (the default; the order is the same for one student every time).")
  var shuffleAnswers: Bool?
  @Option(name: .customLong("time-limit"), help: "Seconds per question.") var timeLimit: Double?
  @Option(name: .customLong("quiz-time-limit"), help: "Seconds for the whole quiz.") var quizTimeLimit: Double?
  @Option(name: .customLong("pass-mark"), help: "Percentage needed to pass.") var passMark: Double?
  @Option(help: "Attempts allowed.") var attempts: Int?
  @Option(help: "Which attempt counts: highest, average, first or last.") var grading: String?
  @Flag(help: "Exam mode: answers are marked only at the end.") var exam = false
  @Option(help: "When answers are marked: immediate or end.") var feedback: String?
  @Option(help: "Read a quiz file named by QUIZ as: yaml, gift or aiken (a .txt is told by content).")
  var format: ContentFile.Format?
  @Flag(
    help:
      "Settings from the teacher: they may also loosen the quiz file (more attempts, more time). Asks for the teacher passphrase if one is set."
  ) var teacher = false

  func run() throws {
    var words: [String] = []
    func add(_ name: String, _ value: CustomStringConvertible?) {
      if let value { words += ["--\(name)", value.description] }
    }
    add("count", count)
    add("seed", seed)
    if let shuffle { words.append(shuffle ? "--shuffle" : "--no-shuffle") }
    if let shuffleAnswers { words.append(shuffleAnswers ? "--shuffle-answers" : "--no-shuffle-answers") }
    add("time-limit", timeLimit)
    add("quiz-time-limit", quizTimeLimit)
    add("pass-mark", passMark)
    add("attempts", attempts)
    add("grading", grading)
    if exam { words.append("--exam") }
    add("feedback", feedback)
    do {
      _ = try QuizOverrides.parse(words)
    } catch {
      throw ValidationError(error.description)
    }
    if teacher { try TeacherGate.require(dataFolder: shell.locations.dataFolder, command: "quiz --teacher") }
    let formatWords = format.map { ["--format", $0.rawValue] } ?? []
    try shell.runShell(
      firstAction: .quiz(target: quiz, options: words + formatWords), authority: teacher ? .teacher : .student)
  }
}
