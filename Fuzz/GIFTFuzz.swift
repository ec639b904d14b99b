// The libFuzzer entry point for the question-bank parsers (GIFT and Aiken).
//
// Built by scripts/fuzz.sh together with the SaferCore sources the parsers need, as one
// module, so it can check internal invariants too. Not part of the Swift package: the
// normal `swift build` and `swift test` never see it. See docs/fuzzing.md.

/// Parses the input as GIFT and as Aiken and checks what every bank must satisfy, and
/// checks HTMLToText's shortcut against its full conversion; a broken promise stops the
/// fuzzer like a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let (gift, giftProblems) = GIFTParser.parse(text: text, file: "fuzz.gift", contentVersion: "fuzz")
  check(gift, giftProblems)
  let (aiken, aikenProblems) = AikenParser.parse(text: text, file: "fuzz.aiken", contentVersion: "fuzz")
  check(aiken, aikenProblems)
  for (keepsLineBreaks, markup) in [(false, true), (true, true), (false, false)] {
    let quick = HTMLToText.convert(text, keepsLineBreaks: keepsLineBreaks, markup: markup)
    let full = HTMLToText.convertTags(text, keepsLineBreaks: keepsLineBreaks, markup: markup)
    precondition(quick == full, "HTMLToText's shortcut disagrees: \(quick.debugDescription) vs \(full.debugDescription)")
  }
  return 0
}

private func check(_ lesson: Lesson?, _ diagnostics: [Diagnostic]) {
  for diagnostic in diagnostics {
    precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "bad place: \(diagnostic)")
    precondition(!diagnostic.message.isEmpty)
  }
  guard let lesson else {
    precondition(
      diagnostics.contains { $0.severity == .error || $0.message.hasPrefix("this file holds no questions") },
      "no bank and no error")
    return
  }
  precondition(lesson.isBank && !lesson.questions.isEmpty)
  var ids: Set<String> = []
  for step in lesson.steps {
    if let id = step.id {
      precondition(IdentifierRules.isValid(id), "bad id \(id)")
      precondition(ids.insert(id).inserted, "duplicate id \(id)")
    }
    if case .explain(let text) = step.content { precondition(!text.isEmpty) }
  }
  for question in lesson.questions {
    check(question)
  }
}

private func check(_ question: Question) {
  precondition(question.location != nil && !question.prompt.isEmpty)
  switch question.kind {
  case .single(let choices), .multiple(let choices):
    precondition((2...26).contains(choices.count), "choices: \(choices.count)")
    precondition(choices.contains(where: \.isCorrect), "no right choice")
    precondition(choices.allSatisfy { !$0.text.isEmpty })
  case .text(let answer):
    if let pattern = answer.pattern { precondition((try? Regex(pattern)) != nil, "pattern does not compile: \(pattern)") }
    precondition(answer.pattern != nil || !answer.accepted.isEmpty)
  case .number(let answer):
    precondition(!answer.options.isEmpty)
    precondition(answer.options.allSatisfy { $0.minimum.isFinite && $0.maximum.isFinite && $0.minimum <= $0.maximum })
  case .matching(let pairs):
    // Two pairs at least with text on both sides; distractors (no left) have a right side.
    precondition(pairs.filter { !$0.isDistractor }.count >= 2 && pairs.allSatisfy { !$0.right.isEmpty })
  case .trueFalse, .essay, .order, .scenario:
    break
  }
  _ = Grader.rightAnswer(of: question)
  for response in ["a", "b c", "1", "true", "3.5", "1a 2b", "phishing", "zz"] {
    _ = try? Grader.grade(response, to: question)
  }
}
