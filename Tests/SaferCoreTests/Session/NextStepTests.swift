import Foundation
import Testing

@testable import SaferCore

/// `next`: one recommendation, in the order the issue sets.
@Suite("What to do next")
struct NextStepTests {
  let library = LessonLibrary(
    lessons: [
      Fixtures.runnerLesson(id: "pw-1"), Fixtures.runnerLesson(id: "pw-2"),
      Fixtures.runnerLesson(id: "bully-1", topic: "cyberbullying"),
    ], quizzes: [Fixtures.quiz(id: "pw-quiz", selections: [.lesson("pw-1", count: nil)])])
  let now = Fixtures.start.addingTimeInterval(86_400)

  func record(finished: [String] = [], mastery: Double? = nil) -> UserRecord {
    var record = UserRecord(id: "ana-1", displayName: "Ana", now: Fixtures.start)
    for id in finished {
      var attempt = Attempt(
        id: id, kind: .lesson, contentID: id, contentVersion: "v1", title: id, topic: "passwords", started: Fixtures.start)
      attempt.status = .completed
      attempt.answers = [Fixtures.answer("q", correct: true)]
      record.attempts.append(attempt)
    }
    if let mastery {
      var topic = TopicMastery()
      topic.record(questionKey: "pw-1/q", points: mastery, maxPoints: 1, correct: mastery >= 1)
      record.mastery["passwords"] = topic
    }
    return record
  }

  @Test func aNewStudentStartsTheFirstLesson() {
    let step = NextStep.recommend(record: record(), library: library, now: now)
    #expect(step.command == "start bully-1", "a topic not tried yet, first by id")
  }

  @Test func dueReviewsComeBeforeLessons() {
    var ana = record(mastery: 0.2)
    ReviewItem.note(Fixtures.answer("pw-1/longest", correct: false), key: "pw-1/longest", in: &ana)
    #expect(NextStep.recommend(record: ana, library: library, now: now).command == "review")
  }

  @Test func theWeakestTopicsNextLessonThenItsQuiz() {
    let weak = NextStep.recommend(record: record(finished: ["pw-1"], mastery: 0.4), library: library, now: now)
    #expect(weak.command == "start pw-2" && weak.reason.contains("40% right"))
    let lessonsDone = NextStep.recommend(record: record(finished: ["pw-1", "pw-2"], mastery: 0.4), library: library, now: now)
    #expect(lessonsDone.command == "quiz pw-quiz")
  }

  @Test func workTheTeacherSetThatIsDueComesFirst() {
    let assignment = Assignment(contentIDs: ["pw-2"], due: "2027-03-01", created: Fixtures.start)
    let later = NextStep.recommend(record: record(), library: library, assignments: [assignment], now: now)
    #expect(later.command == "start bully-1", "not due for weeks")
    let day = Assignment.day("2027-02-28") ?? now
    let soon = NextStep.recommend(record: record(), library: library, assignments: [assignment], now: day)
    #expect(soon.command == "start pw-2" && soon.reason.contains("is due 2027-03-01"))
  }

  @Test func whenEverythingIsDoneNewReviewsKeepItFresh() {
    var ana = record(finished: ["pw-1", "pw-2", "bully-1"], mastery: 1)
    var quiz = Attempt(
      id: "q", kind: .quiz, contentID: "pw-quiz", contentVersion: "v1", title: "Quiz", topic: "passwords",
      started: Fixtures.start, questionOrder: ["pw-1/longest"])
    quiz.status = .completed
    quiz.score = 1
    quiz.maxScore = 1
    quiz.answers = [Fixtures.answer("pw-1/longest", correct: true)]
    ana.attempts.append(quiz)
    #expect(NextStep.recommend(record: ana, library: library, now: now).command == "review new")
  }
}
