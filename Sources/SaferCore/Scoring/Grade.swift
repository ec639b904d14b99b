/// The verdict on one answer.
public struct Grade: Hashable, Sendable {
  public var isCorrect: Bool
  /// 0…1 before penalties: partial credit for multiple select.
  public var credit: Double
  public var points: Double
  public var maxPoints: Double
  /// What to tell the student, most specific first (per-choice feedback, then the
  /// question's explanation).
  public var feedback: [String]
  /// The right answer, written out for the end-of-lesson summary.
  public var rightAnswer: String
  /// For scenarios: which choice was picked, to find the next step.
  public var choiceIndex: Int?
  /// The response as understood, e.g. `a, c` for `ac`.
  public var normalizedResponse: String
  public var timedOut: Bool
  /// An essay: kept for the teacher, not scored.
  public var needsReview = false

  public init(
    isCorrect: Bool, credit: Double, points: Double, maxPoints: Double, feedback: [String], rightAnswer: String,
    choiceIndex: Int? = nil, normalizedResponse: String, timedOut: Bool = false
  ) {
    self.isCorrect = isCorrect
    self.credit = credit
    self.points = points
    self.maxPoints = maxPoints
    self.feedback = feedback
    self.rightAnswer = rightAnswer
    self.choiceIndex = choiceIndex
    self.normalizedResponse = normalizedResponse
    self.timedOut = timedOut
  }
}
