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
        let suggestion = Suggestion.parenthesised(for: target, among: seen.keys)
        problems.append(Diagnostic(.error, at: location, "`next: \(target)` names no step of this lesson\(suggestion)"))
      }
    }
    let reachable = flow.reachableSteps()
    for (index, step) in lesson.steps.enumerated() where !reachable.contains(index) {
      let name = step.id.map { "step `\($0)`" } ?? "this step"
      problems.append(
        Diagnostic(.error, at: step.location ?? lessonLocation, "\(name) can never be reached: no step or choice leads to it"))
    }
    for step in lesson.steps {
      for name in Set(texts(of: step).flatMap(InstallationSettings.placeholders(in:)))
      where !InstallationSettings.placeholderNames.contains(name) {
        let known = InstallationSettings.placeholderNames.sorted().map { "{{\($0)}}" }.joined(separator: ", ")
        problems.append(
          Diagnostic(
            .warning, at: step.location ?? lessonLocation,
            "unknown placeholder {{\(name)}} is shown as it is; known: \(known)"))
      }
    }
    if lesson.questions.isEmpty {
      problems.append(Diagnostic(.warning, at: lessonLocation, "this lesson has no questions to practise with"))
    }
    return problems
  }

  /// Every piece of text a student may see in a step.
  static func texts(of step: Step) -> [String] {
    switch step.content {
    case .explain(let text):
      return [text]
    case .question(let question):
      var texts = [question.prompt] + question.hints
      texts += [question.explanation, question.feedbackCorrect, question.feedbackWrong].compactMap { $0 }
      texts += question.choices.flatMap { [$0.text] + ($0.feedback.map { [$0] } ?? []) }
      if case .order(let items) = question.kind { texts += items }
      if case .matching(let pairs) = question.kind { texts += pairs.flatMap { [$0.left, $0.right] } }
      return texts
    }
  }
}
