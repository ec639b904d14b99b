/// Finds dates: day, month and a 2- or 4-digit year in some order, either run together
/// (`13101995`, `1191`) or split by the same separator twice (`13.10.95`, `1995-10-13`).
///
/// Like zxcvbn it is not a calendar (31 February passes); among readings of the same
/// digits it keeps the year nearest the reference year, and it drops a date found inside
/// a longer one.
enum DateMatcher {
  static let minimumYear = 1000
  static let maximumYear = 2050

  /// Where digits without separators may be split into three numbers, by length: each
  /// pair is where the second and the third number start.
  static let splits: [Int: [(Int, Int)]] = [
    4: [(1, 2), (2, 3)],
    5: [(1, 3), (2, 3)],
    6: [(1, 2), (2, 4), (4, 5)],
    7: [(1, 3), (2, 3), (4, 5), (4, 6)],
    8: [(2, 4), (4, 6)],
  ]

  struct Day: Equatable {
    var year: Int
    var month: Int
    var day: Int
  }

  static func matches(in password: PasswordText) -> [PasswordMatch] {
    let found = withoutSeparators(in: password) + withSeparators(in: password)
    let kept = found.enumerated().filter { index, match in
      !found.enumerated().contains { other, outer in
        other != index && outer.start <= match.start && outer.end >= match.end
      }
    }
    return kept.map(\.element).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
  }

  private static func withoutSeparators(in password: PasswordText) -> [PasswordMatch] {
    let characters = password.scalars
    var matches: [PasswordMatch] = []
    for start in 0..<max(0, characters.count - 3) {
      for end in start + 3..<min(characters.count, start + 8) {
        let token = characters[start...end]
        guard token.allSatisfy({ PasswordText.digit($0) != nil }), let cuts = splits[token.count] else { continue }
        let candidates = cuts.compactMap { first, second -> Day? in
          let base = token.startIndex
          guard let a = PasswordText.number(token[base..<base + first]),
            let b = PasswordText.number(token[base + first..<base + second]),
            let c = PasswordText.number(token[(base + second)...])
          else { return nil }
          return day(from: [a, b, c])
        }
        // The reading with the year nearest the reference year; the first on a tie.
        guard let best = candidates.min(by: { distance($0) < distance($1) }) else { continue }
        matches.append(date(best, start, end, separator: "", in: password))
      }
    }
    return matches
  }

  private static func withSeparators(in password: PasswordText) -> [PasswordMatch] {
    let characters = password.scalars
    var matches: [PasswordMatch] = []
    for start in 0..<max(0, characters.count - 5) {
      for end in start + 5..<min(characters.count, start + 10) {
        guard let (numbers, separator) = separated(Array(characters[start...end])), let best = day(from: numbers) else {
          continue
        }
        matches.append(date(best, start, end, separator: separator, in: password))
      }
    }
    return matches
  }

  /// `1-4 digits, separator, 1-2 digits, the same separator, 1-4 digits`, read as numbers.
  static func separated(_ token: [Unicode.Scalar]) -> (numbers: [Int], separator: String)? {
    func digitRun(from index: Int) -> Int {
      var end = index
      while end < token.count, PasswordText.digit(token[end]) != nil { end += 1 }
      return end - index
    }
    let first = digitRun(from: 0)
    guard (1...4).contains(first), first < token.count else { return nil }
    let separator = token[first]
    guard PasswordText.isSpace(separator) || "/\\_.-".unicodeScalars.contains(separator) else { return nil }
    let second = digitRun(from: first + 1)
    let secondEnd = first + 1 + second
    guard (1...2).contains(second), secondEnd < token.count, token[secondEnd] == separator else { return nil }
    let third = digitRun(from: secondEnd + 1)
    guard (1...4).contains(third), secondEnd + 1 + third == token.count,
      let a = PasswordText.number(token[0..<first]),
      let b = PasswordText.number(token[first + 1..<secondEnd]),
      let c = PasswordText.number(token[(secondEnd + 1)...])
    else { return nil }
    return ([a, b, c], String(separator))
  }

  /// Reads three numbers as a date, or refuses them (a middle number over 31, two
  /// numbers that cannot be days, a number that is neither a day, a month nor a year).
  static func day(from numbers: [Int]) -> Day? {
    guard numbers.count == 3, (1...31).contains(numbers[1]) else { return nil }
    var over12 = 0
    var over31 = 0
    var under1 = 0
    for number in numbers {
      if (100..<minimumYear).contains(number) || number > maximumYear { return nil }
      if number > 31 { over31 += 1 }
      if number > 12 { over12 += 1 }
      if number <= 0 { under1 += 1 }
    }
    guard over31 < 2, over12 < 3, under1 < 2 else { return nil }
    let orders = [(numbers[2], [numbers[0], numbers[1]]), (numbers[0], [numbers[1], numbers[2]])]
    // A four-digit year decides: the other two must then be a day and a month.
    for (year, rest) in orders where (minimumYear...maximumYear).contains(year) {
      guard let (day, month) = dayAndMonth(rest) else { return nil }
      return Day(year: year, month: month, day: day)
    }
    for (year, rest) in orders {
      if let (day, month) = dayAndMonth(rest) {
        return Day(year: fourDigitYear(year), month: month, day: day)
      }
    }
    return nil
  }

  private static func dayAndMonth(_ pair: [Int]) -> (Int, Int)? {
    for (day, month) in [(pair[0], pair[1]), (pair[1], pair[0])] where (1...31).contains(day) && (1...12).contains(month) {
      return (day, month)
    }
    return nil
  }

  /// `87` is 1987, `15` is 2015.
  static func fourDigitYear(_ year: Int) -> Int {
    year > 99 ? year : year > 50 ? year + 1900 : year + 2000
  }

  private static func distance(_ day: Day) -> Int { abs(day.year - GuessEstimator.referenceYear) }

  private static func date(_ day: Day, _ start: Int, _ end: Int, separator: String, in password: PasswordText)
    -> PasswordMatch
  {
    PasswordMatch(
      start: start, end: end, token: password.token(start, end),
      pattern: .date(year: day.year, month: day.month, day: day.day, separator: separator))
  }
}
