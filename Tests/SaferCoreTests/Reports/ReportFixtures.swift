import Foundation

@testable import SaferCore

/// Records made by hand for the report tests: quiz attempts with chosen marks, without
/// running a session, so every figure can be worked out on paper.
enum ReportFixtures {
  static let start = Date(timeIntervalSince1970: 1_750_000_000)

  /// The small class whose statistics `ItemAnalysisTests` works out by hand: questions
  /// q1…q4 worth 1 mark, q5 worth 2.
  static let questions = ["l/q1", "l/q2", "l/q3", "l/q4", "l/q5"]
  static let maxMarks: [Double] = [1, 1, 1, 1, 2]
  static let handClass: [(name: String, marks: [Double])] = [
    ("Ana", [1, 1, 1, 1, 2]),
    ("Ben", [1, 1, 0, 1, 1]),
    ("Cleo", [1, 0, 1, 0, 2]),
    ("Dan", [0, 1, 0, 0, 1]),
    ("Eli", [0, 0, 1, 0, 0]),
  ]

  static func answer(
    _ question: String, points: Double, max: Double = 1, response: String? = nil, skipped: Bool = false,
    timedOut: Bool = false, topic: String? = "passwords", at date: Date = start
  ) -> AnswerRecord {
    AnswerRecord(
      questionID: question, topic: topic, response: response ?? (points == max ? "right" : "wrong"),
      correct: points == max && !skipped && !timedOut, points: points, maxPoints: max, seconds: 5, hintsUsed: 0,
      skipped: skipped, timedOut: timedOut, at: date)
  }

  /// A quiz attempt with these answers; score and maximum add up the answers, as the
  /// runner does. `order` defaults to the answered questions.
  static func attempt(
    quiz: String = "check", answers: [AnswerRecord], order: [String]? = nil, status: Attempt.Status = .completed,
    passed: Bool? = nil, day: Int = 0
  ) -> Attempt {
    let started = start.addingTimeInterval(Double(day) * 86_400)
    var attempt = Attempt(
      id: UUID().uuidString, kind: .quiz, contentID: quiz, contentVersion: "v1", title: "Check quiz", topic: nil,
      started: started, questionOrder: order ?? answers.map(\.questionID))
    attempt.answers = AnswerList(answers)
    attempt.score = answers.reduce(0) { $0 + $1.points }
    attempt.maxScore = answers.reduce(0) { $0 + $1.maxPoints }
    attempt.status = status
    attempt.passed = status == .completed ? passed ?? (attempt.percent >= 50) : nil
    attempt.finished = status == .inProgress ? nil : started.addingTimeInterval(600)
    return attempt
  }

  /// An attempt with one mark per question of `questions`.
  static func attempt(marks: [Double], quiz: String = "check", day: Int = 0) -> Attempt {
    let answers = zip(zip(questions, maxMarks), marks).map { pair, mark in answer(pair.0, points: mark, max: pair.1) }
    return attempt(quiz: quiz, answers: answers, day: day)
  }

  /// A lesson attempt, finished or not.
  static func lesson(_ id: String, completed: Bool) -> Attempt {
    var attempt = Attempt(
      id: UUID().uuidString, kind: .lesson, contentID: id, contentVersion: "v1", title: id, topic: "passwords",
      started: start)
    if completed { attempt.status = .completed }
    return attempt
  }

  /// A student's record; `mastery` maps topics to levels 0…1.
  static func record(_ name: String, attempts: [Attempt], mastery: [String: Double] = [:]) -> UserRecord {
    var record = UserRecord(id: UserID.make(from: name) ?? name, displayName: name, now: start)
    record.attempts = attempts
    for (topic, level) in mastery {
      var entry = TopicMastery()
      entry.record(questionKey: "\(topic)/x", points: level, maxPoints: 1, correct: level >= 1)
      record.mastery[topic] = entry
    }
    return record
  }
}
