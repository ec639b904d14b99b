/// Reads the Aiken format: simple multiple-choice banks many teachers keep.
///
/// ```text
/// Which link belongs to evil.io?
/// A. https://evil.io.example.com
/// B) https://bank.al.evil.io
/// ANSWER: B
/// ```
///
/// A question is one line, then two or more options lettered `A.` or `A)` (a space
/// after is optional, as in Moodle), then `ANSWER: X`. Questions are separated by blank lines (Moodle also accepts none). A bad
/// question is reported and skipped; the rest of the file still loads.
public enum AikenParser {
  public static func parse(text: String, file: String, contentVersion: String) -> (Lesson?, [Diagnostic]) {
    var problems: [Diagnostic] = []
    var steps: [Step] = []
    var current: Draft?
    var usedIDs: Set<String> = []
    // "\r\n" is one Character in Swift, so Windows line endings are unified first.
    var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }

    func at(_ line: Int, _ column: Int = 1) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    func finish(_ draft: Draft) {
      guard draft.answer != nil || !draft.options.isEmpty else {
        problems.append(
          Diagnostic(
            .error, at: at(draft.line),
            "question has no options and no `ANSWER:` line; Moodle would skip it. Add lines like `A. …` and `ANSWER: A`"))
        return
      }
      if draft.options.count < 2 {
        problems.append(
          Diagnostic(
            .error, at: at(draft.line), "a question needs at least two options (`A. …`, `B. …`); found \(draft.options.count)"))
        return
      }
      guard let answer = draft.answer else {
        problems.append(
          Diagnostic(.error, at: at(draft.line), "no `ANSWER:` line after the options of this question; Moodle would reject it"))
        return
      }
      guard let index = draft.options.firstIndex(where: { $0.letter == answer.letter }) else {
        let letters = draft.options.map { String($0.letter) }.joined(separator: ", ")
        problems.append(
          Diagnostic(
            .error, at: at(answer.line, answer.column), "`ANSWER: \(answer.letter)` names no option; the options are \(letters)"))
        return
      }
      var id = "q\(steps.count + 1)"
      var suffix = 2
      while usedIDs.contains(id) {
        id = "q\(steps.count + 1)-\(suffix)"
        suffix += 1
      }
      usedIDs.insert(id)
      let choices = draft.options.enumerated().map { offset, option in
        Choice(text: option.text, isCorrect: offset == index)
      }
      var question = Question(id: id, kind: .single(choices), prompt: draft.prompt, location: at(draft.line))
      question.hasGeneratedID = true  // Aiken has no question names
      steps.append(Step(id: id, content: .question(question), location: at(draft.line)))
    }

    for (offset, raw) in lines.enumerated() {
      let number = offset + 1
      let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      if let answer = Self.answerLine(trimmed) {
        guard var draft = current else {
          problems.append(Diagnostic(.error, at: at(number), "`ANSWER:` without a question before it"))
          continue
        }
        guard let letter = answer else {
          problems.append(
            Diagnostic(.error, at: at(number), "`ANSWER:` must be followed by one option letter, like `ANSWER: B`"))
          current = nil
          continue
        }
        let column = (line.lastIndex { !$0.isWhitespace }.map { line.distance(from: line.startIndex, to: $0) } ?? 0) + 1
        draft.answer = (letter, number, column)
        finish(draft)
        current = nil
      } else if let option = Self.optionLine(trimmed), current != nil {
        if let previous = current?.options.last, option.letter.asciiValue != (previous.letter.asciiValue ?? 0) + 1 {
          problems.append(
            Diagnostic(
              .warning, at: at(number),
              "option `\(option.letter)` follows `\(previous.letter)`; Aiken options go A, B, C… in order"))
        }
        current?.options.append(option)
      } else if var draft = current, draft.options.isEmpty {
        // Moodle wants the question on one line; a second line is kept as part of it.
        draft.prompt += "\n" + line
        current = draft
      } else {
        if let draft = current {
          problems.append(
            Diagnostic(.error, at: at(draft.line), "no `ANSWER:` line after the options of this question; Moodle would reject it")
          )
        }
        current = Draft(prompt: line, line: number)
      }
    }
    if let draft = current { finish(draft) }
    guard !steps.isEmpty else {
      if problems.isEmpty { problems.append(Diagnostic(.error, at: at(1), "no Aiken questions found in this file")) }
      return (nil, problems)
    }
    var lesson = QuestionBank.lesson(file: file, contentVersion: contentVersion, steps: steps)
    lesson.isBank = true
    return (lesson, problems)
  }

  struct Option {
    var letter: Character
    var text: String
  }

  struct Draft {
    var prompt: String
    var line: Int
    var options: [Option] = []
    var answer: (letter: Character, line: Int, column: Int)?
  }

  /// An option as Moodle's importer reads one: a capital letter, `.` or `)`, then the text,
  /// with or without a space between (`A. text`, `A) text`, `A)text`, `B.No`).
  static func optionLine(_ line: String) -> Option? {
    let characters = Array(line)
    guard characters.count >= 2, let letter = characters.first, letter.isASCII, letter.isUppercase,
      characters[1] == "." || characters[1] == ")"
    else { return nil }
    return Option(letter: letter, text: String(characters[2...]).trimmingCharacters(in: .whitespaces))
  }

  /// `ANSWER: B` → `B`. As in Moodle, the first character after the colon is the letter, so
  /// `ANSWER: B) yes` names B. `ANSWER:` without a letter → `.some(nil)`; other lines → `nil`.
  static func answerLine(_ line: String) -> Character?? {
    guard line.uppercased().hasPrefix("ANSWER:") else { return nil }
    let rest = line.dropFirst(7).trimmingCharacters(in: .whitespaces)
    guard let letter = rest.first, letter.isASCII, letter.isLetter else { return .some(nil) }
    return .some(Character(letter.uppercased()))
  }
}
