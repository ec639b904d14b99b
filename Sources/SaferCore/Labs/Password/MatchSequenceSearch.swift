import Foundation

/// Picks, among all the matches found, the sequence covering the password that an
/// attacker would reach first: zxcvbn's minimum-guesses search (Wheeler 2016, section 4.2).
///
/// A sequence of `l` matches costs `l! × (product of their guesses) + 10000^(l-1)`: the
/// matches could come in any order, and an attacker tries shorter sequences first. Gaps
/// between matches are filled with brute force. Dynamic programming over prefixes keeps,
/// for each end position and each sequence length, only the best sequence found so far.
enum MatchSequenceSearch {
  /// The penalty base for each match added to a sequence.
  static let minimumGuessesBeforeGrowingSequence = 10_000.0

  struct Result {
    var guesses: Double
    /// The chosen matches, each with its `guesses` filled in.
    var sequence: [PasswordMatch]
  }

  /// The last step of a sequence: a found match (by index), or brute force from `start`.
  private enum Step {
    case match(Int)
    case bruteforce(start: Int)
  }

  /// The best sequence ending at one position with one length: its last step, the
  /// product of its guesses, and its whole cost.
  private struct Best {
    var step: Step
    var start: Int
    var product: Double
    var cost: Double

    var isBruteforce: Bool {
      if case .bruteforce = step { return true }
      return false
    }
  }

  /// Best sequences ending at each position, by length, in the order their lengths first
  /// appeared (which decides ties, as in zxcvbn).
  private struct Table {
    var entries: [[(length: Int, best: Best)]]

    init(count: Int) { entries = Array(repeating: [], count: count) }

    subscript(end: Int, length: Int) -> Best? {
      entries[end].first { $0.length == length }?.best
    }

    mutating func set(_ best: Best, end: Int, length: Int) {
      if let index = entries[end].firstIndex(where: { $0.length == length }) {
        entries[end][index].best = best
      } else {
        entries[end].append((length, best))
      }
    }
  }

  static func minimumGuesses(for password: PasswordText, matches: [PasswordMatch]) -> Result {
    let count = password.count
    guard count > 0 else { return Result(guesses: 1, sequence: []) }
    // Each match's guesses once; matches by where they end, then by where they start.
    let guesses = matches.map { GuessEstimator.guesses(for: $0, passwordLength: count) }
    var byEnd = Array(repeating: [Int](), count: count)
    for index in matches.indices { byEnd[matches[index].end].append(index) }
    for end in byEnd.indices {
      byEnd[end].sort { (matches[$0].start, $0) < (matches[$1].start, $1) }
    }
    // l! and 10000^(l-1), for every length a sequence can have.
    var factorials = [1.0]
    var penalties = [1.0]
    for length in 1...count + 1 {
      factorials.append(factorials[length - 1] * Double(length))
      penalties.append(penalties[length - 1] * minimumGuessesBeforeGrowingSequence)
    }
    var table = Table(count: count)

    func consider(_ step: Step, start: Int, end: Int, guesses: Double, length: Int) {
      var product = guesses
      if length > 1, let before = table[start - 1, length - 1] { product *= before.product }
      let cost = factorials[length] * product + penalties[length - 1]
      // A sequence no longer than this one that costs no more wins.
      for (other, best) in table.entries[end] where other <= length && best.cost <= cost { return }
      table.set(Best(step: step, start: start, product: product, cost: cost), end: end, length: length)
    }

    for end in 0..<count {
      for index in byEnd[end] {
        let start = matches[index].start
        if start > 0 {
          for (length, _) in table.entries[start - 1] {
            consider(.match(index), start: start, end: end, guesses: guesses[index], length: length + 1)
          }
        } else {
          consider(.match(index), start: 0, end: end, guesses: guesses[index], length: 1)
        }
      }
      // Brute force from the start, or after a sequence that does not end in brute force
      // (two in a row are always worse than one over both).
      consider(
        .bruteforce(start: 0), start: 0, end: end,
        guesses: GuessEstimator.bruteforceGuesses(length: end + 1, passwordLength: count), length: 1)
      if end >= 1 {
        for start in 1...end {
          let fill = GuessEstimator.bruteforceGuesses(length: end - start + 1, passwordLength: count)
          for (length, best) in table.entries[start - 1] where !best.isBruteforce {
            consider(.bruteforce(start: start), start: start, end: end, guesses: fill, length: length + 1)
          }
        }
      }
    }

    // Unwind from the cheapest sequence over the whole password.
    let last = table.entries[count - 1]
    guard var chosen = last.first else { return Result(guesses: 1, sequence: []) }
    for entry in last.dropFirst() where entry.best.cost < chosen.best.cost { chosen = entry }
    var sequence: [PasswordMatch] = []
    var end = count - 1
    var length = chosen.length
    while end >= 0, let best = table[end, length] {
      var match: PasswordMatch
      switch best.step {
      case .match(let index):
        match = matches[index]
        match.guesses = guesses[index]
      case .bruteforce(let start):
        match = PasswordMatch(start: start, end: end, token: password.token(start, end), pattern: .bruteforce)
        match.guesses = GuessEstimator.bruteforceGuesses(length: end - start + 1, passwordLength: count)
      }
      sequence.insert(match, at: 0)
      end = best.start - 1
      length -= 1
    }
    return Result(guesses: chosen.best.cost, sequence: sequence)
  }
}
