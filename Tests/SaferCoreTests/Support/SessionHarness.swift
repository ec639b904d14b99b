import Foundation

@testable import SaferCore

/// A student session in memory: a store, a clock that moves only when told, a library.
final class SessionHarness {
  let store = MemoryRecordStore()
  let clock = ManualTime(Fixtures.start)
  var library: LessonLibrary
  private(set) var handle: FlakyHandle

  init(lessons: [Lesson] = [Fixtures.runnerLesson()], quizzes: [Quiz] = [], student: String = "Ana") throws {
    library = LessonLibrary(lessons: lessons, quizzes: quizzes)
    handle = FlakyHandle(try store.open(displayName: student, now: clock.now()))
  }

  var starter: ActivityStarter { ActivityStarter(library: library, handle: handle, clock: clock) }
  var record: UserRecord { handle.record }

  /// Closes the record and opens it again, as a new shell would.
  func reopen(as student: String = "Ana") throws {
    handle.close()
    handle = FlakyHandle(try store.open(displayName: student, now: clock.now()))
  }

  /// Right and wrong responses to the questions of `Fixtures.runnerLesson`.
  static let right = ["longest": "b", "reuse": "false", "word": "passphrase"]
  static let wrong = ["longest": "a", "reuse": "true", "word": "password"]

  /// Answers every remaining question, right or wrong, and returns the summary.
  @discardableResult
  func answerAll(_ runner: ActivityRunner, right: Bool) throws -> Summary? {
    var summary: Summary?
    while let question = runner.present()?.question {
      clock.advance(2)
      summary = try runner.answer((right ? Self.right : Self.wrong)[question.id] ?? "a").summary
    }
    return summary
  }
}

/// A record handle that can be told to fail its next saves, like a full disk.
final class FlakyHandle: RecordHandle {
  let inner: any RecordHandle
  var failing = false

  init(_ inner: any RecordHandle) { self.inner = inner }

  var record: UserRecord { inner.record }
  var notices: [String] { inner.notices }
  var isReadOnly: Bool { inner.isReadOnly }
  var location: String { inner.location }

  func update(_ change: (inout UserRecord) -> Void) throws(RecordError) {
    if failing { throw .saveFailed(path: location, reason: "the disk is full") }
    try inner.update(change)
  }

  func compact() throws(RecordError) { try inner.compact() }

  func close() { inner.close() }
}
