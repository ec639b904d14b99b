/// One option of a single-choice, multiple-select or scenario question.
public struct Choice: Hashable, Sendable {
  public var text: String
  public var isCorrect: Bool
  /// Why this choice is right or wrong; shown after the student picks it.
  public var feedback: String?
  /// For scenarios: the id of the step this choice leads to (`end` ends the lesson).
  public var next: String?
  /// Percent of the question's points this choice earns (-100…100), as in GIFT's
  /// `~%50%`; `nil` means all (right) or nothing (wrong).
  public var weight: Double?

  public init(text: String, isCorrect: Bool = false, feedback: String? = nil, next: String? = nil, weight: Double? = nil) {
    self.text = text
    self.isCorrect = isCorrect
    self.feedback = feedback
    self.next = next
    self.weight = weight
  }
}
