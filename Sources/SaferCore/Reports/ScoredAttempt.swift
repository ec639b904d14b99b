/// One finished quiz attempt reduced to what item analysis needs: the mark it got on each
/// question it drew.
///
/// A class report keeps these instead of whole attempts, so a large class costs a few
/// numbers per answer and the answers' JSON is decoded once. A question the attempt drew
/// but has no answer to (a whole-quiz deadline, a record edited by hand) scores 0, as an
/// unanswered question does in Moodle.
public struct ScoredAttempt: Hashable, Sendable {
  /// The mark on one question.
  public struct Item: Hashable, Sendable {
    /// `lesson/question`, as `Attempt.questionOrder` names it.
    public var question: String
    public var points: Double
    /// The last answer given to the question in this attempt, if any.
    public var answer: AnswerRecord?
  }

  /// The attempt's score as a percentage, as the student was told it.
  public var percent: Double
  /// Whether it reached the pass mark in force when it was taken, as its record says;
  /// records that do not say (older ones) are compared with 50 %.
  public var passed: Bool
  /// One item per question, in the order the questions were shown.
  public var items: [Item]

  /// The attempt's mark: the sum of its questions' marks.
  public var total: Double { items.reduce(0) { $0 + $1.points } }

  public init(percent: Double, passed: Bool, items: [Item]) {
    self.percent = percent
    self.passed = passed
    self.items = items
  }

  public init(_ attempt: Attempt) {
    var last: [String: AnswerRecord] = [:]
    var answered: [String] = []
    for answer in attempt.answers {
      if last.updateValue(answer, forKey: answer.questionID) == nil { answered.append(answer.questionID) }
    }
    var seen: Set<String> = []
    var items: [Item] = []
    for question in (attempt.questionOrder ?? []) + answered where seen.insert(question).inserted {
      let answer = last[question]
      items.append(Item(question: question, points: answer?.points ?? 0, answer: answer))
    }
    // Held to 0…100: a hand-edited record can be a millionth of a point over its maximum.
    let percent = min(100, max(0, attempt.percent))
    self.init(
      percent: percent, passed: attempt.passed ?? (percent >= ClassReport.defaultPassMark), items: items)
  }
}
