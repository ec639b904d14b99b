/// Shuffles a quiz question's choices, as Moodle's "shuffle within questions" does by
/// default, so the position of the right answer tells a guesser nothing.
///
/// The order comes from the quiz's seed, the question and the student, so it is the same
/// for one student on every computer and after `resume`, different from the neighbour's
/// screen, and grading needs nothing stored: the shuffled question is simply the question
/// the student answers. A live class shows the file's order (the projector shows one
/// order to everyone). Answers are saved with the letters of the file's order
/// (`QuizItem.inFileOrder`), so a teacher's report counts the same choice as the same
/// letter for everyone.
public enum AnswerShuffle {
  public static func apply(to item: QuizItem, in quiz: Quiz, student: String) -> QuizItem {
    guard quiz.shuffleAnswers, item.question.shuffleChoices, item.question.kind.isLettered else { return item }
    let seed =
      quiz.seed ^ Fingerprint.fnv1a(Array(item.globalID.utf8)) ^ Fingerprint.fnv1a(Array("student:\(student)".utf8))
    var generator = SeededGenerator(seed: seed)
    let order = Array(item.question.choices.indices).shuffled(using: &generator)
    var shuffled = item
    shuffled.question.kind = item.question.kind.withChoices(order.map { item.question.choices[$0] })
    shuffled.choiceOrder = order
    return shuffled
  }
}

extension Question.Kind {
  /// Single, multiple and scenario questions: lettered choices that may be shuffled.
  var isLettered: Bool {
    switch self {
    case .single, .multiple, .scenario: true
    default: false
    }
  }

  /// The same kind with other choices (single, multiple and scenario only).
  func withChoices(_ choices: [Choice]) -> Question.Kind {
    switch self {
    case .single: .single(choices)
    case .multiple: .multiple(choices)
    case .scenario: .scenario(choices)
    default: self
    }
  }
}

extension QuizItem {
  /// The question with its choices in the file's order.
  public var fileOrderQuestion: Question {
    guard let choiceOrder, choiceOrder.count == question.choices.count else { return question }
    var choices = question.choices
    for (shown, file) in choiceOrder.enumerated() { choices[file] = question.choices[shown] }
    var original = question
    original.kind = question.kind.withChoices(choices)
    return original
  }

  /// A normalised response (`c`, `a, c`) with the letters of the file's order instead of
  /// the shuffled ones shown; other responses as they are.
  public func inFileOrder(_ response: String) -> String {
    guard let choiceOrder, !response.isEmpty, question.kind.isLettered else { return response }
    let count = question.choices.count
    guard let shown = try? Grader.letters(in: response, count: count) else { return response }
    let file = shown.compactMap { choiceOrder.indices.contains($0) ? choiceOrder[$0] : nil }
    guard case .multiple = question.kind else { return file.map { Grader.label($0, of: count) }.joined(separator: ", ") }
    return file.sorted().map { Grader.label($0, of: count) }.joined(separator: ", ")
  }
}
