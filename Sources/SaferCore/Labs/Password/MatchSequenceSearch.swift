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
    var sequence: [PasswordMatch]
  }

  /// The best sequence ending at one position with one length: its last match, the
  /// product of its guesses, and its whole cost.
  private struct Best {
    var match: PasswordMatch
    var product: Double
    var cost: Double
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
    var byEnd = Array(repeating: [PasswordMatch](), count: count)
    for match in matches { byEnd[match.end].append(match) }
    for end in byEnd.indices {
      byEnd[end] = byEnd[end].enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
        .map(\.element)
    }
    var table = Table(count: count)

    func consider(_ candidate: PasswordMatch, length: Int) {
      var match = candidate
      let guesses = match.guesses ?? GuessEstimator.guesses(for: match, passwordLength: count)
      match.guesses = guesses
      var product = guesses
      if length > 1, let before = table[match.start - 1, length - 1] { product *= before.product }
      var cost = factorial(length) * product
      cost += pow(minimumGuessesBeforeGrowingSequence, Double(length - 1))
      // A sequence no longer than this one that costs no more wins.
      for (other, best) in table.entries[match.end] where other <= length && best.cost <= cost { return }
      table.set(Best(match: match, product: product, cost: cost), end: match.end, length: length)
    }

    func bruteforce(_ start: Int, _ end: Int) -> PasswordMatch {
      PasswordMatch(start: start, end: end, token: password.token(start, end), pattern: .bruteforce)
    }

    for end in 0..<count {
      for match in byEnd[end] {
        if match.start > 0 {
          for (length, _) in table.entries[match.start - 1] { consider(match, length: length + 1) }
        } else {
          consider(match, length: 1)
        }
      }
      // Brute force from the start, or after a sequence that does not end in brute force
      // (two in a row are always worse than one over both).
      consider(bruteforce(0, end), length: 1)
      if end >= 1 {
        for start in 1...end {
          let filler = bruteforce(start, end)
          for (length, best) in table.entries[start - 1] where best.match.pattern != .bruteforce {
            consider(filler, length: length + 1)
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
      sequence.insert(best.match, at: 0)
      end = best.match.start - 1
      length -= 1
    }
    return Result(guesses: chosen.best.cost, sequence: sequence)
  }

  static func factorial(_ n: Int) -> Double {
    n < 2 ? 1 : (2...n).reduce(1.0) { $0 * Double($1) }
  }
}
