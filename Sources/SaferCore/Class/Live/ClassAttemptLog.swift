import Foundation

/// A live class quiz in the student's own record: one quiz attempt (`class-<session>`),
/// filled in as the host acknowledges each answer, so the record holds every answer the
/// host holds, whatever happened to the terminal.
public enum ClassAttemptLog {
  /// The attempt for the session `welcome` names, made if it is not there, with every
  /// answer the host holds that the record lacks (a student who rejoins after their
  /// terminal was killed between the host's receipt and the save).
  public static func begin(_ welcome: ClassWelcome, in record: inout UserRecord, now: Date) {
    let id = ClassResults.attemptID(session: welcome.session)
    if record.attemptIndex(id: id) == nil {
      var attempt = Attempt(
        id: id, kind: .quiz, contentID: welcome.quizID, contentVersion: "class:\(welcome.session)",
        title: welcome.title, topic: nil, started: now, questionOrder: [])
      attempt.classSession = welcome.session
      record.attempts.append(attempt)
    }
    for receipt in welcome.answers { add(receipt, session: welcome.session, in: &record, now: now) }
  }

  /// Adds an acknowledged answer (once: a receipt already there is left alone).
  public static func add(_ receipt: AnswerReceipt, session: String, in record: inout UserRecord, now: Date) {
    guard let index = record.attemptIndex(id: ClassResults.attemptID(session: session)) else { return }
    var attempt = record.attempts[index]
    if attempt.answers.contains(where: { $0.questionID == receipt.questionID }) { return }
    let answer = AnswerRecord(
      questionID: receipt.questionID, topic: nil, response: receipt.response, correct: receipt.correct,
      points: receipt.marks, maxPoints: receipt.maxMarks, seconds: receipt.seconds, hintsUsed: 0, timedOut: receipt.late,
      at: now)
    attempt.answers.append(answer)
    ReviewItem.note(answer, key: receipt.questionID, in: &record)
    note(receipt.questionID, marks: receipt.marks, maxMarks: receipt.maxMarks, in: &attempt)
    record.attempts[index] = attempt
    record.profile.lastSeen = now
  }

  /// A question the student did not answer before the reveal: kept as skipped, so the
  /// attempt's score counts it.
  public static func skip(questionID: String, maxMarks: Double, session: String, in record: inout UserRecord, now: Date) {
    guard let index = record.attemptIndex(id: ClassResults.attemptID(session: session)) else { return }
    var attempt = record.attempts[index]
    if attempt.answers.contains(where: { $0.questionID == questionID }) { return }
    attempt.answers.append(
      AnswerRecord(
        questionID: questionID, topic: nil, response: "", correct: false, points: 0, maxPoints: maxMarks, seconds: 0,
        hintsUsed: 0, skipped: true, at: now))
    note(questionID, marks: 0, maxMarks: maxMarks, in: &attempt)
    record.attempts[index] = attempt
  }

  private static func note(_ questionID: String, marks: Double, maxMarks: Double, in attempt: inout Attempt) {
    var order = attempt.questionOrder ?? []
    if !order.contains(questionID) { order.append(questionID) }
    attempt.questionOrder = order
    attempt.position = attempt.answers.count
    attempt.score += marks
    attempt.maxScore += maxMarks
  }

  /// The teacher ended the session.
  public static func finish(session: String, in record: inout UserRecord, now: Date) {
    guard let index = record.attemptIndex(id: ClassResults.attemptID(session: session)),
      record.attempts[index].status == .inProgress
    else { return }
    record.attempts[index].status = .completed
    record.attempts[index].finished = now
  }
}
