/// Writes a lesson or question bank in Safer Shell's own YAML format
/// (docs/lesson-format.md).
///
/// `safer convert --to yaml` uses it to turn GIFT and Aiken banks into files a teacher
/// can read, edit and check. What it writes reads back with `LessonParser` to an equal
/// lesson, so converting never changes a question: fields at their defaults are left
/// out, and everything else is written in the order the format documents.
public enum YAMLWriter {
  public static func write(_ lesson: Lesson) -> String {
    document(lesson).lines().joined(separator: "\n") + "\n"
  }

  static func document(_ lesson: Lesson) -> YAMLText {
    var fields: [(key: String, value: YAMLText)] = [
      ("kind", .literal(lesson.isBank ? "bank" : "lesson")), ("id", .text(lesson.id)), ("title", .text(lesson.title)),
    ]
    if !lesson.isBank || lesson.topic != Lesson.bankTopic { fields.append(("topic", .text(lesson.topic))) }
    if !lesson.isBank || !lesson.level.isEmpty { fields.append(("level", .text(lesson.level))) }
    if !lesson.isBank || lesson.language != "en" { fields.append(("language", .text(lesson.language))) }
    if !lesson.isBank || lesson.minutes != 10 { fields.append(("minutes", .literal(String(lesson.minutes)))) }
    if !lesson.objectives.isEmpty { fields.append(("objectives", .list(lesson.objectives.map(YAMLText.text)))) }
    if !lesson.sources.isEmpty {
      let sources = lesson.sources.map { source in
        YAMLText.map([("title", .text(source.title))] + (source.url.map { [("url", YAMLText.text($0))] } ?? []))
      }
      fields.append(("sources", .list(sources)))
    }
    fields.append(("steps", .list(lesson.steps.map(step))))
    return .map(fields)
  }

  static func step(_ step: Step) -> YAMLText {
    var fields: [(key: String, value: YAMLText)] = []
    if let id = step.id { fields.append(("id", .text(id))) }
    switch step.content {
    case .explain(let text): fields.append(("explain", .text(text)))
    case .question(let question): fields += Self.question(question)
    }
    if let next = step.next { fields.append(("next", .text(next))) }
    return .map(fields)
  }

  /// The question's fields after its `id` (the step's).
  static func question(_ question: Question) -> [(key: String, value: YAMLText)] {
    var fields: [(key: String, value: YAMLText)] = []
    if let title = question.title { fields.append(("title", .text(title))) }
    if let category = question.category { fields.append(("category", .text(category))) }
    if let idNumber = question.idNumber { fields.append(("idNumber", .text(idNumber))) }
    if !question.tags.isEmpty { fields.append(("tags", .list(question.tags.map { .text($0) }))) }
    fields.append(("kind", .literal(question.kindName)))
    fields.append(("prompt", .text(question.prompt)))
    fields += answerFields(question.kind)
    if !question.hints.isEmpty { fields.append(("hints", .list(question.hints.map(YAMLText.text)))) }
    if let explanation = question.explanation { fields.append(("explanation", .text(explanation))) }
    if question.points != 1 { fields.append(("points", .number(question.points))) }
    if !question.shuffleChoices { fields.append(("shuffle", .literal("false"))) }
    if let feedback = feedback(question) { fields.append(("feedback", feedback)) }
    return fields
  }

  /// `feedback: {correct, wrong}`, which choice questions keep on their choices instead.
  private static func feedback(_ question: Question) -> YAMLText? {
    switch question.kind {
    case .single, .multiple, .scenario: return nil
    default:
      let pairs = [("correct", question.feedbackCorrect), ("wrong", question.feedbackWrong)].compactMap { key, text in
        text.map { (key: key, value: YAMLText.text($0)) }
      }
      return pairs.isEmpty ? nil : .map(pairs)
    }
  }

  private static func answerFields(_ kind: Question.Kind) -> [(key: String, value: YAMLText)] {
    switch kind {
    case .single(let choices), .multiple(let choices), .scenario(let choices):
      return [("choices", .list(choices.map(choice)))]
    case .trueFalse(let answer):
      return [("answer", .literal(answer ? "true" : "false"))]
    case .text(let answer):
      return textFields(answer)
    case .number(let answer):
      return numberFields(answer)
    case .order(let items):
      return [("items", .list(items.map(YAMLText.text)))]
    case .matching(let pairs):
      return [
        (
          "pairs",
          .list(
            pairs.map {
              $0.isDistractor ? .map([("right", .text($0.right))]) : .map([("left", .text($0.left)), ("right", .text($0.right))])
            })
        )
      ]
    case .essay:
      return []
    }
  }

  private static func choice(_ choice: Choice) -> YAMLText {
    var fields: [(key: String, value: YAMLText)] = [("text", .text(choice.text))]
    // Without `correct`, a weight of 100 or more marks a choice right; say so when it is not.
    if choice.isCorrect {
      fields.append(("correct", .literal("true")))
    } else if (choice.weight ?? 0) >= 100 {
      fields.append(("correct", .literal("false")))
    }
    if let weight = choice.weight { fields.append(("weight", .number(weight))) }
    if let feedback = choice.feedback { fields.append(("feedback", .text(feedback))) }
    if let next = choice.next { fields.append(("next", .text(next))) }
    return .map(fields)
  }

  private static func textFields(_ answer: Question.TextAnswer) -> [(key: String, value: YAMLText)] {
    var fields: [(key: String, value: YAMLText)] = []
    if !answer.options.isEmpty {
      let accepted = answer.options.map { option -> YAMLText in
        if option.weight == 100 && option.feedback == nil && option.pattern == nil { return .text(option.text) }
        var entry: [(key: String, value: YAMLText)] = []
        if let pattern = option.pattern { entry.append(("pattern", .text(pattern))) }
        if option.pattern == nil || !option.text.isEmpty { entry.append(("text", .text(option.text))) }
        if option.weight != 100 { entry.append(("weight", .number(option.weight))) }
        if let feedback = option.feedback { entry.append(("feedback", .text(feedback))) }
        return .map(entry)
      }
      fields.append(("accept", .list(accepted)))
    }
    if let pattern = answer.pattern { fields.append(("pattern", .text(pattern))) }
    if !answer.forgivesTypos { fields.append(("typos", .literal("false"))) }
    return fields
  }

  /// `answer:` and `tolerance:` for one plain answer, else `answers:`; a range is written
  /// as `min`/`max` unless `answer ± tolerance` gives back exactly the same two numbers.
  private static func numberFields(_ answer: Question.NumberAnswer) -> [(key: String, value: YAMLText)] {
    var fields: [(key: String, value: YAMLText)] = []
    if answer.options.count == 1, let only = answer.options.first, only.weight == 100, only.feedback == nil,
      let (value, tolerance) = centred(only)
    {
      fields.append(("answer", .number(value)))
      if tolerance != 0 { fields.append(("tolerance", .number(tolerance))) }
    } else {
      let entries = answer.options.map { option -> YAMLText in
        var entry: [(key: String, value: YAMLText)]
        if let (value, tolerance) = centred(option) {
          entry = [("answer", .number(value))] + (tolerance != 0 ? [("tolerance", YAMLText.number(tolerance))] : [])
        } else {
          entry = [("min", .number(option.minimum)), ("max", .number(option.maximum))]
        }
        if option.weight != 100 { entry.append(("weight", .number(option.weight))) }
        if let feedback = option.feedback { entry.append(("feedback", .text(feedback))) }
        return .map(entry)
      }
      fields.append(("answers", .list(entries)))
    }
    if let unit = answer.unit { fields.append(("unit", .text(unit))) }
    return fields
  }

  /// The range as `value ± tolerance`, when that reads back to the very same bounds.
  static func centred(_ option: Question.NumericOption) -> (value: Double, tolerance: Double)? {
    let value = option.value
    let tolerance = option.tolerance
    let again = Question.NumericOption(value: value, tolerance: tolerance)
    return again.minimum == option.minimum && again.maximum == option.maximum ? (value, tolerance) : nil
  }
}
