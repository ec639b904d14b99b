import SaferCore
import SaferShell
import Testing

/// `reset` starts over at once, and never suggests what would then be refused.
@Suite struct ResetTests {
  static let quiz = "kind: quiz\nid: two-tries\ntitle: Two tries\nselect: [{lesson: demo-lesson}]\nattempts: 2\n"

  @Test func resetStartsTheQuizAgainAndCountsTheClosedAttempt() throws {
    let library = try Fixtures.library(extra: ["two-tries.yaml": Self.quiz])
    let store = MemoryRecordStore()
    _ = Fixtures.transcript(["quiz two-tries"], library: library, store: store)
    let text = Fixtures.transcript(["reset two-tries"], library: library, store: store, width: 300)
    #expect(text.contains("Starting “two-tries” again from the beginning"))
    #expect(text.contains("1 attempt left, this one included"))
    #expect(text.contains("Question 1 of"))
  }

  @Test func resetOnTheLastAttemptSaysItCannotBeTakenAgain() throws {
    let library = try Fixtures.library(extra: ["two-tries.yaml": Self.quiz])
    let store = MemoryRecordStore()
    _ = Fixtures.transcript(["quiz two-tries"], library: library, store: store)
    _ = Fixtures.transcript(["reset two-tries"], library: library, store: store)
    let text = Fixtures.transcript(["reset two-tries", "reset two-tries"], library: library, store: store, width: 300)
    #expect(text.contains("It was your last of 2 attempts, so it cannot be taken again"))
    #expect(!text.contains("`start two-tries`"))
    #expect(text.contains("You have used all 2 attempts at “Two tries”"))
  }
}

/// Without a terminal nobody can be asked "did you mean…?".
@Suite struct LookAlikeNameTests {
  @Test func aNameThatOnlyLooksLikeAStudentsIsRefusedWithoutATerminal() throws {
    let library = try Fixtures.library()
    let store = MemoryRecordStore()
    _ = Fixtures.transcript(["start demo-lesson", "b"], library: library, store: store)
    let text = Fixtures.transcript(["whoami"], library: library, store: store, user: "An\u{0430}", width: 300)
    #expect(text.contains("There is no student called “An\u{0430}”, but “Ana” looks the same"))
    #expect(!text.contains("You are"))
    #expect(store.knownUsers() == ["Ana"])
    // A name that is merely close is someone else, and may start a record.
    #expect(Fixtures.transcript(["whoami"], library: library, store: store, user: "Ani").contains("You are Ani"))
  }
}
