import Foundation
import Testing

@testable import SaferCore

/// A live class session as pure state: joins, answers, the clock, and what is sent to whom.
@Suite("Live class sessions")
struct ClassSessionTests {
  static let start = Date(timeIntervalSince1970: 1_800_000_000)
  static let tokenA = String(repeating: "a", count: 32)
  static let tokenB = String(repeating: "b", count: 32)

  static func items() -> [QuizItem] {
    [
      QuizItem(
        lessonID: "pw", topic: "passwords",
        question: Question(
          id: "strongest",
          kind: .single([Choice(text: "Dr@g0n!"), Choice(text: "kettle sunrise pocket violin", isCorrect: true)]),
          prompt: "Which is hardest to guess?", explanation: "Four random words are long.")),
      QuizItem(
        lessonID: "pw", topic: "passwords",
        question: Question(id: "swap", kind: .trueFalse(answer: false), prompt: "p@$$w0rd is strong.")),
      QuizItem(
        lessonID: "pw", topic: "passwords",
        question: Question(id: "word", kind: .text(.init(accepted: ["passphrase"])), prompt: "Several words are a …")),
    ]
  }

  static func session(scoring: ClassScoring = .flat) -> ClassSession {
    ClassSession(
      id: "s1", code: "123456", quizID: "pw-quiz", title: "Passwords", items: items(), scoring: scoring, timeLimit: 20,
      started: start)
  }

  /// The messages `outcome` sends to `connection` (or to every player).
  static func messages(_ outcome: ClassOutcome, to connection: Int) -> [ServerMessage] {
    outcome.messages.filter { $0.to == .connection(connection) || $0.to == .players }.map(\.message)
  }

  static func join(_ session: inout ClassSession, _ connection: Int, _ name: String, token: String, code: String = "123456")
    -> ClassOutcome
  {
    session.join(connection: connection, address: "10.0.0.\(connection)", code: code, name: name, token: token, now: start)
  }

  @Test func aStudentJoinsAndANameCannotBeTakenTwice() {
    var session = Self.session()
    let first = Self.join(&session, 1, "Ana Kola", token: Self.tokenA)
    guard case .welcome(let welcome)? = Self.messages(first, to: 1).first else {
      Issue.record("no welcome")
      return
    }
    #expect(welcome.name == "Ana Kola" && !welcome.rejoined && welcome.questions == 3)
    // The same name however it is spaced or cased, with another token: refused, and the
    // connection closed.
    let taken = Self.join(&session, 2, "ana  KOLA", token: Self.tokenB)
    guard case .refused(let refusal)? = Self.messages(taken, to: 2).first else {
      Issue.record("not refused")
      return
    }
    #expect(refusal.reason == .nameTaken)
    #expect(taken.disconnect == [2])
    #expect(session.activePlayers.count == 1)
  }

  @Test func theSameTokenComesBackAsTheSamePlayerWithItsAnswers() throws {
    var session = Self.session()
    _ = Self.join(&session, 1, "Ana", token: Self.tokenA)
    _ = try session.next(now: Self.start)
    _ = session.answer(connection: 1, question: 1, response: "b", player: nil, now: Self.start.addingTimeInterval(2))
    let back = Self.join(&session, 7, "Ana", token: Self.tokenA)
    #expect(back.disconnect == [1], "the old connection is let go")
    guard case .welcome(let welcome)? = Self.messages(back, to: 7).first else {
      Issue.record("no welcome")
      return
    }
    #expect(welcome.rejoined)
    #expect(welcome.answers.map(\.response) == ["b"])
    #expect(welcome.score == 1000)
    #expect(session.players.count == 1)
  }

  @Test func wrongCodesAreThrottledPerAddressAndOverall() {
    var session = Self.session()
    for attempt in 0..<5 {
      let outcome = session.join(
        connection: attempt, address: "10.0.0.9", code: "000000", name: "Eve", token: Self.tokenA, now: Self.start)
      guard case .refused(let refusal)? = outcome.messages.first?.message else {
        Issue.record("an unexpected message")
        return
      }
      #expect(refusal.reason == .wrongCode)
    }
    // Even the right code is refused from that address for a minute…
    let blocked = session.join(
      connection: 9, address: "10.0.0.9", code: "123456", name: "Eve", token: Self.tokenA, now: Self.start)
    guard case .refused(let refusal)? = blocked.messages.first?.message else {
      Issue.record("an unexpected message")
      return
    }
    #expect(refusal.reason == .tooManyTries)
    // …while a classmate who typed it right gets in, and the address may try again later.
    let other = Self.join(&session, 10, "Ben", token: Self.tokenB)
    #expect(other.disconnect.isEmpty)
    let later = session.join(
      connection: 11, address: "10.0.0.9", code: "123456", name: "Eve", token: Self.tokenA,
      now: Self.start.addingTimeInterval(61))
    #expect(later.disconnect.isEmpty)
  }

  @Test func badNamesAndTokensAreRefused() {
    var session = Self.session()
    let escape = Self.join(&session, 1, "Eve\u{1B}[2J", token: Self.tokenA)
    let shortToken = Self.join(&session, 2, "Eve", token: "abc")
    for (outcome, connection, reason) in [(escape, 1, ClassRefusal.Reason.badName), (shortToken, 2, .badToken)] {
      guard case .refused(let refusal)? = Self.messages(outcome, to: connection).first else {
        Issue.record("not refused")
        continue
      }
      #expect(refusal.reason == reason)
    }
    #expect(session.players.isEmpty)
  }

  @Test func answersAreTakenOnceForTheOpenQuestionOnly() throws {
    var session = Self.session()
    _ = Self.join(&session, 1, "Ana", token: Self.tokenA)
    _ = Self.join(&session, 2, "Ben", token: Self.tokenB)
    let early = session.answer(connection: 1, question: 1, response: "b", player: nil, now: Self.start)
    #expect(Self.rejection(early)?.reason == .wrongQuestion)
    let opened = try session.next(now: Self.start)
    #expect(Self.messages(opened, to: 2).contains { if case .question = $0 { true } else { false } })
    let unreadable = session.answer(connection: 1, question: 1, response: "z", player: nil, now: Self.start)
    #expect(Self.rejection(unreadable)?.reason == .unreadable, "a letter that is no choice can be corrected")
    let forOther = session.answer(connection: 1, question: 1, response: "b", player: "Ben", now: Self.start)
    #expect(Self.rejection(forOther)?.reason == .notYours)
    let right = session.answer(connection: 1, question: 1, response: "b", player: "ana", now: Self.start)
    guard case .received(let receipt)? = Self.messages(right, to: 1).first else {
      Issue.record("no receipt")
      return
    }
    #expect(receipt.correct && receipt.points == 1000 && receipt.marks == 1 && !receipt.late)
    let again = session.answer(connection: 1, question: 1, response: "a", player: nil, now: Self.start)
    #expect(Self.rejection(again)?.reason == .duplicate)
    let wrongNumber = session.answer(connection: 2, question: 2, response: "a", player: nil, now: Self.start)
    #expect(Self.rejection(wrongNumber)?.reason == .wrongQuestion)
    #expect(session.players[0].score == 1000)
  }

  static func rejection(_ outcome: ClassOutcome) -> AnswerRejection? {
    for (_, message) in outcome.messages { if case .rejected(let rejection) = message { return rejection } }
    return nil
  }

  @Test func theHostsClockDecidesAndALateAnswerScoresNothing() throws {
    var session = Self.session()
    _ = Self.join(&session, 1, "Ana", token: Self.tokenA)
    _ = Self.join(&session, 2, "Ben", token: Self.tokenB)
    _ = try session.next(now: Self.start)
    // After the deadline, before the host's tick closed the question: late all the same.
    let late = session.answer(connection: 1, question: 1, response: "b", player: nil, now: Self.start.addingTimeInterval(21))
    guard case .received(let receipt)? = Self.messages(late, to: 1).first else {
      Issue.record("a late answer is kept")
      return
    }
    #expect(receipt.late && !receipt.correct && receipt.points == 0 && receipt.marks == 0)
    let closing = session.tick(now: Self.start.addingTimeInterval(21))
    guard case .closed(let closed)? = closing.messages.first?.message else {
      Issue.record("the question did not close at its deadline")
      return
    }
    #expect(closed.reason == .time && closed.answered == 1 && closed.players == 2)
    let afterClose = session.answer(
      connection: 2, question: 1, response: "b", player: nil, now: Self.start.addingTimeInterval(25))
    guard case .received(let second)? = Self.messages(afterClose, to: 2).first else {
      Issue.record("an unexpected message")
      return
    }
    #expect(second.late && second.points == 0)
  }

  @Test func aQuestionClosesWhenEveryoneConnectedHasAnswered() throws {
    var session = Self.session()
    _ = Self.join(&session, 1, "Ana", token: Self.tokenA)
    _ = Self.join(&session, 2, "Ben", token: Self.tokenB)
    _ = try session.next(now: Self.start)
    _ = session.disconnected(connection: 2, now: Self.start)
    let answered = session.answer(connection: 1, question: 1, response: "a", player: nil, now: Self.start)
    #expect(answered.events.contains { if case .closed(let closed) = $0 { closed.reason == .everyone } else { false } })
    #expect(session.phase == .closed(1), "a vanished student never stalls the class")
  }

  @Test func speedScoringFallsToHalfAndPauseStopsTheClock() throws {
    #expect(ClassScoring.speed.points(correct: true, seconds: 0, timeLimit: 20) == 1000)
    #expect(ClassScoring.speed.points(correct: true, seconds: 10, timeLimit: 20) == 750)
    #expect(ClassScoring.speed.points(correct: true, seconds: 20, timeLimit: 20) == 500)
    #expect(ClassScoring.speed.points(correct: false, seconds: 0, timeLimit: 20) == 0)
    var session = Self.session(scoring: .speed)
    _ = Self.join(&session, 1, "Ana", token: Self.tokenA)
    _ = try session.next(now: Self.start)
    _ = try session.pause(now: Self.start.addingTimeInterval(10))
    let paused = session.answer(connection: 1, question: 1, response: "b", player: nil, now: Self.start.addingTimeInterval(50))
    #expect(Self.rejection(paused)?.reason == .paused)
    #expect(session.tick(now: Self.start.addingTimeInterval(100)).messages.isEmpty, "no closing while paused")
    _ = try session.go(now: Self.start.addingTimeInterval(100))
    #expect(session.secondsLeft(now: Self.start.addingTimeInterval(100)) == 10)
    let answered = session.answer(connection: 1, question: 1, response: "b", player: nil, now: Self.start.addingTimeInterval(105))
    guard case .received(let receipt)? = Self.messages(answered, to: 1).first else {
      Issue.record("an unexpected message")
      return
    }
    #expect(receipt.seconds == 15 && receipt.points == 625)
  }

  @Test func theRevealCountsChoicesAndRanksShareTies() throws {
    var session = Self.session()
    for (connection, name) in [(1, "Ana"), (2, "Ben"), (3, "Cai")] {
      _ = Self.join(&session, connection, name, token: String(repeating: "\(connection)", count: 32))
    }
    _ = try session.next(now: Self.start)
    _ = session.answer(connection: 1, question: 1, response: "b", player: nil, now: Self.start)
    _ = session.answer(connection: 2, question: 1, response: "b", player: nil, now: Self.start)
    let outcome = try session.reveal(now: Self.start)
    let reveal = session.reveal(of: 1)
    #expect(reveal.counts.map(\.count) == [0, 2])
    #expect(reveal.counts.map(\.correct) == [false, true])
    #expect(reveal.answered == 2 && reveal.correct == 2 && reveal.players == 3)
    #expect(session.leaderboard().map(\.rank) == [1, 1, 3])
    let results = Self.messages(outcome, to: 3).compactMap { if case .result(let result) = $0 { result } else { nil } }
    #expect(results.first?.answered == false && results.first?.rank == 3)
  }

  @Test func kickedStudentsCannotComeBackAndLockKeepsNewNamesOut() throws {
    var session = Self.session()
    _ = Self.join(&session, 1, "Ana", token: Self.tokenA)
    _ = Self.join(&session, 2, "Ben", token: Self.tokenB)
    let kicked = try session.kick("ben", now: Self.start)
    #expect(kicked.disconnect == [2])
    let back = Self.join(&session, 3, "Ben", token: Self.tokenB)
    guard case .refused(let refusal)? = Self.messages(back, to: 3).first else {
      Issue.record("an unexpected message")
      return
    }
    #expect(refusal.reason == .kicked)
    _ = session.lock()
    let newcomer = Self.join(&session, 4, "Cai", token: String(repeating: "c", count: 32))
    guard case .refused(let locked)? = Self.messages(newcomer, to: 4).first else {
      Issue.record("an unexpected message")
      return
    }
    #expect(locked.reason == .locked)
    _ = session.disconnected(connection: 1, now: Self.start)
    #expect(Self.join(&session, 5, "Ana", token: Self.tokenA).disconnect.isEmpty, "joined students may come back")
    #expect(throws: ClassCommandProblem.self) { try session.kick("Zed", now: Self.start) }
  }

  @Test func framesThatAreWrongAreNamed() throws {
    let cases: [(String, ClassFrameProblem)] = [
      ("not json", .notJSON),
      (#"{"v":2,"type":"join"}"#, .unsupportedVersion(2)),
      (#"{"v":1,"type":"dance"}"#, .unknownType("dance")),
      (#"{"v":1,"type":"answer","response":"a"}"#, .missingField("question")),
    ]
    for (frame, problem) in cases {
      #expect(throws: problem) { try ClientMessage.decode(Array(frame.utf8)) }
    }
    let huge = Array(repeating: UInt8(ascii: " "), count: ClassProtocol.maximumFrameSize + 1)
    #expect(throws: ClassFrameProblem.tooLarge(huge.count)) { try ClientMessage.decode(huge) }
    let answer = ClientMessage.answer(question: 2, response: "a c", player: nil)
    #expect(try ClientMessage.decode(Array(answer.encoded())) == answer)
  }

  @Test func serverMessagesSurviveTheWire() throws {
    let messages: [ServerMessage] = [
      .refused(ClassRefusal(.wrongCode, "No.")), .kicked(message: "Bye."),
      .leaderboard([Standing(rank: 1, name: "Ana", score: 1000, correct: 1)]),
      .paused(Pause(paused: true, secondsLeft: 12)),
    ]
    for message in messages {
      #expect(try ServerMessage.decode(message.encoded()) == message)
    }
  }

  @Test func resultsAreSavedReadBackAndBecomeQuizAttempts() throws {
    var session = Self.session()
    _ = Self.join(&session, 1, "Ana", token: Self.tokenA)
    _ = Self.join(&session, 2, "=HYPERLINK(1)", token: Self.tokenB)
    _ = try session.next(now: Self.start)
    _ = session.answer(connection: 1, question: 1, response: "b", player: nil, now: Self.start)
    _ = try session.next(now: Self.start)
    _ = session.answer(connection: 2, question: 2, response: "false", player: nil, now: Self.start)
    _ = session.end(now: Self.start.addingTimeInterval(60))
    let results = ClassResults(session)
    #expect(results.questionsAsked == 2, "question 3 was never opened")
    #expect(results.averagePercent == 50)
    #expect(results.students.map(\.rank) == [1, 1])
    let csv = results.csv()
    #expect(csv.split(separator: "\r\n").count == 1 + 2 * 2)
    #expect(csv.contains("'=HYPERLINK(1)"), "a name is never a formula")
    let folder = try TemporaryFolder()
    let resultsFolder = ClassResultsFolder(dataFolder: folder.path)
    try resultsFolder.save(results, stem: "s1")
    #expect(resultsFolder.load().results == [results])
    let records = results.records()
    #expect(records.count == 2)
    let attempt = try #require(records.first?.attempts.first)
    #expect(attempt.id == "class-s1" && attempt.classSession == "s1" && attempt.status == .completed)
    #expect(attempt.answers.count == 2 && attempt.score == 1 && attempt.maxScore == 2)
    #expect(RecordValidator.repair(try #require(records.first)).problems.isEmpty)
  }

  @Test func aStudentsRecordHoldsEveryAcknowledgedAnswerOnce() throws {
    var record = UserRecord(id: "ana-1", displayName: "Ana", now: Self.start)
    let receipt = AnswerReceipt(
      question: 1, questionID: "pw/strongest", response: "b", correct: true, marks: 1, maxMarks: 1, points: 1000,
      seconds: 3, late: false)
    let welcome = ClassWelcome(
      name: "Ana", session: "s1", quizID: "pw-quiz", title: "Passwords", questions: 3, scoring: .flat, score: 1000,
      rejoined: true, answers: [receipt])
    ClassAttemptLog.begin(welcome, in: &record, now: Self.start)
    ClassAttemptLog.add(receipt, session: "s1", in: &record, now: Self.start)
    ClassAttemptLog.begin(welcome, in: &record, now: Self.start)
    ClassAttemptLog.skip(questionID: "pw/swap", maxMarks: 1, session: "s1", in: &record, now: Self.start)
    ClassAttemptLog.finish(session: "s1", in: &record, now: Self.start)
    let attempt = try #require(record.attempts.first)
    #expect(record.attempts.count == 1)
    #expect(attempt.answers.count == 2 && attempt.score == 1 && attempt.maxScore == 2 && attempt.position == 2)
    #expect(attempt.status == .completed)
    #expect(record.openAttempt(of: "pw-quiz") == nil, "a class attempt is never continued alone")
    #expect(RecordValidator.repair(record).problems.isEmpty)
  }

  @Test func addressesAreReadAsTyped() throws {
    #expect(try ClassAddress.parse("192.168.1.20:8040") == ClassAddress(host: "192.168.1.20", port: 8040))
    #expect(try ClassAddress.parse("[::1]:8040").description == "[::1]:8040")
    #expect(try ClassAddress.parse("lab-pc.local:80").host == "lab-pc.local")
    for bad in ["192.168.1.20", "host:0", "host:99999", "ho st:80", "a/b:80", ":80"] {
      #expect(throws: ClassAddress.Problem.self) { try ClassAddress.parse(bad) }
    }
  }
}

/// Folders the data folder gains (`classes/`, `certificates/`) are never a link's target.
@Suite("Data folder subfolders")
struct DataSubfolderTests {
  @Test func aLinkInPlaceOfAFolderIsRefusedAndNothingIsWrittenThroughIt() throws {
    let folder = try TemporaryFolder()
    let data = folder.path + "/data"
    let outside = folder.path + "/outside"
    for path in [data, outside] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    try FileManager.default.createSymbolicLink(atPath: data + "/classes", withDestinationPath: outside)
    let results = ClassResults(ClassSessionTests.session())
    #expect(throws: FileWriteError.self) { try ClassResultsFolder(dataFolder: data).save(results, stem: "s1") }
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    try AtomicFile.makeFolder(data + "/certificates")
    try AtomicFile.makeFolder(data + "/certificates")
  }
}
