import Yams

/// The answer fields of text, number and matching questions, including the weighted
/// answers question banks use (GIFT's `=%50%answer`).
extension QuestionParser {
  /// `accept:` holds answers worth full marks, or `{text, weight, feedback}` for others,
  /// with `pattern` in place of `text` for an answer matched by a regular expression.
  static func parseText(_ map: inout YAMLMap) -> Question.Kind? {
    var options: [Question.TextOption] = []
    var problems: [Diagnostic] = []
    let entries: [Node]
    if case .scalar? = map["accept"] { entries = map["accept"].map { [$0] } ?? [] } else { entries = map.sequence("accept") }
    for node in entries {
      if case .scalar(let scalar) = node {
        options.append(Question.TextOption(text: scalar.string))
      } else if var entry = YAMLMap(node, file: map.file, what: "an accepted answer", problems: &problems) {
        entry.rejectUnknownKeys(allowed: ["text", "pattern", "weight", "feedback"], what: "an accepted answer")
        // `pattern` (a regular expression, as GIFT's `=%50%*phish*` reads) or `text`.
        let pattern = entry.string("pattern")
        if let pattern, (try? Regex(pattern)) == nil {
          entry.error("`pattern` is not a valid regular expression", at: entry.valueLocation(of: "pattern"))
        }
        if let text = pattern == nil ? entry.string("text", required: true) : entry.string("text") ?? "" {
          options.append(
            Question.TextOption(
              text: text, weight: weight(&entry) ?? 100, feedback: entry.string("feedback"), pattern: pattern))
        }
        problems += entry.diagnostics
      }
    }
    relay(problems, into: &map)
    let pattern = map.string("pattern")
    if !options.contains(where: { $0.weight >= 100 }) && pattern == nil {
      map.error("a text question needs at least one `accept:` answer worth full marks (or a `pattern:`)")
      return nil
    }
    if let pattern, (try? Regex(pattern)) == nil {
      map.error("`pattern` is not a valid regular expression", at: map.valueLocation(of: "pattern"))
    }
    return .text(.init(options: options, pattern: pattern, forgivesTypos: map.bool("typos") ?? true))
  }

  /// `answer:` (with `tolerance:`), or `answers:` listing `{answer, tolerance}` or
  /// `{min, max}` ranges with `weight` and `feedback`.
  static func parseNumber(_ map: inout YAMLMap) -> Question.Kind? {
    let unit = map.string("unit")
    guard map.has("answers") else {
      guard let answer = map.double("answer", required: true) else { return nil }
      let tolerance = map.double("tolerance") ?? 0
      if tolerance < 0 { map.error("`tolerance` must not be negative", at: map.valueLocation(of: "tolerance")) }
      return .number(answer: answer, tolerance: abs(tolerance), unit: unit)
    }
    var options: [Question.NumericOption] = []
    var problems: [Diagnostic] = []
    for node in map.sequence("answers") {
      guard var entry = YAMLMap(node, file: map.file, what: "a numeric answer", problems: &problems) else { continue }
      entry.rejectUnknownKeys(allowed: ["answer", "tolerance", "min", "max", "weight", "feedback"], what: "a numeric answer")
      let weight = weight(&entry) ?? 100
      let feedback = entry.string("feedback")
      if let minimum = entry.double("min"), let maximum = entry.double("max") {
        options.append(.init(minimum: minimum, maximum: maximum, weight: weight, feedback: feedback))
      } else if let answer = entry.double("answer", required: !entry.has("min")) {
        options.append(.init(value: answer, tolerance: entry.double("tolerance") ?? 0, weight: weight, feedback: feedback))
      } else if entry.has("min") || entry.has("max") {
        entry.error("a range needs both `min` and `max`")
      }
      problems += entry.diagnostics
    }
    relay(problems, into: &map)
    guard options.contains(where: { $0.weight >= 100 }) else {
      map.error("a number question needs one answer worth full marks (weight 100)", at: map.location(of: "answers"))
      return nil
    }
    return .number(.init(options: options, unit: unit))
  }

  /// `pairs:` of `{left, right}`; the right sides are shown shuffled and lettered.
  static func parseMatching(_ map: inout YAMLMap) -> Question.Kind? {
    var pairs: [Question.MatchPair] = []
    var problems: [Diagnostic] = []
    for node in map.sequence("pairs", required: true) {
      guard var entry = YAMLMap(node, file: map.file, what: "a pair", problems: &problems) else { continue }
      entry.rejectUnknownKeys(allowed: ["left", "right"], what: "a pair")
      // A pair without `left` is a distractor: an answer offered that matches nothing.
      if let right = entry.string("right", required: true) {
        pairs.append(.init(left: entry.string("left") ?? "", right: right))
      }
      problems += entry.diagnostics
    }
    relay(problems, into: &map)
    if pairs.filter({ !$0.isDistractor }).count < 2 {
      map.error("a matching question needs at least two `pairs` with a `left`", at: map.location(of: "pairs"))
      return nil
    }
    if Set(pairs.map(\.right)).count > 26 { map.error("at most 26 different right-hand items (they are lettered a to z)") }
    return .matching(pairs)
  }

  private static func weight(_ entry: inout YAMLMap) -> Double? {
    guard let weight = entry.double("weight") else { return nil }
    if !(-100...100).contains(weight) {
      entry.error("`weight` is a percentage from -100 to 100", at: entry.valueLocation(of: "weight"))
    }
    return weight
  }

  /// Moves problems found in nested mappings onto the question's map.
  static func relay(_ problems: [Diagnostic], into map: inout YAMLMap) {
    for problem in problems {
      if problem.severity == .error {
        map.error(problem.message, at: problem.location)
      } else {
        map.warning(problem.message, at: problem.location)
      }
    }
  }
}
