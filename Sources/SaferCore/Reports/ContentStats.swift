import Foundation

/// How guessable a set of lessons is without knowing the subject, for `safer check
/// --stats`: authors see bias before students do.
///
/// The same figures as `scripts/answer-bias.py`: for single-answer and scenario questions,
/// how often the right answer is the longest choice (alone, or tied) and how often the
/// shortest; which letters the right answers sit on (in file order); the true/false
/// balance; and questions per age band and per kind.
public struct ContentStats: Sendable, Equatable {
  public var lessons = 0
  public var choiceQuestions = 0
  public var rightIsLongestAlone = 0
  public var rightIsLongestOrTied = 0
  public var rightIsShortest = 0
  public var singlePositions: [String: Int] = [:]
  public var scenarioPositions: [String: Int] = [:]
  public var trueStatements = 0
  public var falseStatements = 0
  public var bands: [String: Int] = [:]
  public var kinds: [String: Int] = [:]

  public init() {}

  /// The figures of every lesson and bank in `library` (quizzes hold no questions).
  public init(library: LessonLibrary) {
    for lesson in library.lessons { add(lesson) }
  }

  public mutating func add(_ lesson: Lesson) {
    lessons += 1
    let band = lesson.level.isEmpty ? "no age band" : lesson.level
    for question in lesson.questions {
      kinds[question.kindName, default: 0] += 1
      bands[band, default: 0] += 1
      switch question.kind {
      case .trueFalse(let answer):
        if answer { trueStatements += 1 } else { falseStatements += 1 }
      case .single(let choices):
        if let right = tallyChoices(choices) { for letter in right { singlePositions[letter, default: 0] += 1 } }
      case .scenario(let choices):
        if let right = tallyChoices(choices) { for letter in right { scenarioPositions[letter, default: 0] += 1 } }
      default: break
      }
    }
  }

  /// Counts a choice question's length figures; returns the letters of its right choices
  /// (`nil`: none is right, so it is not counted).
  private mutating func tallyChoices(_ choices: [Choice]) -> [String]? {
    let right = choices.indices.filter { choices[$0].isCorrect }
    guard !right.isEmpty else { return nil }
    choiceQuestions += 1
    let lengths = choices.map { $0.text.trimmingCharacters(in: .whitespaces).count }
    let longest = lengths.max() ?? 0
    let longestAt = lengths.indices.filter { lengths[$0] == longest }
    if right.contains(where: longestAt.contains) {
      rightIsLongestOrTied += 1
      if longestAt.count == 1 { rightIsLongestAlone += 1 }
    }
    let shortest = lengths.min() ?? 0
    if right.contains(where: { lengths[$0] == shortest }) { rightIsShortest += 1 }
    return right.map(Grader.letter)
  }

  /// The targets of a curriculum that cannot be guessed: the right answer longest in at
  /// most a third of choice questions, and 40-60% true statements.
  public var problems: [String] {
    var problems: [String] = []
    if choiceQuestions > 0 && Double(rightIsLongestOrTied) / Double(choiceQuestions) > 1.0 / 3 {
      problems.append("the right answer is the longest choice in more than a third of single and scenario questions")
    }
    let statements = trueStatements + falseStatements
    if statements >= 5 {
      let share = Double(trueStatements) / Double(statements)
      if share < 0.4 || share > 0.6 { problems.append("true/false statements are not balanced (40-60% true)") }
    }
    return problems
  }

  /// The report as lines of text.
  public func lines(title: String) -> [String] {
    func percent(_ part: Int, _ whole: Int) -> String {
      whole == 0 ? "-" : "\(Int((100 * Double(part) / Double(whole)).rounded()))%"
    }
    func spread(_ counts: [String: Int]) -> String {
      let total = counts.values.reduce(0, +)
      return counts.isEmpty
        ? "none"
        : counts.keys.sorted().map { "\($0) \(counts[$0] ?? 0) (\(percent(counts[$0] ?? 0, total)))" }
          .joined(separator: "  ")
    }
    let statements = trueStatements + falseStatements
    return [
      "\(title): \(lessons) lesson\(lessons == 1 ? "" : "s") and banks, \(kinds.values.reduce(0, +)) questions",
      "  right answer is the longest choice: \(rightIsLongestOrTied) of \(choiceQuestions) single and scenario questions "
        + "(\(percent(rightIsLongestOrTied, choiceQuestions)); alone \(rightIsLongestAlone)); the shortest: "
        + "\(rightIsShortest) (\(percent(rightIsShortest, choiceQuestions)))",
      "  right answers by letter, single: \(spread(singlePositions))",
      "  right answers by letter, scenario: \(spread(scenarioPositions))",
      "  true/false statements true: \(trueStatements) of \(statements) (\(percent(trueStatements, statements)))",
      "  questions per age band: \(spread(bands))",
      "  questions per kind: \(spread(kinds))",
    ] + problems.map { "  warning: \($0)" }
  }
}
