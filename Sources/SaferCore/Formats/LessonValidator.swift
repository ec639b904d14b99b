/// Checks that need the whole lesson: unique ids, jumps that land, steps that can be reached.
enum LessonValidator {
  static func validate(_ lesson: Lesson, at lessonLocation: SourceLocation) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    var seen: [String: SourceLocation] = [:]
    for step in lesson.steps {
      guard let id = step.id else { continue }
      let location = step.location ?? lessonLocation
      if id == "end" {
        problems.append(Diagnostic(.error, at: location, "`end` is reserved for `next: end`; pick another id"))
      }
      if let first = seen[id] {
        problems.append(Diagnostic(.error, at: location, "id `\(id)` is used twice in this lesson (first at line \(first.line))"))
      } else {
        seen[id] = location
      }
    }
    let flow = LessonFlow(lesson: lesson)
    for (index, step) in lesson.steps.enumerated() {
      let location = step.location ?? lessonLocation
      for target in flow.jumpTargets(of: index) where target != "end" && flow.index(of: target) == nil {
        let suggestion = Suggestion.closest(to: target, among: seen.keys).map { " (did you mean `\($0)`?)" } ?? ""
        problems.append(Diagnostic(.error, at: location, "`next: \(target)` names no step of this lesson\(suggestion)"))
      }
    }
    let reachable = flow.reachableSteps()
    for (index, step) in lesson.steps.enumerated() where !reachable.contains(index) {
      let name = step.id.map { "step `\($0)`" } ?? "this step"
      problems.append(
        Diagnostic(.error, at: step.location ?? lessonLocation, "\(name) can never be reached: no step or choice leads to it"))
    }
    if lesson.questions.isEmpty {
      problems.append(Diagnostic(.warning, at: lessonLocation, "this lesson has no questions to practise with"))
    }
    return problems
  }
}
