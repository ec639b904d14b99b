/// Reads Moodle's GIFT format: question banks many teachers already have.
///
/// ```text
/// $CATEGORY: passwords/basics
///
/// ::Strongest:: Which password is hardest to guess? {
///   ~P@ssw0rd1!#Symbol swaps are among the first guesses.
///   =purple tractor sings at dawn#Long and random.
///   ####Length beats cleverness.
/// }
/// ```
///
/// Questions are separated by blank lines and read as Moodle's importer reads them (see
/// `GIFTQuestionReader`). The file becomes a question bank: every question a step, every
/// description (text without an answer block) an explanation step. A question Moodle
/// would reject, or that Safer Shell cannot use, is reported with its place and the
/// rest of the file still loads.
public enum GIFTParser {
  /// A GIFT file as a question bank; every problem as a Diagnostic, never a throw.
  ///
  /// Question ids come from titles (`::Strongest::` → `strongest`), else `q<N>` for the
  /// Nth question of the file (counting questions that were left out, so fixing one does
  /// not renumber the others); repeats get `-2`, `-3`.
  public static func parse(text: String, file: String, contentVersion: String) -> (Lesson?, [Diagnostic]) {
    var reader = GIFTQuestionReader(file: file)
    var steps: [Step] = []
    var usedIDs: Set<String> = ["end"]  // `end` is reserved for `next: end`
    var category: String?
    var number = 0
    var sawCategory = false
    for block in GIFTSource.blocks(in: text) {
      switch reader.read(block) {
      case nil:
        continue
      case .category(let path):
        category = path
        sawCategory = true
      case .description(let text, let location, let title):
        var step = Step(content: .explain(text), location: location)
        step.title = title
        steps.append(step)
      case .rejected:
        number += 1
      case .question(var question):
        number += 1
        let base = question.title.map { IdentifierRules.slug($0, fallback: "q\(number)") } ?? "q\(number)"
        var id = base
        var suffix = 2
        while usedIDs.contains(id) {
          let tail = "-\(suffix)"  // ids stay within IdentifierRules' 64 characters
          id = String(base.prefix(64 - tail.count)) + tail
          suffix += 1
        }
        usedIDs.insert(id)
        question.id = id
        question.hasGeneratedID = question.title == nil
        question.category = category
        (question.idNumber, question.tags) = GIFTMetadata.extract(from: block.comments)
        steps.append(Step(id: id, content: .question(question), location: question.location))
      }
    }
    var diagnostics = reader.diagnostics
    guard steps.contains(where: { $0.question != nil }) else {
      // Only categories or descriptions: Moodle imports such a file (it makes the
      // categories), so it is no error here either, just nothing to quiz.
      if sawCategory || !steps.isEmpty, !diagnostics.contains(where: { $0.severity == .error }) {
        diagnostics.append(
          Diagnostic(
            .warning, at: SourceLocation(file: file, line: 1, column: 1),
            "this file holds no questions (only \(steps.isEmpty ? "categories" : "descriptions")): Moodle imports it, and there is nothing to quiz"
          ))
        return (nil, diagnostics)
      }
      if !diagnostics.contains(where: { $0.severity == .error }) {
        diagnostics.append(
          Diagnostic(
            .error, at: SourceLocation(file: file, line: 1, column: 1),
            "no GIFT questions in this file: a question is text with an answer block, like `Is it safe? {F}`"))
      }
      return (nil, diagnostics)
    }
    return (QuestionBank.lesson(file: file, contentVersion: contentVersion, steps: steps), diagnostics)
  }
}
