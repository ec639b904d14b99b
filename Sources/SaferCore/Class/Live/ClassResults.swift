import Foundation

/// A live class quiz's results, as `safer class host` writes them to
/// `DATA/classes/<started>-<quiz>.json` (schema: `Schemas/class-results.schema.json`) and
/// as a CSV beside it, one row per student and question.
///
/// `safer report DATA` reads these files too: each student's answers become one quiz
/// attempt (`records()`), so a live quiz sits in the class report beside quizzes taken
/// alone, with nothing converted by hand.
public struct ClassResults: Codable, Hashable, Sendable {
  public static let currentFormat = 1

  public struct QuestionResult: Codable, Hashable, Sendable {
    public var number: Int
    /// `lesson/question`, as in students' records.
    public var id: String
    public var kind: String
    public var prompt: String
    public var rightAnswer: String
    public var maxMarks: Double
    public var answered: Int
    public var correct: Int
    /// Share of the class (who was there) that got it right, 0…1.
    public var facility: Double?
  }

  public struct Answer: Codable, Hashable, Sendable {
    public var question: Int
    public var questionID: String
    public var response: String
    public var correct: Bool
    public var marks: Double
    public var maxMarks: Double
    public var points: Double
    public var seconds: Double
    public var late: Bool
    public var at: Date
  }

  public struct Student: Codable, Hashable, Sendable {
    public var name: String
    public var joined: Date
    /// Removed by the teacher (`kick`): listed, but not ranked.
    public var removed: Bool
    public var rank: Int?
    public var points: Double
    public var marks: Double
    public var maxMarks: Double
    public var correct: Int
    public var answers: [Answer]

    /// Marks as a percentage of every question asked, 0…100.
    public var percent: Double { maxMarks > 0 ? marks / maxMarks * 100 : 0 }
  }

  public var format: Int
  public var session: String
  public var quizID: String
  public var title: String
  public var scoring: ClassScoring
  public var timeLimit: Double
  public var started: Date
  public var ended: Date?
  /// How many of the quiz's questions were opened.
  public var questionsAsked: Int
  public var questions: [QuestionResult]
  public var students: [Student]

  /// The results so far (the host saves them after every question, and at `end`).
  public init(_ session: ClassSession) {
    format = Self.currentFormat
    self.session = session.id
    quizID = session.quizID
    title = session.title
    scoring = session.scoring
    timeLimit = session.timeLimit
    started = session.started
    ended = session.ended
    let asked = session.openedCount
    questionsAsked = asked
    let board = Dictionary(session.leaderboard().map { ($0.name, $0.rank) }, uniquingKeysWith: { a, _ in a })
    let present = session.activePlayers
    questions = (0..<asked).map { offset in
      let number = offset + 1
      let item = session.items[offset]
      let answers = present.compactMap { $0.answers[number] }
      let correct = answers.filter(\.correct).count
      return QuestionResult(
        number: number, id: item.globalID, kind: item.question.kindName, prompt: item.question.prompt,
        rightAnswer: Grader.rightAnswer(of: item.question), maxMarks: item.question.points, answered: answers.count,
        correct: correct, facility: present.isEmpty ? nil : Double(correct) / Double(present.count))
    }
    let maxMarks = session.items.prefix(asked).reduce(0) { $0 + $1.question.points }
    students = session.players.map { player in
      let answers = player.answers.keys.sorted().compactMap { number -> Answer? in
        guard let receipt = player.answers[number] else { return nil }
        return Answer(
          question: number, questionID: receipt.questionID, response: receipt.response, correct: receipt.correct,
          marks: receipt.marks, maxMarks: receipt.maxMarks, points: receipt.points, seconds: receipt.seconds,
          late: receipt.late, at: player.answeredAt[number] ?? player.joined)
      }
      return Student(
        name: player.name, joined: player.joined, removed: player.kicked, rank: player.kicked ? nil : board[player.name],
        points: player.score, marks: answers.reduce(0) { $0 + $1.marks }, maxMarks: maxMarks,
        correct: answers.filter(\.correct).count, answers: answers)
    }
  }

  // MARK: - Summary

  /// Class average of marks, in percent (students who were removed left out).
  public var averagePercent: Double? {
    let counted = students.filter { !$0.removed }
    guard !counted.isEmpty else { return nil }
    return counted.reduce(0) { $0 + $1.percent } / Double(counted.count)
  }

  /// The questions fewest got right, hardest first (at most `limit`).
  public func hardestQuestions(limit: Int = 3) -> [QuestionResult] {
    Array(
      questions.filter { $0.facility != nil }.sorted { ($0.facility ?? 0, $0.number) < ($1.facility ?? 0, $1.number) }.prefix(
        limit))
  }

  /// Students below half marks: who may need help.
  public var mayNeedHelp: [Student] {
    students.filter { !$0.removed && $0.maxMarks > 0 && $0.percent < 50 }.sorted { $0.percent < $1.percent }
  }

  // MARK: - CSV

  /// One row per student and question asked (an unanswered question has an empty
  /// response), with a header row, written as `safer report --csv` writes (RFC 4180, a
  /// byte-order mark, cells a spreadsheet would run as a formula made inert).
  public func csv() -> String {
    var rows: [[String]] = [
      [
        "session", "quiz", "student", "rank", "question", "question_id", "response", "correct", "late", "marks",
        "max_marks", "points", "seconds",
      ]
    ]
    for student in students {
      for question in questions {
        let answer = student.answers.first { $0.question == question.number }
        rows.append([
          session, quizID, student.name, student.rank.map(String.init) ?? "", String(question.number), question.id,
          answer?.response ?? "", answer.map { $0.correct ? "1" : "0" } ?? "0", answer.map { $0.late ? "1" : "0" } ?? "",
          Grader.formatNumber(answer?.marks ?? 0), Grader.formatNumber(question.maxMarks),
          Grader.formatNumber(answer?.points ?? 0), answer.map { Grader.formatNumber($0.seconds) } ?? "",
        ])
      }
    }
    return "\u{FEFF}" + rows.map { $0.map(ClassReportCSV.cell).joined(separator: ",") + "\r\n" }.joined()
  }

  // MARK: - Into the class report

  /// Each student's answers as a record holding one finished quiz attempt (id
  /// `class-<session>`, as in the student's own record), for `ClassReportBuilder`.
  public func records() -> [UserRecord] {
    students.filter { !$0.removed }.map { student in
      var record = UserRecord(id: UserID.make(from: student.name) ?? "student", displayName: student.name, now: started)
      record.profile.lastSeen = ended ?? started
      var attempt = Attempt(
        id: Self.attemptID(session: session), kind: .quiz, contentID: quizID, contentVersion: "class:\(session)",
        title: title, topic: nil, started: student.joined, questionOrder: questions.map(\.id))
      attempt.answers = AnswerList(
        questions.map { question in
          if let answer = student.answers.first(where: { $0.question == question.number }) {
            return AnswerRecord(
              questionID: answer.questionID, topic: nil, response: answer.response, correct: answer.correct,
              points: answer.marks, maxPoints: answer.maxMarks, seconds: answer.seconds, hintsUsed: 0,
              timedOut: answer.late, at: answer.at)
          }
          return AnswerRecord(
            questionID: question.id, topic: nil, response: "", correct: false, points: 0, maxPoints: question.maxMarks,
            seconds: 0, hintsUsed: 0, skipped: true, at: ended ?? started)
        })
      attempt.position = questions.count
      attempt.score = student.marks
      attempt.maxScore = student.maxMarks
      attempt.status = .completed
      attempt.finished = ended ?? started
      attempt.classSession = session
      record.attempts = [attempt]
      return record
    }
  }

  /// The attempt id a live session's answers are filed under, in the student's record and
  /// in the report, so the two are recognised as one attempt.
  public static func attemptID(session: String) -> String { "class-\(session)" }
}
