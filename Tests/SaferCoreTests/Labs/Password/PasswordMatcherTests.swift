import Testing

@testable import SaferCore

/// Each matcher on its own: what it finds, where, and what it records about it.
@Suite("Password matchers")
struct PasswordMatcherTests {
  private func text(_ password: String) -> PasswordText { PasswordText(password) }

  private func spans(_ matches: [PasswordMatch]) -> [String] { matches.map { "\($0.start)-\($0.end) \($0.token)" } }

  @Test func dictionaryFindsWordsInAnyCaseWithTheirRank() throws {
    let matches = DictionaryMatcher.matches(in: text("xPassWordx"), userWords: .none)
    let password = try #require(matches.first { $0.token == "PassWord" })
    #expect(password.start == 1 && password.end == 8)
    guard case .dictionary(let word) = password.pattern else { throw Failure.wrongPattern }
    #expect(word.list == .passwords && word.rank == 2 && word.word == "password" && !word.reversed)
  }

  @Test func reversedWordsKeepThePasswordsOrder() throws {
    let matches = DictionaryMatcher.reversedMatches(in: text("1drowssap"), userWords: .none)
    let match = try #require(matches.first { $0.token == "drowssap" })
    #expect(match.start == 1 && match.end == 8)
    guard case .dictionary(let word) = match.pattern else { throw Failure.wrongPattern }
    #expect(word.reversed && word.word == "password")
  }

  @Test func leetReadsEachTypedCharacterAsOneLetter() throws {
    let matches = LeetMatcher.matches(in: text("p4$$w0rd"), userWords: .none)
    let match = try #require(matches.first { $0.start == 0 && $0.end == 7 })
    guard case .dictionary(let word) = match.pattern else { throw Failure.wrongPattern }
    #expect(word.word == "password")
    #expect(Set(word.substitutions.map { "\($0.typed)\($0.letter)" }) == ["4a", "$s", "0o"])
    // `1` can be `i` or `l`: both readings are tried.
    let readings = LeetMatcher.readings(of: text("1"))
    #expect(Set(readings.map { $0.map { "\($0.letter)" }.joined() }) == ["i", "l"])
    #expect(LeetMatcher.matches(in: text("password"), userWords: .none).isEmpty, "no substitution, no l33t match")
  }

  @Test(arguments: [
    ("qwerty", "qwerty", 1, 0), ("zxcvfrewq", "qwerty", 3, 0), ("1q2w3e", "qwerty", 5, 0), ("QWErty", "qwerty", 1, 3),
    ("!@#$%^", "qwerty", 1, 6),
    ("aoeuidhtns", "dvorak", 1, 0), ("7412369", "keypad", 3, 0),
  ])
  func keyboardWalksCountTurnsAndShiftedKeys(password: String, graph: String, turns: Int, shifted: Int) throws {
    let matches = SpatialMatcher.matches(in: text(password)).filter {
      if case .spatial(graph, _, _) = $0.pattern { return $0.length == password.count }
      return false
    }
    let match = try #require(matches.first, "\(password) on \(graph)")
    #expect(match.pattern == .spatial(graph: graph, turns: turns, shifted: shifted))
  }

  @Test func repeatsFindTheirShortestBase() throws {
    let whole = try #require(RepeatMatcher.matches(in: text("abcabcabc"), userWords: .none).first)
    #expect(whole.start == 0 && whole.end == 8)
    guard case .repeated(let base, let baseGuesses, let count) = whole.pattern else { throw Failure.wrongPattern }
    #expect(base == "abc" && count == 3 && baseGuesses == 13)
    // Greedy beats lazy: `aabaab` is `aab` twice, not `a` twice then more.
    #expect(spans(RepeatMatcher.matches(in: text("aabaabx"), userWords: .none)) == ["0-5 aabaab"])
    #expect(spans(RepeatMatcher.matches(in: text("xaaaayzz"), userWords: .none)) == ["1-4 aaaa", "6-7 zz"])
  }

  @Test func sequencesGoUpOrDownInSteps() {
    #expect(
      SequenceMatcher.matches(in: text("abcdb975zy")).map(\.pattern) == [
        .sequence(kind: .lower, ascending: true), .sequence(kind: .digits, ascending: false),
        .sequence(kind: .lower, ascending: false),
      ])
    #expect(spans(SequenceMatcher.matches(in: text("abcdb975zy"))) == ["0-3 abcd", "5-7 975", "8-9 zy"])
    #expect(SequenceMatcher.matches(in: text("aq")).isEmpty)
  }

  @Test func recentYearsAreFoundWithoutOverlaps() {
    #expect(YearMatcher.matches(in: text("x19992015 1899")).map(\.pattern) == [.recentYear(1999), .recentYear(2015)])
    #expect(YearMatcher.matches(in: text("2020")).isEmpty)
  }

  @Test(arguments: [
    ("13101995", 1995, 10, 13, ""), ("1.1.91", 1991, 1, 1, "."), ("1995-10-13", 1995, 10, 13, "-"),
    ("111504", 2004, 11, 15, ""), ("02/29/2008", 2008, 2, 29, "/"),
  ])
  func datesAreReadWithTheNearestYear(password: String, year: Int, month: Int, day: Int, separator: String) throws {
    let match = try #require(DateMatcher.matches(in: text(password)).first)
    #expect(match.length == password.count)
    #expect(match.pattern == .date(year: year, month: month, day: day, separator: separator))
  }

  @Test func datesInsideLongerDatesAreDropped() {
    #expect(spans(DateMatcher.matches(in: text("2015_06_04"))) == ["0-9 2015_06_04"])
    #expect(DateMatcher.matches(in: text("1/32/99")).isEmpty, "32 cannot be a day or a month")
  }

  @Test func guessesFollowZxcvbnsFormulas() {
    func match(_ token: String, _ pattern: PasswordMatch.Pattern) -> PasswordMatch {
      PasswordMatch(start: 0, end: token.unicodeScalars.count - 1, token: token, pattern: pattern)
    }
    #expect(GuessEstimator.patternGuesses(match("abcdef", .sequence(kind: .lower, ascending: true))) == 24)
    #expect(GuessEstimator.patternGuesses(match("1999", .recentYear(1999))) == 20)
    #expect(GuessEstimator.patternGuesses(match("1990", .recentYear(1990))) == 27)
    #expect(GuessEstimator.patternGuesses(match("1.1.91", .date(year: 1991, month: 1, day: 1, separator: "."))) == 26 * 365 * 4)
    #expect(GuessEstimator.bruteforceGuesses(length: 1) == 11)
    #expect(GuessEstimator.bruteforceGuesses(length: 4) == 10_000)
    #expect(CaseVariations.uppercase(text("Password")) == 2)
    #expect(CaseVariations.uppercase(text("PaSsword")) == 8 + 28)
    #expect(Combinatorics.choose(8, 3) == 56)
  }

  @Test func theSearchPicksTheCheapestCover() {
    let password = text("password123")
    let result = MatchSequenceSearch.minimumGuesses(for: password, matches: MatchFinder.matches(in: password, userWords: .none))
    #expect(result.sequence.map(\.token) == ["password123"], "a common password as a whole")
    let mixed = text("kettlesunrise")
    let cover = MatchSequenceSearch.minimumGuesses(for: mixed, matches: MatchFinder.matches(in: mixed, userWords: .none))
    #expect(cover.sequence.map(\.token) == ["kettle", "sunrise"])
  }

  enum Failure: Error { case wrongPattern }
}
