import Foundation
import SaferCore

/// The terminal form of a `ClassReport` (`safer report`): students, Moodle's question
/// statistics and the topic mastery table, each a `TextTable` that fits `width`.
public struct ClassReportText {
  public var style: Style
  public var width: Int
  public var timeZone: TimeZone

  public init(style: Style, width: Int, timeZone: TimeZone = .current) {
    self.style = style
    self.width = max(40, width)
    self.timeZone = timeZone
  }

  public func render(_ report: ClassReport) -> [String] {
    var lines: [String] = []
    let wrap = { (text: String) in TextWrapper(width: width).wrap(TerminalSafe.clean(text, keepNewlines: false)) }
    if let quiz = report.quiz {
      lines += wrap("Class report: \(report.title ?? quiz) (\(quiz))").map(style.bold)
      let students = report.students.count
      let counted = report.students.filter { $0.countedAttempts > 0 }.count
      let rule =
        report.attempts == .first
        ? "Counting \(report.attempts.phrase), as Moodle's quiz statistics do by default."
        : "Counting \(report.attempts.phrase) (Moodle's default is the first)."
      lines += wrap("\(rule) \(students) student\(students == 1 ? "" : "s"), \(counted) with a finished attempt.")
      if let summary = report.summary, summary.attempts > 0 {
        lines += wrap(
          "\(summary.attempts) attempt\(summary.attempts == 1 ? "" : "s") counted: mean \(ReportFormat.percent(summary.mean)), "
            + "median \(ReportFormat.percent(summary.median)), standard deviation \(ReportFormat.number(summary.standardDeviation))."
        )
      }
    } else {
      lines += wrap("Class overview").map(style.bold)
      lines += wrap(
        report.quizzes.isEmpty
          ? "No quiz has been taken in these records yet: students and topics only."
          : "\(report.quizzes.count) quizzes in these records, so no scores or questions: choose one with --quiz ID.")
      if !report.quizzes.isEmpty { lines += [""] + quizzes(report.quizzes) }
    }
    let section = { (title: String) in [""] + wrap(title).map(style.bold) }
    lines += section("Students") + students(report)
    if !report.questions.isEmpty {
      lines += section("Questions (Moodle's quiz statistics, in %)") + questions(report.questions)
      lines += wrap(
        "Facility: how many marks the class got (100: everyone right). Discrimination index: 50 and above very good, "
          + "30–50 adequate, 20–30 weak, below 20 very weak, negative: check the question."
      ).map(style.dim)
      let wrong = report.questions.filter { !$0.wrongResponses.isEmpty }
      if !wrong.isEmpty { lines += section("Wrong answers most chosen") + wrongResponses(wrong) }
    }
    if !report.topics.isEmpty { lines += section("Topic mastery (latest answer to each question, %)") + topics(report) }
    if !report.assignments.isEmpty {
      lines += section("Assignments")
      for item in report.assignments {
        let missing = item.missing.isEmpty ? "everyone has done it" : "not done: " + item.missing.joined(separator: ", ")
        lines += wrap("\(item.contentID), due \(item.due): \(item.done) done; \(missing)")
      }
    }
    if !report.notStarted.isEmpty {
      lines += wrap("On the roster but not started: " + report.notStarted.joined(separator: ", ")).map(style.yellow)
    }
    for entry in report.unreadable {
      lines += wrap("Not read: \(entry.user): \(entry.reason)").map(style.yellow)
    }
    return lines
  }

  private func quizzes(_ quizzes: [ClassReport.QuizTaken]) -> [String] {
    TextTable(
      columns: [
        .init("Quiz", flexible: true), .init("Title", flexible: true), .init("Students", alignsRight: true),
        .init("Attempts", alignsRight: true), .init("Finished", alignsRight: true),
      ],
      rows: quizzes.map { [$0.id, $0.title, "\($0.students)", "\($0.attempts)", "\($0.finishedAttempts)"] }
    ).render(width: width, style: style)
  }

  private func students(_ report: ClassReport) -> [String] {
    var columns: [TextTable.Column] = [.init("Student", flexible: true), .init("Attempts", alignsRight: true)]
    if !report.isOverview { columns.append(.init("Score", alignsRight: true)) }
    columns += [.init("Last active"), .init("Lessons", alignsRight: true), .init("Needs help", flexible: true)]
    let rows = report.students.map { student in
      var row = [student.user, "\(student.attempts)"]
      if !report.isOverview { row.append(ReportFormat.percent(student.percent)) }
      // The reasons say "yes" on their own; "Passed" is left to the other forms to save width.
      var reasons = student.passed == false ? ["below pass mark"] : []
      reasons += student.weakTopics.map { "\($0) \(ReportFormat.percent(student.mastery[$0]))" }
      row += [
        ReportFormat.date(student.lastActive, timeZone: timeZone), "\(student.lessonsDone)", reasons.joined(separator: "; "),
      ]
      return row
    }
    return TextTable(columns: columns, rows: rows).render(width: width, style: style)
  }

  private func questions(_ questions: [ItemAnalysis.Question]) -> [String] {
    TextTable(
      columns: [
        .init("Question", flexible: true, cutsStart: true), .init("n", alignsRight: true), .init("Facility", alignsRight: true),
        .init("SD", alignsRight: true), .init("Discr.", alignsRight: true), .init("Effic.", alignsRight: true),
        .init("Skipped", alignsRight: true), .init("Late", alignsRight: true),
      ],
      rows: questions.map { question in
        [
          question.id, "\(question.count)", ReportFormat.number(question.facility),
          ReportFormat.number(question.standardDeviation), ReportFormat.number(question.discrimination),
          ReportFormat.number(question.discriminativeEfficiency), "\(question.skipped)", "\(question.late)",
        ]
      }
    ).render(width: width, style: style)
  }

  /// Below the statistics, not beside them: responses are long, and a terminal is narrow.
  private func wrongResponses(_ questions: [ItemAnalysis.Question]) -> [String] {
    TextTable(
      columns: [.init("Question", flexible: true, cutsStart: true), .init("Response × times", flexible: true)],
      rows: questions.map { question in
        [question.id, question.wrongResponses.map { "\($0.response) ×\($0.count)" }.joined(separator: "; ")]
      }
    ).render(width: width, style: style)
  }

  /// Students × topics, split into several tables when the topics do not fit side by side.
  private func topics(_ report: ClassReport) -> [String] {
    let nameWidth = min(24, report.students.map { DisplayWidth.of(TerminalSafe.clean($0.user, keepNewlines: false)) }.max() ?? 10)
    let columnWidth = { (topic: ClassReport.Topic) in
      max(5, min(16, DisplayWidth.of(TerminalSafe.clean(topic.topic, keepNewlines: false))))
    }
    var groups: [[ClassReport.Topic]] = [[]]
    var used = TextTable.indent.count + max(nameWidth, 10)
    for topic in report.topics {
      let needed = TextTable.gap.count + columnWidth(topic)
      if used + needed > width, let last = groups.last, !last.isEmpty {
        groups.append([])
        used = TextTable.indent.count + max(nameWidth, 10)
      }
      groups[groups.count - 1].append(topic)
      used += needed
    }
    var lines: [String] = []
    for (index, group) in groups.enumerated() {
      if index > 0 { lines.append("") }
      let columns =
        [TextTable.Column("Student", flexible: true)]
        + group.map {
          TextTable.Column(TextTable.fit(TerminalSafe.clean($0.topic, keepNewlines: false), width: 16), alignsRight: true)
        }
      var rows = report.students.map { student in
        [student.user] + group.map { ReportFormat.percent(student.mastery[$0.topic], missing: "·") }
      }
      rows.append(["Class mean"] + group.map { ReportFormat.percent($0.classMean) })
      lines += TextTable(columns: columns, rows: rows).render(width: width, style: style)
    }
    return lines
  }
}
