/// The answers of each kind of GIFT question, split and weighted as Moodle does.
extension GIFTQuestionReader {
  /// Multiple choice: `=` right, `~` wrong, `~%50%` weighted, `#` feedback. With an `=`
  /// anywhere Moodle makes it a one-answer question; without, a several-answer one whose
  /// positive weights must add up to 100%.
  mutating func choices(_ answers: GIFTText, _ context: inout AnswerContext) -> Question.Kind? {
    let single = answers.containsSyntax("=")
    var choices: [Choice] = []
    for piece in choicePieces(answers) {
      let location = piece.first.map(at) ?? context.block
      var body = piece
      var weight: Double?
      var right = false
      if body.first?.isSyntax("=") == true {
        right = true
        body = body.dropFirst()
        if case .weight = GIFTWeight.read(body.trimmed()) {
          warning(
            "`=` already gives full marks in a multiple-choice question: Moodle would show the `%…%` as part of the "
              + "answer (write `~%50%` for part marks)", at: location)
        }
      } else {
        guard let reading = readWeight(body) else { return nil }
        (weight, body) = reading
      }
      let parts = body.split(onSyntax: "#", limit: 2)
      guard let text = render(parts[0].trimmed(), default: context.format) else {
        warning("an empty answer: Moodle leaves it out", at: location)
        continue
      }
      let feedback = parts.count > 1 ? render(parts[1].trimmed(), default: context.format) : nil
      let correct = single ? right || (weight ?? 0) >= 100 : (weight ?? 0) > 0
      // `~%0%x` is `~x` to Moodle, and where an `=` makes the question single-choice,
      // `~%100%x` is `=x`.
      if weight == 0 || (single && weight == 100) { weight = nil }
      choices.append(Choice(text: text, isCorrect: correct, feedback: feedback, weight: weight))
    }
    guard choices.count >= 2 else {
      error(
        "a multiple-choice question needs at least two answers (found \(choices.count)): Moodle would reject it",
        at: context.block)
      return nil
    }
    // Moodle sets no limit; this bound only keeps a broken file from filling the screen.
    guard choices.count <= Question.maximumChoices else {
      error("at most \(Question.maximumChoices) answers; found \(choices.count)", at: context.block)
      return nil
    }
    if single {
      guard choices.contains(where: \.isCorrect) else {
        error("no answer is right: mark one with `=` (Moodle needs one answer worth 100%)", at: context.block)
        return nil
      }
      return .single(choices)
    }
    let total = choices.reduce(0) { $0 + max(0, $1.weight ?? 0) }
    guard total.rounded() == 100 else {
      let found = total == 0 ? "no answer has a positive weight" : "the positive weights add up to \(GIFTWeight.format(total))%"
      error(
        "\(found): with no `=` answer Moodle makes this a question with several right answers, marked like "
          + "`~%50%`, whose weights must add up to 100% (Moodle stops the import here)", at: context.block)
      return nil
    }
    return .multiple(choices)
  }

  /// Moodle's split of multiple-choice answers: each `~` ends an answer, each `=` starts one.
  private func choicePieces(_ answers: GIFTText) -> [GIFTText] {
    var pieces: [GIFTText] = []
    var start = answers.startIndex
    for index in answers.indices {
      if answers[index].isSyntax("~") {
        pieces.append(answers[start..<index])
        start = index + 1
      } else if answers[index].isSyntax("=") {
        pieces.append(answers[start..<index])
        start = index
      }
    }
    pieces.append(answers[start...])
    return trimmedPieces(pieces)
  }

  /// Pieces trimmed, the first dropped when empty (text before the first separator).
  private func trimmedPieces(_ pieces: [GIFTText]) -> [GIFTText] {
    var trimmed = pieces.map { $0.trimmed() }
    if trimmed.first?.isEmpty == true { trimmed.removeFirst() }
    return trimmed
  }

  /// The weight at the start of an answer and what follows it; `nil` after reporting a
  /// weight Moodle cannot read.
  mutating func readWeight(_ answer: GIFTText) -> (Double?, GIFTText)? {
    let location = answer.first.map(at) ?? SourceLocation(file: file, line: 1, column: 1)
    switch GIFTWeight.read(answer) {
    case .none(let problem):
      if let problem { warning(problem, at: location) }
      return (nil, answer)
    case .weight(let weight, let rest):
      if let (severity, message) = GIFTWeight.check(weight) {
        diagnostics.append(Diagnostic(severity, at: location, message))
        if severity == .error { return nil }
      }
      return (weight, rest)
    case .unreadable(let message):
      error(message, at: location)
      return nil
    }
  }

  /// True/false: `{T#wrong#right}`. Moodle shows the first feedback for the wrong answer
  /// and the second for the right one.
  mutating func trueFalse(_ answers: GIFTText, _ context: inout AnswerContext) -> Question.Kind? {
    let bits = answers.split(onSyntax: "#", limit: 3)
    let word = GIFTTextFormat.split(bits[0].trimmed().text, default: context.format).body
    if bits.count > 1 { context.feedbackWrong = render(bits[1].trimmed(), default: context.format) }
    if bits.count > 2 { context.feedbackCorrect = render(bits[2].trimmed(), default: context.format) }
    return .trueFalse(answer: word == "T" || word == "TRUE")
  }

  /// Matching: `=left -> right` pairs, at least two.
  mutating func matching(_ answers: GIFTText, _ context: inout AnswerContext) -> Question.Kind? {
    let pieces = trimmedPieces(answers.split(onSyntax: "="))
    guard pieces.count >= 2 else {
      error("a matching question needs at least two `=left -> right` pairs: Moodle would reject it", at: context.block)
      return nil
    }
    var pairs: [Question.MatchPair] = []
    for piece in pieces {
      let location = piece.first.map(at) ?? context.block
      guard let arrow = piece.firstSyntax(GIFTToken.arrow) else {
        error(
          "matching answer without `->`: Moodle would reject the whole question; write each pair as `=left -> right`",
          at: location)
        return nil
      }
      let right = piece[(arrow + 2)...].trimmed().text
      guard let left = render(piece[..<arrow], default: context.format) else {
        // `= -> Chat`: an extra answer that matches nothing (a distractor), as in Moodle.
        guard !right.isEmpty else {
          error("nothing after `->`: each item needs the answer it matches", at: location)
          return nil
        }
        pairs.append(Question.MatchPair(left: "", right: right))
        continue
      }
      guard !right.isEmpty else {
        error("nothing after `->`: each item needs the answer it matches", at: location)
        return nil
      }
      pairs.append(Question.MatchPair(left: left, right: right))
    }
    guard pairs.filter({ !$0.isDistractor }).count >= 2 else {
      error("a matching question needs at least two pairs with text on both sides of `->`", at: context.block)
      return nil
    }
    guard Set(pairs.map(\.right)).count <= 26 else {
      error("at most 26 different right-hand items (they are lettered a to z)", at: context.block)
      return nil
    }
    return .matching(pairs)
  }

  /// Short answer: `=answer`, `=%50%answer`, `#feedback`; `*` matches any text, as in
  /// Moodle, at full marks (the question's `pattern`) or part marks (the option's). Safer Shell compares answers more forgivingly than Moodle (case, accents,
  /// punctuation and spacing are folded) but never forgives typos in a GIFT answer:
  /// Moodle does not, and weighted near-misses (`=%50%colour`) must stay apart.
  mutating func shortAnswer(_ answers: GIFTText, _ context: inout AnswerContext) -> Question.Kind? {
    var options: [Question.TextOption] = []
    var patterns: [String] = []
    for piece in trimmedPieces(answers.split(onSyntax: "=")) {
      let location = piece.first.map(at) ?? context.block
      guard let (weight, body) = readWeight(piece) else { return nil }
      let percent = weight ?? 100
      let parts = body.split(onSyntax: "#", limit: 2)
      let text = GIFTTextFormat.withoutControls(GIFTTextFormat.split(parts[0].trimmed().text, default: context.format).body)
        .trimmingSpaces()
      let feedback = parts.count > 1 ? render(parts[1].trimmed(), default: context.format) : nil
      guard !text.isEmpty else {
        warning("an empty answer: Moodle leaves it out", at: location)
        continue
      }
      guard let wildcard = GIFTWildcard(text) else {
        options.append(Question.TextOption(text: GIFTWildcard.literal(text), weight: percent, feedback: feedback))
        continue
      }
      if wildcard.matchesAnything && percent <= 0 {
        // Moodle's catch-all `=%0%*#…`: the feedback for every other answer.
        if context.feedbackWrong == nil { context.feedbackWrong = feedback }
      } else if percent >= 100 {
        patterns.append(wildcard.pattern)
        if !wildcard.example.isEmpty {
          options.append(Question.TextOption(text: wildcard.example, weight: percent, feedback: feedback))
        }
      } else {
        // Part marks for a wildcard (`=%50%*phish*`), or for any answer at all (`=%10%*`).
        options.append(
          Question.TextOption(text: wildcard.example, weight: percent, feedback: feedback, pattern: wildcard.pattern))
      }
    }
    let pattern = patterns.count > 1 ? patterns.map { "(?:\($0))" }.joined(separator: "|") : patterns.first
    guard options.contains(where: { $0.weight >= 100 }) || pattern != nil else {
      error("no answer is worth 100%: Moodle would refuse this short-answer question", at: context.block)
      return nil
    }
    options = context.withoutFallbackFeedback(options, weight: \.weight, feedback: \.feedback)
    return .text(Question.TextAnswer(options: options, pattern: pattern, forgivesTypos: false))
  }
}
