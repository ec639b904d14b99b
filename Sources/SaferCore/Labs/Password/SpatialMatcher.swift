/// Finds keyboard walks (`qwerty`, `zxcvbn`, `1qaz2wsx`, `7410`): runs of three or more
/// keys where each key touches the one before on some layout.
///
/// Turns (changes of direction) and shifted keys are counted, since they are what makes a
/// walk harder to guess.
enum SpatialMatcher {
  /// Characters typed with Shift on a US keyboard.
  static let shiftedCharacters = Set(#"~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?"#.unicodeScalars)

  static func matches(in password: PasswordText) -> [PasswordMatch] {
    KeyboardGraph.all.flatMap { walks(in: password, on: $0) }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
  }

  static func walks(in password: PasswordText, on graph: KeyboardGraph) -> [PasswordMatch] {
    let characters = password.scalars
    var matches: [PasswordMatch] = []
    var start = 0
    while start < characters.count - 1 {
      var next = start + 1
      var lastDirection: Int?
      var turns = 0
      var shifted = graph.hasShift && shiftedCharacters.contains(characters[start]) ? 1 : 0
      while true {
        var found = false
        if next < characters.count, let around = graph.neighbours[characters[next - 1]] {
          for (direction, key) in around.enumerated() {
            guard let position = key.firstIndex(of: characters[next]) else { continue }
            found = true
            // The second character of a key is its shifted one (`@` on `2@`).
            if position == 1 { shifted += 1 }
            // The first step counts as a turn: every walk starts with one.
            if lastDirection != direction {
              turns += 1
              lastDirection = direction
            }
            break
          }
        }
        if found {
          next += 1
          continue
        }
        if next - start > 2 {
          matches.append(
            PasswordMatch(
              start: start, end: next - 1, token: password.token(start, next - 1),
              pattern: .spatial(graph: graph.name, turns: turns, shifted: shifted)))
        }
        start = next
        break
      }
    }
    return matches
  }
}
