/// A live class question as students see it: everything needed to show it and nothing
/// that gives the answer away.
///
/// Built by the host from the quiz's `Question`. Items of an `order` question travel in
/// the order shown (never the right order), a matching question's right-hand side in the
/// shuffled order shown, so the letters students type mean the same on the host, where
/// `Grader` reads them against the real question.
public struct LiveQuestion: Codable, Hashable, Sendable {
  /// 1-based position in the session.
  public var number: Int
  public var total: Int
  /// `lesson/question`: the id the answer is filed under in students' records.
  public var id: String
  /// The kind's word in lesson files (`single`, `multiple`, `truefalse`, `text`, …).
  public var kind: String
  public var prompt: String
  /// Lettered options (choices, the items of an `order` question, true/false).
  public var options: [String]
  /// Matching questions: the numbered left-hand items.
  public var left: [String]
  /// Number questions: the unit, if any.
  public var unit: String?
  /// Seconds to answer.
  public var timeLimit: Double
  public var points: Double

  public init(
    number: Int, total: Int, id: String, kind: String, prompt: String, options: [String], left: [String] = [],
    unit: String? = nil, timeLimit: Double, points: Double
  ) {
    self.number = number
    self.total = total
    self.id = id
    self.kind = kind
    self.prompt = prompt
    self.options = options
    self.left = left
    self.unit = unit
    self.timeLimit = timeLimit
    self.points = points
  }

  /// What students are shown of `question`.
  public init(_ question: Question, id: String, number: Int, total: Int, timeLimit: Double) {
    var options: [String] = []
    var left: [String] = []
    var unit: String?
    switch question.kind {
    case .single(let choices), .multiple(let choices), .scenario(let choices):
      options = choices.map(\.text)
    case .trueFalse:
      options = ["True", "False"]
    case .order(let items):
      options = Grader.displayOrder(of: question).map { items[$0] }
    case .matching(let pairs):
      left = pairs.filter { !$0.isDistractor }.map(\.left)
      options = Grader.matchingRightOrder(of: question)
    case .number(let spec):
      unit = spec.unit
    case .text, .essay:
      break
    }
    self.init(
      number: number, total: total, id: id, kind: question.kindName, prompt: question.prompt, options: options,
      left: left, unit: unit, timeLimit: timeLimit, points: question.points)
  }

  /// Whether the answers can be counted per lettered option (the reveal's bar chart).
  public var hasLetteredOptions: Bool { ["single", "multiple", "scenario", "truefalse"].contains(kind) }
}
