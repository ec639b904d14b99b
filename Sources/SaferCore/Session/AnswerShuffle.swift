/// Shuffles a quiz question's choices when the quiz asks for it.
///
/// The order comes from the quiz's seed and the question's id, so it is the same on every
/// student's computer and after `resume`, and grading needs nothing stored: the shuffled
/// question is simply the question the student answers.
public enum AnswerShuffle {
  public static func apply(to item: QuizItem, in quiz: Quiz) -> QuizItem {
    guard quiz.shuffleAnswers, item.question.shuffleChoices else { return item }
    var generator = SeededGenerator(seed: quiz.seed ^ Fingerprint.fnv1a(Array(item.globalID.utf8)))
    var shuffled = item
    switch item.question.kind {
    case .single(let choices): shuffled.question.kind = .single(choices.shuffled(using: &generator))
    case .multiple(let choices): shuffled.question.kind = .multiple(choices.shuffled(using: &generator))
    case .scenario(let choices): shuffled.question.kind = .scenario(choices.shuffled(using: &generator))
    default: break
    }
    return shuffled
  }
}
