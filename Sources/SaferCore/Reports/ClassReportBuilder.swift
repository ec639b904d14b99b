import Foundation

/// Builds a `ClassReport` one record at a time.
///
/// A class of a thousand students with years of attempts does not fit comfortably in
/// memory as whole records, so each record is reduced as it arrives: a few counts and
/// mastery figures per student, and the counted attempts of the quiz being reported on as
/// `ScoredAttempt`s (the only place answers are decoded). With no quiz asked for, the
/// attempts of the only quiz seen so far are kept, and dropped as soon as a second quiz
/// shows the report will be an overview.
public struct ClassReportBuilder {
  public let quiz: String?
  public let rule: AttemptRule

  /// A student as far as the builder needs them.
  private struct Pending {
    var student: ClassReport.Student
    var attemptsByQuiz: [String: (all: Int, finished: Int)]
    var scored: [ScoredAttempt]
  }

  private var pending: [Pending] = []
  private var quizzes: [String: ClassReport.QuizTaken] = [:]
  private var unreadable: [ClassReport.Unreadable] = []
  /// The quiz whose attempts are being scored: `quiz`, else the only one seen so far.
  private var scoring: String?
  private var sawSeveralQuizzes = false

  /// `quiz`: the quiz to report on, as the records name it; `nil` for the only quiz taken.
  public init(quiz: String?, rule: AttemptRule) {
    self.quiz = quiz
    self.rule = rule
    scoring = quiz
  }

  /// Takes one student's record into account.
  public mutating func add(_ record: UserRecord) {
    var attemptsByQuiz: [String: (all: Int, finished: Int)] = [:]
    var lessonsDone: Set<String> = []
    for attempt in record.attempts {
      switch attempt.kind {
      case .lesson:
        if attempt.status == .completed { lessonsDone.insert(attempt.contentID) }
      case .quiz:
        let finished = attempt.status == .completed ? 1 : 0
        let counts = attemptsByQuiz[attempt.contentID] ?? (0, 0)
        attemptsByQuiz[attempt.contentID] = (counts.all + 1, counts.finished + finished)
        var taken =
          quizzes[attempt.contentID]
          ?? ClassReport.QuizTaken(id: attempt.contentID, title: "", students: 0, attempts: 0, finishedAttempts: 0)
        taken.title = attempt.title
        taken.attempts += 1
        taken.finishedAttempts += finished
        quizzes[attempt.contentID] = taken
      }
    }
    for id in attemptsByQuiz.keys { quizzes[id]?.students += 1 }
    noteQuizzes()

    var scored: [ScoredAttempt] = []
    if let scoring {
      let attempts = record.attempts.filter { $0.kind == .quiz && $0.contentID == scoring }
      scored = rule.select(attempts).map(ScoredAttempt.init)
    }
    let mastery = record.mastery.filter { $0.value.questionsAnswered > 0 }.mapValues { $0.level * 100 }
    let student = ClassReport.Student(
      user: record.profile.displayName, id: record.profile.id, attempts: 0, finishedAttempts: 0, countedAttempts: 0,
      percent: nil, passed: nil, lastActive: record.profile.lastSeen, lessonsDone: lessonsDone.count, mastery: mastery,
      weakTopics: mastery.filter { $0.value < ClassReport.weakMastery }.keys.sorted(), needsHelp: false)
    pending.append(Pending(student: student, attemptsByQuiz: attemptsByQuiz, scored: scored))
  }

  /// Lists a student whose record could not be read.
  public mutating func addUnreadable(user: String, reason: String) {
    unreadable.append(ClassReport.Unreadable(user: user, reason: reason))
  }

  /// With no quiz asked for: score the first quiz seen, and stop (dropping what was kept)
  /// once there is a second.
  private mutating func noteQuizzes() {
    guard quiz == nil, !sawSeveralQuizzes else { return }
    if quizzes.count > 1 {
      sawSeveralQuizzes = true
      scoring = nil
      for index in pending.indices { pending[index].scored = [] }
    } else {
      scoring = quizzes.keys.first
    }
  }

  /// The report. Throws when `quiz` names a quiz that no record holds an attempt at.
  public func build(now: Date) throws(ReportError) -> ClassReport {
    let available = quizzes.keys.sorted()
    if let quiz, quizzes[quiz] == nil { throw .unknownQuiz(quiz, available: available) }
    let chosen = quiz ?? (available.count == 1 ? available.first : nil)
    var students: [ClassReport.Student] = []
    var scored: [ScoredAttempt] = []
    for entry in pending {
      var student = entry.student
      if let chosen {
        let counts = entry.attemptsByQuiz[chosen] ?? (0, 0)
        student.attempts = counts.all
        student.finishedAttempts = counts.finished
        student.countedAttempts = entry.scored.count
        student.percent = SampleStatistics.mean(entry.scored.map(\.percent))
        student.passed = entry.scored.isEmpty ? nil : entry.scored.contains { $0.passed }
        scored += entry.scored
      } else {
        student.attempts = entry.attemptsByQuiz.values.reduce(0) { $0 + $1.all }
        student.finishedAttempts = entry.attemptsByQuiz.values.reduce(0) { $0 + $1.finished }
      }
      student.needsHelp = student.passed == false || !student.weakTopics.isEmpty
      students.append(student)
    }
    students.sort {
      let order = $0.user.localizedStandardCompare($1.user)
      return order == .orderedSame ? $0.id < $1.id : order == .orderedAscending
    }
    let analysis = chosen.map { _ in ItemAnalysis(scored: scored) }
    return ClassReport(
      generated: now, quiz: chosen, title: chosen.flatMap { quizzes[$0]?.title }, attempts: rule,
      summary: analysis?.summary, students: students, questions: analysis?.questions ?? [],
      topics: Self.topics(of: students), quizzes: available.compactMap { quizzes[$0] },
      unreadable: unreadable.sorted { $0.user < $1.user })
  }

  /// The mastery table's columns: every topic any student has answered questions on.
  private static func topics(of students: [ClassReport.Student]) -> [ClassReport.Topic] {
    var levels: [String: [Double]] = [:]
    for student in students {
      for (topic, level) in student.mastery { levels[topic, default: []].append(level) }
    }
    return levels.keys.sorted().compactMap { topic in
      guard let values = levels[topic], let mean = SampleStatistics.mean(values) else { return nil }
      return ClassReport.Topic(topic: topic, classMean: mean, students: values.count)
    }
  }
}
