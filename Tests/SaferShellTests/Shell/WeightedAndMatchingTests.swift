import Foundation
import SaferCore
import SaferShell
import Testing

/// Matching, essays and weighted answers, as question banks (GIFT) use them.
@Suite struct WeightedAndMatchingTests {
  static let lesson = """
    id: bank-lesson
    title: Bank
    topic: fraud
    level: "10-13"
    objectives: [Practise]
    sources: [{title: Test}]
    steps:
      - id: pairs
        kind: matching
        prompt: Match each link with its owner.
        pairs:
          - {left: a.evil.io, right: evil.io}
          - {left: shop.arta.com.al, right: arta.com.al}
          - {left: x.tinyurl.com, right: tinyurl.com}
        feedback: {correct: All right., wrong: Read the right end.}
      - id: weighted
        kind: single
        prompt: How sure is a padlock?
        choices:
          - {text: It proves honesty, weight: -50, feedback: No.}
          - {text: It proves encryption, weight: 100, feedback: Yes.}
          - {text: It proves nothing at all, weight: 50, feedback: Half right.}
      - id: ranges
        kind: number
        prompt: Pick a number near ten.
        answers:
          - {min: 9, max: 11}
          - {answer: 20, tolerance: 1, weight: 50, feedback: Twice too far.}
        feedback: {correct: Near enough., wrong: Not near.}
      - id: thoughts
        kind: essay
        prompt: What will you do next time?
        explanation: Your teacher reads these.
    """

  func transcript(_ lines: [String]) throws -> (String, MemoryRecordStore) {
    let folder = try Fixtures.lessonFolder(extra: ["bank.yaml": Self.lesson])
    let store = MemoryRecordStore()
    let text = Fixtures.transcript(lines, library: LessonLibrary.load(paths: [folder]), store: store)
    return (text, store)
  }

  func rightMatching() throws -> String {
    let library = try Fixtures.library(extra: ["bank.yaml": Self.lesson])
    let question = try #require(library.lesson(id: "bank-lesson")?.questions.first)
    let shown = Grader.matchingRightOrder(of: question)
    return ["evil.io", "arta.com.al", "tinyurl.com"].enumerated().compactMap { index, owner in
      shown.firstIndex(of: owner).map { "\(index + 1)\(Grader.letter($0))" }
    }.joined(separator: " ")
  }

  @Test func aWholeBankStyleLesson() throws {
    let (text, store) = try transcript(["start bank-lesson", "1a", try rightMatching(), "c", "20.5", "I will check links"])
    #expect(text.contains("Give a letter for every numbered item"))
    #expect(text.contains("✓ Right! +1 of 1"))
    #expect(text.contains("◐ Partly right. +0.5 of 1"))
    #expect(text.contains("Twice too far."))
    #expect(text.contains("✎ Saved for your teacher."))
    let attempt = try #require(try store.read(displayName: "Ana").attempts.first)
    #expect(attempt.status == .completed)
    #expect(attempt.score == 2)
    #expect(attempt.maxScore == 3, "the essay is not counted")
    let essay = try #require(attempt.answers.last)
    #expect(essay.response == "I will check links")
    #expect(essay.needsReview == true)
  }

  @Test func aNegativeWeightNeverTakesPointsBelowZero() throws {
    let (text, store) = try transcript(["start bank-lesson", "skip", "a"])
    #expect(text.contains("✗ Not quite."))
    let attempt = try #require(try store.read(displayName: "Ana").attempts.first)
    #expect(attempt.answers.last?.points == 0)
  }
}
