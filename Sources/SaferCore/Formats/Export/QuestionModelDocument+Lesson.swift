/// Building the JSON question model from a loaded lesson or bank.
extension QuestionModelDocument {
  public init(lesson: Lesson) {
    modelVersion = Self.currentVersion
    kind = lesson.isBank ? .bank : .lesson
    id = lesson.id
    title = lesson.title
    topic = lesson.topic
    level = lesson.level.isEmpty ? nil : lesson.level
    language = lesson.language
    minutes = lesson.minutes
    objectives = lesson.objectives
    sources = lesson.sources.map { Source(title: $0.title, url: $0.url) }
    contentVersion = lesson.contentVersion.isEmpty ? nil : lesson.contentVersion
    steps = lesson.steps.map(Step.init(step:))
  }
}

extension QuestionModelDocument.Step {
  init(step: SaferCore.Step) {
    id = step.id
    title = step.title
    next = step.next
    switch step.content {
    case .explain(let text):
      type = .explanation
      self.text = text
    case .question(let question):
      type = .question
      self.question = QuestionModelDocument.QuestionData(question: question)
    }
  }
}

extension QuestionModelDocument.QuestionData {
  init(question: Question) {
    id = question.id
    kind = question.kindName
    prompt = question.prompt
    title = question.title
    category = question.category
    idNumber = question.idNumber
    tags = question.tags.isEmpty ? nil : question.tags
    points = question.points
    hints = question.hints
    explanation = question.explanation
    shuffleChoices = question.shuffleChoices
    if question.feedbackCorrect != nil || question.feedbackWrong != nil {
      feedback = .init(correct: question.feedbackCorrect, wrong: question.feedbackWrong)
    }
    switch question.kind {
    case .single(let list), .multiple(let list), .scenario(let list):
      choices = list.map { .init(text: $0.text, correct: $0.isCorrect, weight: $0.weight, feedback: $0.feedback, next: $0.next) }
    case .trueFalse(let value):
      answer = value
    case .text(let spec):
      text = .init(
        answers: spec.options.map { .init(text: $0.text, weight: $0.weight, feedback: $0.feedback, pattern: $0.pattern) },
        pattern: spec.pattern,
        forgivesTypos: spec.forgivesTypos)
    case .number(let spec):
      number = .init(
        ranges: spec.options.map { .init(min: $0.minimum, max: $0.maximum, weight: $0.weight, feedback: $0.feedback) },
        unit: spec.unit)
    case .order(let list):
      items = list
    case .matching(let list):
      pairs = list.map { .init(left: $0.isDistractor ? nil : $0.left, right: $0.right) }
    case .essay:
      break
    }
  }
}
