/// The `{…}` answer block of each question kind, in the form Moodle's GIFT import reads
/// back as the same question type with the same grades.
extension GIFTWriter {
  /// The block, or `nil` when the question cannot be written at all (reported).
  static func answers(for question: Question, style: TextStyle, report: inout Report) -> String? {
    let general = generalFeedback(question, style)
    switch question.kind {
    case .single(let choices):
      return "{\n" + singleChoices(choices, style, report: &report) + general + "}"
    case .scenario(let choices):
      let branches = choices.contains { $0.next != nil } ? "; its branches (`next`) are left out" : ""
      report.warn("a scenario, which GIFT cannot express: written as a single-choice question\(branches)")
      return "{\n" + singleChoices(choices, style, report: &report) + general + "}"
    case .multiple(let choices):
      return "{\n" + multipleChoices(choices, style, report: &report) + general + "}"
    case .trueFalse(let answer):
      return trueFalse(answer, question, style)
    case .text(let spec):
      return shortAnswer(spec, question, style, report: &report)
    case .number(let spec):
      if let unit = spec.unit { report.warn("its unit `\(unit)` is left out (GIFT numerical questions have no units)") }
      return numerical(spec, question, style, report: &report)
    case .matching(let pairs):
      reportLostFeedback(question, kind: "matching", into: &report)
      return matching(pairs.map { ($0.left, $0.right) }, question, style, report: &report)
    case .order(let items):
      report.warn(
        "an order question, which GIFT cannot express: written as a matching question that pairs each item with "
          + "its place (1, 2, 3…); Moodle gives part marks for each item in its place")
      reportLostFeedback(question, kind: "matching", into: &report)
      return matching(items.enumerated().map { ($1, String($0 + 1)) }, question, style, report: &report)
    case .essay:
      reportLostFeedback(question, kind: "essay", into: &report)
      return "{" + generalFeedback(question, style, inline: true) + "}"
    }
  }

  private static func reportLostFeedback(_ question: Question, kind: String, into report: inout Report) {
    if question.feedbackCorrect != nil || question.feedbackWrong != nil {
      report.warn("its `feedback` is left out: Moodle \(kind) questions only have general feedback (`explanation`)")
    }
  }

  private static func lines(_ lines: [String]) -> String {
    lines.map { "\t" + $0 + "\n" }.joined()
  }

  // MARK: - Choices

  /// `=` for a right choice, `~` for a wrong one, `~%50%` for part marks. When every
  /// choice is right, the others are `~%100%`: without a `~` Moodle would not read a
  /// multiple-choice question.
  private static func singleChoices(_ choices: [Choice], _ style: TextStyle, report: inout Report) -> String {
    let credits = choices.map { $0.weight ?? ($0.isCorrect ? 100 : 0) }
    let allRight = credits.allSatisfy { $0 == 100 }
    return lines(
      zip(choices, credits).enumerated().map { index, pair in
        let (choice, credit) = pair
        let marker: String
        if credit == 100 && !(allRight && index > 0) {
          marker = "="
        } else if credit == 0 && !choice.text.hasPrefix("%") {
          marker = "~"
        } else {
          marker = "~" + checkedWeight(credit, report: &report)
        }
        return marker + style.rich(choice.text) + style.feedback(choice.feedback)
      })
  }

  /// Moodle's multiple-answer questions are the ones without `=`: every choice carries its
  /// weight. Unweighted questions get Safer Shell's rule as weights: each right choice
  /// earns 1/n of the points, each wrong one costs 1/n.
  private static func multipleChoices(_ choices: [Choice], _ style: TextStyle, report: inout Report) -> String {
    let weighted = choices.contains { $0.weight != nil }
    let share = 100 / Double(max(1, choices.filter(\.isCorrect).count))
    return lines(
      choices.map { choice in
        let credit = weighted ? choice.weight ?? 0 : (choice.isCorrect ? share : -share)
        let marker = credit == 0 && !choice.text.hasPrefix("%") ? "~" : "~" + checkedWeight(credit, report: &report)
        return marker + style.rich(choice.text) + style.feedback(choice.feedback)
      })
  }

  /// `{TRUE#feedback if wrong#feedback if right}`, Moodle's order of the two.
  private static func trueFalse(_ answer: Bool, _ question: Question, _ style: TextStyle) -> String {
    var block = "{" + (answer ? "TRUE" : "FALSE")
    if let wrong = question.feedbackWrong, !wrong.isEmpty {
      block += style.feedback(wrong)
    } else if question.feedbackCorrect?.isEmpty == false {
      block += "#"
    }
    block += style.feedback(question.feedbackCorrect)
    return block + generalFeedback(question, style, inline: true) + "}"
  }

  // MARK: - Typed answers

  /// One typed answer before it is written.
  private struct Typed {
    var weight: Double
    var pieces: [ShortAnswerPattern.Piece]
    var feedback: String?
    /// For numbers: the range it accepts.
    var range: ClosedRange<Double>?
    /// The text Moodle reads (a number's `value:tolerance` or `min..max`).
    var written: String?
  }

  /// The answers stay in the model's order, so that a bank read from GIFT goes back as it
  /// came and Moodle grades it as before. Moodle takes the first answer that matches,
  /// Safer Shell the one worth most: where an answer also accepts what a later, more
  /// valuable one does (`=%50%An*` before `=Ana`, an outer range before an inner one),
  /// the two differ, and the teacher is told.
  private static func reportShadowed(
    _ answers: [Typed], overlap: (Typed, Typed) -> Bool, describe: (Typed) -> String, report: inout Report
  ) {
    for (index, answer) in answers.enumerated() {
      guard
        let later = answers[(index + 1)...].first(where: { $0.weight > answer.weight && overlap(answer, $0) })
      else { continue }
      report.warn(
        "`\(describe(answer))` (\(decimal(answer.weight, places: 5))%) comes before `\(describe(later))` "
          + "(\(decimal(later.weight, places: 5))%) and accepts some of the same answers: Moodle gives the first that "
          + "matches, Safer Shell the one worth most (write the better answer first)")
    }
  }

  /// Whether `first`, a short answer, accepts some text `second` accepts.
  private static func shortAnswersOverlap(_ first: Typed, _ second: Typed) -> Bool {
    guard first.pieces.contains(.anything) else {
      guard case .literal(let text)? = first.pieces.first else { return false }
      return ShortAnswerPattern.matches(second.pieces, text)
    }
    guard case .literal(let text)? = second.pieces.first, second.pieces.count == 1 else { return true }
    return ShortAnswerPattern.matches(first.pieces, text)
  }

  /// `=answer#feedback` lines. The question's right and wrong feedback go on the answers
  /// without their own, and a last `=%0%*` (Moodle's "any other answer") carries the
  /// wrong feedback. A `pattern` becomes the answers it stands for, when Moodle can say it
  /// (see `ShortAnswerPattern`), in the place of a listed answer it already covers (an
  /// answer read from a GIFT wildcard keeps its example), whose feedback it takes over.
  private static func shortAnswer(
    _ spec: Question.TextAnswer, _ question: Question, _ style: TextStyle, report: inout Report
  ) -> String? {
    func typed(_ option: Question.TextOption, _ pieces: [ShortAnswerPattern.Piece]) -> Typed {
      let fallback = fallbackFeedback(option.weight, question)
      return Typed(weight: option.weight, pieces: pieces, feedback: option.feedback ?? fallback)
    }
    var answers: [Typed] = []
    for option in spec.options {
      guard let pattern = option.pattern else {
        answers.append(typed(option, [.literal(option.text)]))
        continue
      }
      // An answer worth part of the points for whatever its pattern matches.
      guard let wildcards = ShortAnswerPattern.answers(for: pattern) else {
        report.warn("its answer `pattern` \(pattern) has no exact GIFT form, so that answer is left out")
        continue
      }
      answers += wildcards.map { typed(option, $0) }
    }
    if let pattern = spec.pattern {
      if let wildcards = ShortAnswerPattern.answers(for: pattern) {
        // Wildcards with no answer of their own to stand in for (`=*`) go just before the
        // next one that has, so the pattern reads back in the same order.
        var pending: [Typed] = []
        for wildcard in wildcards {
          let written = Typed(weight: 100, pieces: wildcard, feedback: question.feedbackCorrect)
          // The answer the GIFT reader made of this wildcard, to show as the right answer.
          let example = GIFTWildcard(wildcardText(wildcard))?.example
          // Else a fixed text of the pattern (`evil.io` of `(https?://)?evil\.io`) takes
          // the place of the same listed answer; a wildcard only of its own example.
          let covered =
            answers.firstIndex {
              $0.weight >= 100 && $0.pieces.count == 1 && $0.pieces.first == .literal(example ?? "")
            }
            ?? (wildcard.contains(.anything)
              ? nil : answers.firstIndex { $0.weight >= 100 && $0.pieces == wildcard })
          if let covered {
            answers[covered] = Typed(weight: 100, pieces: wildcard, feedback: answers[covered].feedback)
            answers.insert(contentsOf: pending, at: covered)
            pending = []
          } else {
            pending.append(written)
          }
        }
        answers += pending
      } else if spec.options.contains(where: { $0.weight >= 100 }) {
        report.warn("its `pattern` \(pattern) has no exact GIFT form; only its listed answers are written")
      } else {
        report.warn("left out: its right answers are a `pattern` (\(pattern)) that GIFT cannot express")
        return nil
      }
    }
    reportShadowed(answers, overlap: shortAnswersOverlap, describe: { shortAnswerText($0.pieces) }, report: &report)
    var written = answers.map { answer in
      let text = shortAnswerText(answer.pieces)
      let marker = answer.weight == 100 && !text.hasPrefix("%") ? "=" : "=" + checkedWeight(answer.weight, report: &report)
      return marker + text + style.feedback(answer.feedback, inShortAnswer: true)
    }
    if let wrong = question.feedbackWrong, !wrong.isEmpty {
      written.append("=%0%*" + style.feedback(wrong, inShortAnswer: true))
    }
    if written.contains(where: { $0.contains("->") }) {
      report.warn("left out: `->` in an answer or its feedback would make Moodle read a matching question")
      return nil
    }
    return "{\n" + lines(written) + generalFeedback(question, style) + "}"
  }

  /// The question's feedback for an answer without its own, as Safer Shell shows it: the
  /// right one for full marks, else the wrong one (the GIFT reader takes it off again).
  private static func fallbackFeedback(_ weight: Double, _ question: Question) -> String? {
    weight >= 100 ? question.feedbackCorrect : question.feedbackWrong
  }

  /// A short answer as Moodle's text, before GIFT's escapes: `*` is any text, `\*` an
  /// asterisk.
  private static func wildcardText(_ pieces: [ShortAnswerPattern.Piece]) -> String {
    pieces.map { piece in
      switch piece {
      case .literal(let text): text.replacingOccurrences(of: "*", with: "\\*")
      case .anything: "*"
      }
    }.joined()
  }

  /// A short answer in Moodle's syntax, where `*` is any text and `\*` an asterisk. One
  /// starting with `[` gets Moodle's own format named first, or Moodle would take a
  /// `[plain]` at its start for the answer's format and drop it.
  private static func shortAnswerText(_ pieces: [ShortAnswerPattern.Piece]) -> String {
    let text = pieces.map { piece in
      switch piece {
      case .literal(let text): escape(text).replacingOccurrences(of: "*", with: "\\*")
      case .anything: "*"
      }
    }.joined()
    return text.hasPrefix("[") ? "[moodle]" + text : text
  }

  /// `{#` then `=value:tolerance` or `=min..max` lines, with `%weight%` for part marks, and
  /// a closing `~#feedback` that Moodle shows for any other number.
  private static func numerical(
    _ spec: Question.NumberAnswer, _ question: Question, _ style: TextStyle, report: inout Report
  ) -> String {
    let answers = spec.options.map { option in
      let fallback = fallbackFeedback(option.weight, question)
      return Typed(
        weight: option.weight, pieces: [], feedback: option.feedback ?? fallback,
        range: option.minimum...option.maximum, written: numberText(option))
    }
    reportShadowed(
      answers,
      overlap: { first, second in
        guard let a = first.range, let b = second.range else { return false }
        return a.overlaps(b)
      }, describe: { $0.written ?? "" }, report: &report)
    var written = answers.map { answer in
      (answer.weight == 100 ? "=" : "=" + checkedWeight(answer.weight, report: &report)) + (answer.written ?? "")
        + style.feedback(answer.feedback)
    }
    if let wrong = question.feedbackWrong, !wrong.isEmpty { written.append("~" + style.feedback(wrong)) }
    return "{#\n" + lines(written) + generalFeedback(question, style) + "}"
  }

  private static func numberText(_ option: Question.NumericOption) -> String {
    if option.minimum == option.maximum { return NumberText.shortest(option.minimum) }
    if let (value, tolerance) = YAMLWriter.centred(option) {
      return NumberText.shortest(value) + ":" + NumberText.shortest(tolerance)
    }
    return NumberText.shortest(option.minimum) + ".." + NumberText.shortest(option.maximum)
  }

  /// `=left -> right` lines. Moodle splits a pair at its first `->`, which has no escape,
  /// so a left-hand item holding one cannot be written.
  private static func matching(
    _ pairs: [(String, String)], _ question: Question, _ style: TextStyle, report: inout Report
  ) -> String? {
    let lefts = pairs.map { style.rich($0.0) }
    if lefts.contains(where: { $0.contains("->") }) {
      report.warn("left out: `->` in a left-hand item cannot be written in GIFT, where it separates the pair")
      return nil
    }
    // A distractor (nothing on the left) is written `= -> right`, as Moodle writes it.
    let written = zip(lefts, pairs).map { left, pair in (pair.0.isEmpty ? "=" : "=" + left) + " -> " + escape(pair.1) }
    return "{\n" + lines(written) + generalFeedback(question, style) + "}"
  }
}
