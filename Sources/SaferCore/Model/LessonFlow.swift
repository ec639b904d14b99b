/// Where a lesson goes after each step: the default order plus `next:` jumps.
public struct LessonFlow: Sendable {
  public let lesson: Lesson
  private let indexByID: [String: Int]

  public init(lesson: Lesson) {
    self.lesson = lesson
    var indexByID: [String: Int] = [:]
    for (index, step) in lesson.steps.enumerated() {
      if let id = step.id, indexByID[id] == nil { indexByID[id] = index }
    }
    self.indexByID = indexByID
  }

  public func index(of id: String) -> Int? { indexByID[id] }

  /// The `next` names a step (or its choices) mentions.
  func jumpTargets(of index: Int) -> [String] {
    let step = lesson.steps[index]
    var targets = step.next.map { [$0] } ?? []
    if case .scenario(let choices) = step.question?.kind {
      targets += choices.compactMap(\.next)
    }
    return targets
  }

  /// The step after `index`, given the choice picked in a scenario; `nil` ends the lesson.
  public func successor(of index: Int, choice: Int? = nil) -> Int? {
    guard lesson.steps.indices.contains(index) else { return nil }
    let step = lesson.steps[index]
    var target = step.next
    if let choice, case .scenario(let choices) = step.question?.kind, choices.indices.contains(choice),
      let next = choices[choice].next
    {
      target = next
    }
    guard let target else { return index + 1 < lesson.steps.count ? index + 1 : nil }
    return target == "end" ? nil : indexByID[target]
  }

  /// Every step some path from the first step can reach.
  func reachableSteps() -> Set<Int> {
    guard !lesson.steps.isEmpty else { return [] }
    var reached: Set<Int> = [0]
    var queue = [0]
    while let index = queue.popLast() {
      var successors: [Int?] = [successor(of: index)]
      if case .scenario(let choices) = lesson.steps[index].question?.kind {
        successors += choices.indices.map { successor(of: index, choice: $0) }
      }
      for case let next? in successors where !reached.contains(next) {
        reached.insert(next)
        queue.append(next)
      }
    }
    return reached
  }

  /// Questions on the longest-looking path, for "3/12" in the prompt: the count of
  /// question steps from `index` onwards following default choices is not knowable in
  /// a branching lesson, so this counts all question steps in the file.
  public var questionCount: Int { lesson.questions.count }

  /// The 1-based number of the question at `index` among the file's questions.
  public func questionNumber(at index: Int) -> Int {
    lesson.steps[...index].filter { $0.question != nil }.count
  }
}
