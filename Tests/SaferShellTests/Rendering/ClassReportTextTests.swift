import Foundation
import SaferCore
import Testing

@testable import SaferShell

/// `safer report` in a terminal: tables that fit the width, and names from records that
/// cannot reach the terminal as escape sequences.
@Suite("Class report text")
struct ClassReportTextTests {
  static let now = Date(timeIntervalSince1970: 1_750_000_000)

  /// A finished quiz attempt with one answer per question id (mark 1 or 0).
  static func attempt(_ marks: [(String, Double)]) -> Attempt {
    var attempt = Attempt(
      id: UUID().uuidString, kind: .quiz, contentID: "check", contentVersion: "v1", title: "Check", topic: nil,
      started: now, questionOrder: marks.map(\.0))
    attempt.answers = AnswerList(
      marks.map { id, points in
        AnswerRecord(
          questionID: id, topic: "passwords", response: points == 1 ? "a" : "a very long wrong answer, given twice over",
          correct: points == 1, points: points, maxPoints: 1, seconds: 3, hintsUsed: 0, at: now)
      })
    attempt.score = marks.reduce(0) { $0 + $1.1 }
    attempt.maxScore = Double(marks.count)
    attempt.status = .completed
    return attempt
  }

  static func report() throws -> ClassReport {
    let ids = ["a-rather-long-lesson-name/first-question", "a-rather-long-lesson-name/second-question"]
    var builder = ClassReportBuilder(quiz: nil, rule: .first)
    for (index, name) in ["\u{1B}[31mRed\u{1B}[0m Ana", "Ben", "Çelë 你好 with a long name indeed"].enumerated() {
      var record = UserRecord(id: "u\(index)", displayName: name, now: now)
      record.attempts = [attempt([(ids[0], Double(index % 2)), (ids[1], 1)])]
      for topic in ["passwords", "privacy", "phishing", "cyberbullying", "digital-footprint", "scams"] {
        var mastery = TopicMastery()
        mastery.record(questionKey: "\(topic)/x", points: Double(index) / 2, maxPoints: 1, correct: index == 2)
        record.mastery[topic] = mastery
      }
      builder.add(record)
    }
    return try builder.build(now: now)
  }

  @Test(arguments: [40, 60, 80, 132])
  func everyLineFitsTheWidth(_ width: Int) throws {
    let lines = ClassReportText(style: Style(enabled: false), width: width).render(try Self.report())
    for line in lines { #expect(DisplayWidth.of(line) <= width, "\(line)") }
    #expect(!lines.joined().contains("\u{1B}"), "the escape in a name is removed")
  }

  @Test func atEightyColumnsLongQuestionIDsKeepTheirEnd() throws {
    let lines = ClassReportText(style: Style(enabled: false), width: 80).render(try Self.report())
    #expect(lines.contains { $0.hasPrefix("  …") && $0.contains("lesson-name/second-question ") }, "cut at the start")
    #expect(lines.contains { $0.contains("a very long wrong answer") })
    let mastery = try #require(lines.firstIndex { $0.hasPrefix("Topic mastery") })
    #expect(lines[mastery...].filter { $0.hasPrefix("  Class mean") }.count == 2, "six topics: two tables at 80 columns")
  }

  @Test func overviewNamesTheQuizzesToChooseFrom() throws {
    var builder = ClassReportBuilder(quiz: nil, rule: .first)
    for (index, quiz) in ["alpha", "beta"].enumerated() {
      var record = UserRecord(id: "u\(index)", displayName: "S\(index)", now: Self.now)
      var attempt = Self.attempt([("l/q", 1)])
      attempt.contentID = quiz
      record.attempts = [attempt]
      builder.add(record)
    }
    let lines = ClassReportText(style: Style(enabled: false), width: 80).render(try builder.build(now: Self.now))
    #expect(lines.first == "Class overview")
    #expect(lines.joined(separator: " ").contains("choose one with --quiz ID"))
    #expect(lines.contains { $0.hasPrefix("  alpha ") } && lines.contains { $0.hasPrefix("  beta ") })
    #expect(!lines.contains { $0.contains("Score") })
  }
}
