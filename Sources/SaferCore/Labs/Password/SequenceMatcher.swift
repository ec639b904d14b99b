/// Finds sequences: characters a fixed step of 1 to 5 code points apart, up or down
/// (`abcd`, `9753`, `ZYX`), in any script.
enum SequenceMatcher {
  static let maximumStep = 5

  static func matches(in password: PasswordText) -> [PasswordMatch] {
    let characters = password.scalars
    guard characters.count > 1 else { return [] }
    var matches: [PasswordMatch] = []
    var start = 0
    var lastStep: Int?
    for index in 1..<characters.count {
      let step = Int(characters[index].value) - Int(characters[index - 1].value)
      let previous = lastStep ?? step
      lastStep = previous
      if step == previous { continue }
      add(start, index - 1, step: previous, in: password, to: &matches)
      start = index - 1
      lastStep = step
    }
    add(start, characters.count - 1, step: lastStep ?? 0, in: password, to: &matches)
    return matches
  }

  /// Keeps a run of three or more, or of two one step apart.
  private static func add(_ start: Int, _ end: Int, step: Int, in password: PasswordText, to matches: inout [PasswordMatch]) {
    guard end - start > 1 || abs(step) == 1, step != 0, abs(step) <= maximumStep else { return }
    let run = password.scalars[start...end]
    let kind: PasswordMatch.SequenceKind
    if run.allSatisfy(PasswordText.isASCIILower) {
      kind = .lower
    } else if run.allSatisfy(PasswordText.isASCIIUpper) {
      kind = .upper
    } else if run.allSatisfy({ PasswordText.digit($0) != nil }) {
      kind = .digits
    } else {
      kind = .unicode
    }
    matches.append(
      PasswordMatch(
        start: start, end: end, token: password.token(start, end), pattern: .sequence(kind: kind, ascending: step > 0)))
  }
}
