import Foundation

/// One live class quiz, as the host runs it: who joined, which question is open, every
/// answer, and the points. Pure state: every change takes `now` and returns what to send
/// to whom (`ClassOutcome`), so the server is only transport and tests need no network.
///
/// The host decides time: a question's deadline is the host's clock, and an answer that
/// arrives after it scores nothing and is marked late, whatever the student's clock says.
public struct ClassSession: Sendable {
  public enum Phase: Hashable, Sendable {
    case lobby
    case open(Int)
    case closed(Int)
    case revealed(Int)
    case ended
  }

  public struct Player: Hashable, Sendable {
    public var id: Int
    public var name: String
    /// `UserID.canonical(name)`: two names that are one student.
    public var key: String
    var token: String
    public var joined: Date
    public var connection: Int?
    public var kicked = false
    /// By question number.
    public var answers: [Int: AnswerReceipt] = [:]
    public var answeredAt: [Int: Date] = [:]
    public var score: Double = 0

    public var isConnected: Bool { connection != nil }
    public var correctCount: Int { answers.values.filter(\.correct).count }
  }

  /// The most players a session takes: a big lecture hall, and a bound on memory.
  public static let maximumPlayers = 500
  /// Characters of a student's free-text answer shown in a reveal: the reveal goes to every
  /// student, so what one student typed must not make it large.
  static let maximumShownAnswer = 80
  /// Seconds per question when the quiz sets no time limit.
  public static let defaultTimeLimit = 30.0

  public let id: String
  public let code: String
  public let quizID: String
  public let title: String
  public let items: [QuizItem]
  public let scoring: ClassScoring
  public let timeLimit: Double
  public let started: Date
  public private(set) var ended: Date?
  public private(set) var phase: Phase = .lobby
  public private(set) var players: [Player] = []
  public private(set) var locked = false
  /// How many questions have been opened.
  public private(set) var openedCount = 0
  /// Seconds left while paused; `nil` when the clock runs.
  public private(set) var pausedLeft: Double?
  public private(set) var deadline: Date?
  private var throttle = JoinThrottle()
  private var playerOfConnection: [Int: Int] = [:]

  public init(
    id: String, code: String, quizID: String, title: String, items: [QuizItem], scoring: ClassScoring,
    timeLimit: Double?, started: Date
  ) {
    self.id = id
    self.code = code
    self.quizID = quizID
    self.title = title
    self.items = items
    self.scoring = scoring
    self.timeLimit = max(5, timeLimit ?? Self.defaultTimeLimit)
    self.started = started
  }

  /// A random 6-digit code.
  public static func makeCode() -> String {
    String(format: "%06d", Int.random(in: 0..<1_000_000))
  }

  /// A random token of 32 hex digits (128 bits).
  public static func makeToken() -> String {
    (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max)) }.joined()
  }

  // MARK: - Questions

  /// The number of the question open, closed or revealed now (0 in the lobby).
  public var currentNumber: Int {
    switch phase {
    case .lobby: 0
    case .open(let number), .closed(let number), .revealed(let number): number
    case .ended: openedCount
    }
  }

  public func liveQuestion(_ number: Int) -> LiveQuestion {
    let item = items[number - 1]
    return LiveQuestion(item.question, id: item.globalID, number: number, total: items.count, timeLimit: timeLimit)
  }

  public func secondsLeft(now: Date) -> Double {
    if let pausedLeft { return pausedLeft }
    guard case .open = phase, let deadline else { return 0 }
    return max(0, deadline.timeIntervalSince(now))
  }

  /// Players who count: joined and not removed.
  public var activePlayers: [Player] { players.filter { !$0.kicked } }

  /// How many players are in the class (not removed): kept as players join and are
  /// removed, as the answer counts are, so an answer costs the same in a class of 500.
  public private(set) var activeCount = 0
  private var answerCounts: [Int: Int] = [:]

  /// Answers to question `number` from players in the class.
  public func answeredCount(_ number: Int) -> Int { answerCounts[number] ?? 0 }

  public func player(named name: String) -> Player? {
    let key = UserID.canonical(name)
    return players.first { $0.key == key }
  }

  func playerIndex(connection: Int) -> Int? {
    playerOfConnection[connection].flatMap { id in players.firstIndex { $0.id == id } }
  }

  // MARK: - Students

  /// A `join` frame from `connection` at `address`.
  public mutating func join(
    connection: Int, address: String, code: String, name rawName: String, token: String, now: Date
  ) -> ClassOutcome {
    var outcome = ClassOutcome()
    let name = rawName.trimmingCharacters(in: .whitespaces)
    func refuse(_ reason: ClassRefusal.Reason, _ message: String) -> ClassOutcome {
      outcome.send(.refused(ClassRefusal(reason, message)), to: connection)
      outcome.disconnect.append(connection)
      outcome.events.append(.refused(name: String(name.prefix(UserID.maximumNameLength)), reason: reason, address: address))
      return outcome
    }
    if playerOfConnection[connection] != nil {
      outcome.send(
        .rejected(AnswerRejection(question: nil, reason: .alreadyJoined, message: "This connection has already joined.")),
        to: connection)
      return outcome
    }
    guard throttle.allows(address, now: now) else {
      return refuse(.tooManyTries, "Too many wrong codes from this computer. Wait a minute, then check the code.")
    }
    guard code.trimmingCharacters(in: .whitespaces) == self.code else {
      throttle.recordFailure(address, now: now)
      return refuse(.wrongCode, "That is not this class's code. Check the 6 digits your teacher gave.")
    }
    if phase == .ended { return refuse(.ended, "This class quiz has ended.") }
    if let problem = UserID.problem(with: name) {
      return refuse(.badName, "That name cannot be used: \(problem.description)")
    }
    guard (16...128).contains(token.utf8.count), token.utf8.allSatisfy(isTokenByte) else {
      return refuse(.badToken, "The join token is malformed: join again from Safer Shell.")
    }
    let key = UserID.canonical(name)
    if let index = players.firstIndex(where: { $0.key == key }) {
      guard players[index].token == token else {
        return refuse(
          .nameTaken,
          "Someone called “\(players[index].name)” is already in this class. If that is you, join from your own account; otherwise use your full name, e.g. --user \"\(players[index].name) K\"."
        )
      }
      if players[index].kicked { return refuse(.kicked, "Your teacher removed you from this class quiz.") }
      if let old = players[index].connection {
        playerOfConnection[old] = nil
        outcome.disconnect.append(old)
      }
      players[index].connection = connection
      playerOfConnection[connection] = players[index].id
      outcome.events.append(.joined(name: players[index].name, rejoined: true, count: activeCount))
      welcome(index, rejoined: true, now: now, into: &outcome)
      return outcome
    }
    if locked { return refuse(.locked, "This class is locked: ask your teacher to let you in.") }
    guard activeCount < Self.maximumPlayers, players.count < 2 * Self.maximumPlayers else {
      return refuse(.full, "This class is full.")
    }
    let player = Player(id: players.count + 1, name: name, key: key, token: token, joined: now, connection: connection)
    players.append(player)
    activeCount += 1
    playerOfConnection[connection] = player.id
    outcome.events.append(.joined(name: name, rejoined: false, count: activeCount))
    welcome(players.count - 1, rejoined: false, now: now, into: &outcome)
    outcome.changed = true
    return outcome
  }

  /// Tokens are letters, digits and `-` (the shell sends 32 hex digits).
  private func isTokenByte(_ byte: UInt8) -> Bool {
    (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45
  }

  private func welcome(_ index: Int, rejoined: Bool, now: Date, into outcome: inout ClassOutcome) {
    let player = players[index]
    guard let connection = player.connection else { return }
    let answers = player.answers.keys.sorted().compactMap { player.answers[$0] }
    outcome.send(
      .welcome(
        ClassWelcome(
          name: player.name, session: id, quizID: quizID, title: title, questions: items.count, scoring: scoring,
          score: player.score, rejoined: rejoined, answers: answers)), to: connection)
    if case .revealed(let number) = phase {
      // Back in time for the answer: show it, as the others saw it.
      outcome.send(.reveal(reveal(of: number)), to: connection)
    }
    if case .open(let number) = phase {
      outcome.send(
        .question(
          OpenQuestion(
            question: liveQuestion(number), secondsLeft: secondsLeft(now: now), paused: pausedLeft != nil,
            answered: player.answers[number] != nil)), to: connection)
    }
  }

  /// The connection went away (closed, dropped, or timed out): the player stays, and may
  /// come back with the same token.
  public mutating func disconnected(connection: Int, now: Date) -> ClassOutcome {
    var outcome = ClassOutcome()
    guard let index = playerIndex(connection: connection) else { return outcome }
    playerOfConnection[connection] = nil
    players[index].connection = nil
    if !players[index].kicked { outcome.events.append(.left(name: players[index].name)) }
    closeIfEveryoneAnswered(now: now, into: &outcome)
    outcome.changed = true
    return outcome
  }

  /// An `answer` frame.
  public mutating func answer(
    connection: Int, question number: Int, response: String, player claimed: String?, now: Date
  ) -> ClassOutcome {
    var outcome = ClassOutcome()
    func reject(_ reason: AnswerRejection.Reason, _ message: String) -> ClassOutcome {
      outcome.send(.rejected(AnswerRejection(question: number, reason: reason, message: message)), to: connection)
      return outcome
    }
    guard let index = playerIndex(connection: connection), !players[index].kicked else {
      return reject(.notJoined, "Join the class first.")
    }
    if let claimed, UserID.canonical(claimed) != players[index].key {
      outcome.events.append(.problem(address: players[index].name, description: "an answer sent for someone else"))
      return reject(.notYours, "You can only answer for yourself.")
    }
    guard response.count <= ClassProtocol.maximumResponseLength else {
      return reject(.tooLong, "That answer is too long.")
    }
    let current = currentNumber
    guard phase != .ended, number == current, number >= 1, number <= items.count else {
      return reject(.wrongQuestion, current == 0 ? "No question is open yet." : "That is not the question now open.")
    }
    if players[index].answers[number] != nil {
      return reject(.duplicate, "You already answered this question; your first answer stands.")
    }
    if pausedLeft != nil, case .open = phase {
      return reject(.paused, "Your teacher paused the quiz. Answer when it goes on.")
    }
    let item = items[number - 1]
    let grade: Grade
    do { grade = try Grader.grade(response, to: item.question) } catch {
      return reject(.unreadable, error.description)
    }
    let isOpen = phase == .open(number) && now <= (deadline ?? now)
    let seconds = isOpen ? max(0, timeLimit - secondsLeft(now: now)) : timeLimit
    let correct = isOpen && grade.isCorrect
    let receipt = AnswerReceipt(
      question: number, questionID: item.globalID, response: String(response.prefix(ClassProtocol.maximumResponseLength)),
      correct: correct, marks: isOpen ? grade.points : 0, maxMarks: item.question.points,
      points: isOpen ? scoring.points(correct: correct, seconds: seconds, timeLimit: timeLimit) : 0,
      seconds: (seconds * 10).rounded() / 10, late: !isOpen)
    players[index].answers[number] = receipt
    players[index].answeredAt[number] = now
    players[index].score += receipt.points
    answerCounts[number, default: 0] += 1
    outcome.send(.received(receipt), to: connection)
    outcome.events.append(.answered(question: number, count: answeredCount(number), of: activeCount))
    closeIfEveryoneAnswered(now: now, into: &outcome)
    outcome.changed = true
    return outcome
  }

  /// A client left on purpose (`leave`).
  public mutating func leave(connection: Int, now: Date) -> ClassOutcome {
    var outcome = disconnected(connection: connection, now: now)
    outcome.disconnect.append(connection)
    return outcome
  }

  /// Closes a question whose time ran out. Call it often (the server does, every 100 ms).
  public mutating func tick(now: Date) -> ClassOutcome {
    var outcome = ClassOutcome()
    if case .open(let number) = phase, pausedLeft == nil, let deadline, now >= deadline {
      close(number, reason: .time, into: &outcome)
    }
    return outcome
  }

  private mutating func closeIfEveryoneAnswered(now: Date, into outcome: inout ClassOutcome) {
    guard case .open(let number) = phase else { return }
    // Indices, not copies of the players: this runs after every answer.
    var anyoneHere = false
    for index in players.indices where !players[index].kicked && players[index].connection != nil {
      guard players[index].answers[number] != nil else { return }
      anyoneHere = true
    }
    guard anyoneHere else { return }
    close(number, reason: .everyone, into: &outcome)
  }

  private mutating func close(_ number: Int, reason: QuestionClosed.Reason, into outcome: inout ClassOutcome) {
    phase = .closed(number)
    pausedLeft = nil
    let closed = QuestionClosed(
      question: number, reason: reason, answered: answeredCount(number), players: activeCount)
    outcome.broadcast(.closed(closed))
    outcome.events.append(.closed(closed))
    outcome.changed = true
  }

  // MARK: - The teacher

  /// `next`: closes the open question, if any, and opens the next one.
  public mutating func next(now: Date) throws(ClassCommandProblem) -> ClassOutcome {
    var outcome = ClassOutcome()
    if phase == .ended { throw .ended }
    if case .open(let number) = phase { close(number, reason: .teacher, into: &outcome) }
    let number = currentNumber + 1
    guard number <= items.count else { throw .noMoreQuestions(items.count) }
    phase = .open(number)
    openedCount = number
    pausedLeft = nil
    deadline = now.addingTimeInterval(timeLimit)
    let question = liveQuestion(number)
    for player in activePlayers {
      guard let connection = player.connection else { continue }
      outcome.send(
        .question(OpenQuestion(question: question, secondsLeft: timeLimit, paused: false, answered: false)),
        to: connection)
    }
    outcome.changed = true
    return outcome
  }

  /// `reveal`: closes the open question and shows the answer, the spread and the ranks.
  public mutating func reveal(now: Date) throws(ClassCommandProblem) -> ClassOutcome {
    var outcome = ClassOutcome()
    switch phase {
    case .lobby: throw .nothingToReveal
    case .ended: throw .ended
    case .open(let number): close(number, reason: .teacher, into: &outcome)
    case .closed, .revealed: break
    }
    let number = currentNumber
    phase = .revealed(number)
    let reveal = self.reveal(of: number)
    outcome.broadcast(.reveal(reveal))
    let board = leaderboard()
    for player in activePlayers {
      guard let connection = player.connection else { continue }
      let answer = player.answers[number]
      let rank = board.first { $0.name == player.name }?.rank ?? board.count
      outcome.send(
        .result(
          PersonalResult(
            question: number, answered: answer != nil, correct: answer?.correct ?? false, late: answer?.late ?? false,
            points: answer?.points ?? 0, score: player.score, rank: rank, players: board.count)), to: connection)
    }
    outcome.broadcast(.leaderboard(Array(board.prefix(5))))
    outcome.changed = true
    return outcome
  }

  /// The right answer of question `number` and how the class answered it.
  public func reveal(of number: Int) -> Reveal {
    let item = items[number - 1]
    let question = item.question
    let answers = activePlayers.compactMap { $0.answers[number] }
    var counts: [Reveal.Count] = []
    let live = liveQuestion(number)
    if live.hasLetteredOptions {
      var tally = Array(repeating: 0, count: live.options.count)
      for answer in answers {
        for index in Self.letters(in: answer.response, count: live.options.count) { tally[index] += 1 }
      }
      let right = Set(Self.letters(in: Self.rightLetters(of: question), count: live.options.count))
      counts = live.options.indices.map { index in
        Reveal.Count(
          label: Grader.label(index, of: live.options.count), text: live.options[index], count: tally[index],
          correct: right.contains(index))
      }
    } else {
      var tally: [String: (text: String, count: Int, correct: Bool)] = [:]
      for answer in answers {
        let key = TextMatcher.fold(answer.response)
        tally[key, default: (String(answer.response.prefix(Self.maximumShownAnswer)), 0, false)].count += 1
        // Late answers are never correct, so an on-time one with the same text decides.
        if answer.correct { tally[key]?.correct = true }
      }
      counts = tally.values.sorted { ($0.count, $1.text) > ($1.count, $0.text) }.prefix(6).enumerated().map {
        Reveal.Count(label: "\($0.offset + 1)", text: $0.element.text, count: $0.element.count, correct: $0.element.correct)
      }
    }
    return Reveal(
      question: number, questionID: item.globalID, rightAnswer: Grader.rightAnswer(of: question),
      explanation: Grader.whyRight(of: question), counts: counts, answered: answers.count,
      correct: answers.filter(\.correct).count, players: activePlayers.count)
  }

  /// The letters of the right choices (true/false: `a` for true).
  static func rightLetters(of question: Question) -> String {
    switch question.kind {
    case .trueFalse(let answer): answer ? "a" : "b"
    default:
      question.choices.indices.filter { question.choices[$0].isCorrect }.map {
        Grader.label($0, of: question.choices.count)
      }.joined(separator: " ")
    }
  }

  /// Which lettered options a response names (`a c`, `a,c`, `true`; `3 27` when there are
  /// more than 26).
  static func letters(in response: String, count: Int) -> [Int] {
    let folded = response.lowercased().trimmingCharacters(in: .whitespaces)
    if count == 2, ["true", "t", "yes"].contains(folded) { return [0] }
    if count == 2, ["false", "f", "no"].contains(folded) { return [1] }
    var seen: Set<Int> = []
    if count > 26 {
      return folded.split { !$0.isASCII || !$0.isNumber }.compactMap { Int($0) }.compactMap { number in
        (1...count).contains(number) && seen.insert(number - 1).inserted ? number - 1 : nil
      }
    }
    return folded.unicodeScalars.compactMap { scalar -> Int? in
      guard scalar.isASCII, scalar.properties.isLowercase else { return nil }
      let index = Int(scalar.value) - 97
      return index >= 0 && index < count && seen.insert(index).inserted ? index : nil
    }
  }

  /// `pause`: stops the clock of the open question.
  public mutating func pause(now: Date) throws(ClassCommandProblem) -> ClassOutcome {
    guard case .open = phase else { throw .nothingOpen }
    guard pausedLeft == nil else { throw .alreadyPaused }
    pausedLeft = secondsLeft(now: now)
    var outcome = ClassOutcome()
    outcome.broadcast(.paused(Pause(paused: true, secondsLeft: pausedLeft)))
    outcome.changed = true
    return outcome
  }

  /// `go`: starts the clock again where it stopped.
  public mutating func go(now: Date) throws(ClassCommandProblem) -> ClassOutcome {
    guard let left = pausedLeft else { throw .notPaused }
    pausedLeft = nil
    deadline = now.addingTimeInterval(left)
    var outcome = ClassOutcome()
    outcome.broadcast(.paused(Pause(paused: false, secondsLeft: left)))
    outcome.changed = true
    return outcome
  }

  /// `kick NAME`: removes a player, who cannot join again with that name.
  public mutating func kick(_ name: String, now: Date) throws(ClassCommandProblem) -> ClassOutcome {
    guard let index = players.firstIndex(where: { $0.key == UserID.canonical(name) && !$0.kicked }) else {
      throw .noSuchPlayer(name, suggestion: Suggestion.sentence(for: name, among: activePlayers.map(\.name)))
    }
    var outcome = ClassOutcome()
    players[index].kicked = true
    activeCount -= 1
    for number in players[index].answers.keys { answerCounts[number, default: 1] -= 1 }
    if let connection = players[index].connection {
      outcome.send(.kicked(message: "Your teacher removed you from this class quiz."), to: connection)
      outcome.disconnect.append(connection)
      playerOfConnection[connection] = nil
      players[index].connection = nil
    }
    outcome.events.append(.kicked(name: players[index].name))
    closeIfEveryoneAnswered(now: now, into: &outcome)
    outcome.changed = true
    return outcome
  }

  /// `lock`: no new names; players already in may still come back.
  public mutating func lock() -> ClassOutcome {
    locked = true
    var outcome = ClassOutcome()
    outcome.changed = true
    return outcome
  }

  /// `end`: closes the session; every student gets their final rank.
  public mutating func end(now: Date) -> ClassOutcome {
    var outcome = ClassOutcome()
    if case .open(let number) = phase { close(number, reason: .teacher, into: &outcome) }
    phase = .ended
    ended = now
    outcome.ended = true
    let board = leaderboard()
    for player in activePlayers {
      guard let connection = player.connection else { continue }
      let rank = board.first { $0.name == player.name }?.rank ?? board.count
      outcome.send(
        .ended(
          FinalResult(
            score: player.score, rank: rank, players: board.count, correct: player.correctCount, questions: openedCount,
            leaderboard: Array(board.prefix(5)))), to: connection)
    }
    outcome.changed = true
    return outcome
  }

  /// Everyone in the class, best first; equal scores share a rank.
  public func leaderboard() -> [Standing] {
    let sorted = activePlayers.sorted {
      ($0.score, $0.correctCount, $1.name) > ($1.score, $1.correctCount, $0.name)
    }
    var standings: [Standing] = []
    for (position, player) in sorted.enumerated() {
      let rank =
        position > 0 && standings[position - 1].score == player.score ? standings[position - 1].rank : position + 1
      standings.append(Standing(rank: rank, name: player.name, score: player.score, correct: player.correctCount))
    }
    return standings
  }
}

/// What a change to the session asks the server to do, and what the teacher should see.
public struct ClassOutcome: Sendable {
  public enum Recipient: Hashable, Sendable {
    case connection(Int)
    /// Every connected player.
    case players
  }

  public var messages: [(to: Recipient, message: ServerMessage)] = []
  /// Connections to close once their messages are sent.
  public var disconnect: [Int] = []
  public var events: [ClassEvent] = []
  /// Whether the projector page needs a new picture.
  public var changed = false
  /// Whether this change ended the session (its results are then saved).
  public var ended = false

  public init() {}

  mutating func send(_ message: ServerMessage, to connection: Int) {
    messages.append((.connection(connection), message))
  }

  mutating func broadcast(_ message: ServerMessage) {
    messages.append((.players, message))
  }

  public mutating func append(_ other: ClassOutcome) {
    messages += other.messages
    disconnect += other.disconnect
    events += other.events
    changed = changed || other.changed
    ended = ended || other.ended
  }
}

/// What the teacher's console reports as it happens.
public enum ClassEvent: Hashable, Sendable {
  case joined(name: String, rejoined: Bool, count: Int)
  case left(name: String)
  case refused(name: String, reason: ClassRefusal.Reason, address: String)
  case answered(question: Int, count: Int, of: Int)
  case closed(QuestionClosed)
  case kicked(name: String)
  /// A frame or connection the host refused (bad JSON, unknown type, silence, …).
  case problem(address: String, description: String)
}

/// Why a teacher's command could not be done now.
public enum ClassCommandProblem: Error, Hashable, Sendable, CustomStringConvertible {
  case noMoreQuestions(Int)
  case nothingToReveal
  case nothingOpen
  case alreadyPaused
  case notPaused
  case noSuchPlayer(String, suggestion: String)
  case ended

  public var description: String {
    switch self {
    case .noMoreQuestions(let count): "That was the last of the \(count) questions: `end` finishes and saves the results."
    case .nothingToReveal: "No question has been asked yet: `next` opens question 1."
    case .nothingOpen: "No question is open."
    case .alreadyPaused: "The quiz is already paused: `go` goes on."
    case .notPaused: "The quiz is not paused."
    case .noSuchPlayer(let name, let suggestion): "No student called “\(name)” is in this class.\(suggestion)"
    case .ended: "This class quiz has ended."
    }
  }
}
