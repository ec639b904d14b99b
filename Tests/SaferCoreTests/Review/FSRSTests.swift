import Foundation
import Testing

@testable import SaferCore

/// FSRS-6 as the reference implementation schedules: formulas by hand, and 691 reviews of
/// 60 items replayed against py-fsrs 6's own output (`scripts/fsrs-reference.py`).
@Suite("FSRS-6 scheduling")
struct FSRSTests {
  let scheduler = FSRSScheduler()
  let start = Date(timeIntervalSince1970: 1_767_600_000)

  @Test func aNewItemStartsFromThePublishedFormulas() {
    let weights = FSRSScheduler.defaultWeights
    for rating in ReviewRating.allCases {
      let card = scheduler.review(ReviewCard(due: start), rating, at: start)
      #expect(card.stability == weights[rating.grade - 1])
      let d0 = weights[4] - exp(weights[5] * Double(rating.grade - 1)) + 1
      #expect(abs((card.difficulty ?? 0) - min(max(d0, 1), 10)) < 1e-12)
    }
    // Learning steps: again → 1 min, hard → 5.5 min (between the steps), good → 10 min,
    // easy → review, due after the stability's whole days (S = 8.2956 → 8 days).
    let due = ReviewRating.allCases.map { scheduler.review(ReviewCard(due: start), $0, at: start).due.timeIntervalSince(start) }
    #expect(due == [60, 330, 600, 8 * 86_400])
  }

  @Test func theIntervalIsTheStabilityAtNinetyPercent() {
    // With retention 0.9 the interval is the stability itself, rounded half to even.
    #expect(scheduler.nextInterval(2.5) == 2)
    #expect(scheduler.nextInterval(3.5) == 4)
    #expect(scheduler.nextInterval(0.2) == 1)
    #expect(scheduler.nextInterval(1e9) == 36_500)
    var card = ReviewCard(due: start)
    card.stability = 10
    card.lastReview = start
    #expect(abs(scheduler.retrievability(of: card, at: start.addingTimeInterval(10 * 86_400)) - 0.9) < 1e-12)
  }

  @Test func replayAgreesWithTheReferenceImplementation() throws {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/fsrs-reference.jsonl")
    let lines = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n")
    #expect(lines.count > 600)
    var replay = ReviewReplay()
    var worst = 0.0
    for (index, line) in lines.enumerated() {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let input = try JSONSerialization.data(withJSONObject: try #require(object["input"]))
      let expected = try #require(object["expected"] as? [String: Any])
      let output = try replay.replay(line: String(decoding: input, as: UTF8.self), number: index + 1).get()
      let got = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
      #expect(got["item"] as? String == expected["item"] as? String)
      #expect(got["state"] as? String == expected["state"] as? String, "line \(index + 1)")
      #expect(got["due"] as? String == expected["due"] as? String, "line \(index + 1)")
      for key in ["stability", "difficulty"] {
        let mine = try #require(got[key] as? Double)
        let theirs = try #require(expected[key] as? Double)
        worst = max(worst, abs(mine - theirs))
        #expect(abs(mine - theirs) < 1e-4, "line \(index + 1) \(key): \(mine) against \(theirs)")
      }
    }
    #expect(worst < 1e-9, "the formulas agree to rounding: \(worst)")
  }

  @Test func badLinesAreNamedAndOtherFieldsIgnored() {
    var replay = ReviewReplay()
    let good = replay.replay(
      line: #"{"item": 7, "at": "2026-01-05T10:00:00+02:00", "rating": "Good", "duration": 3}"#, number: 1)
    #expect((try? good.get())?.contains(#""item":"7","state":"learning""#) == true)
    #expect((try? good.get())?.contains(#""due":"2026-01-05T08:10:00Z""#) == true, "times are given back in UTC")
    let cases = [
      "not json", #"{"at": "2026-01-05T10:00:00Z", "rating": "good"}"#,
      #"{"item": "a", "at": "yesterday", "rating": "good"}"#, #"{"item": "a", "at": "2026-01-05T10:00:00Z", "rating": "meh"}"#,
    ]
    for (index, text) in cases.enumerated() {
      guard case .failure(let problem) = replay.replay(line: text, number: index + 2) else {
        Issue.record("\(text) was taken")
        continue
      }
      #expect(problem.line == index + 2)
    }
  }
}
