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
  if !diagnostics.contains(where: { $0.severity == .error }) { checkRoundTrip(lesson) }
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

/// A bank without errors, written as GIFT and read back, is the same bank (what `safer
/// convert` promises), and writing that again gives the same file; unless the writer said
/// it left something out (a short answer holding `->`, which GIFT cannot write).
private func checkRoundTrip(_ lesson: Lesson) {
  let (gift, warnings) = GIFTWriter.write(lesson)
  guard !warnings.contains(where: { $0.message.contains("left out") }) else { return }
  let (again, problems) = GIFTParser.parse(text: gift, file: "fuzz.gift", contentVersion: "fuzz")
  precondition(!problems.contains { $0.severity == .error }, "the written bank has errors: \(problems)\n\(gift)")
  guard let again else { preconditionFailure("the written bank reads as nothing:\n\(gift)") }
  precondition(again.steps.map(\.placeless) == lesson.steps.map(\.placeless), "the bank changed on the way:\n\(gift)")
  precondition(GIFTWriter.write(again).text == gift, "writing it again gives another file:\n\(gift)")
}

private func check(_ question: Question) {
  precondition(question.location != nil && !question.prompt.isEmpty)
  switch question.kind {
  case .single(let choices), .multiple(let choices):
    precondition((2...Question.maximumChoices).contains(choices.count), "choices: \(choices.count)")
    precondition(choices.contains(where: \.isCorrect), "no right choice")
    precondition(choices.allSatisfy { !$0.text.isEmpty })
  case .text(let answer):
    for pattern in [answer.pattern] + answer.options.map(\.pattern) {
      if let pattern { precondition((try? Regex(pattern)) != nil, "pattern does not compile: \(pattern)") }
    }
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
