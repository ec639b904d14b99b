import Foundation

/// The live class protocol: JSON text frames, each `{"v": 1, "type": …, …}`.
///
/// Documented for people in `docs/class-protocol.md`. A host refuses a `join` in a `v` it
/// does not speak (`refused`, reason `version`), and a shell ends with a message when the
/// host speaks another, so a newer shell and an older host say so instead of misreading
/// each other.
public enum ClassProtocol {
  public static let version = 1
  /// The largest frame a host accepts from a client, in bytes.
  public static let maximumFrameSize = 16 * 1024
  /// The largest frame a shell accepts from a host: questions and reveals are bounded
  /// (lesson text, at most `ClassSession.maximumShownAnswer` characters of an answer).
  public static let maximumHostFrameSize = 256 * 1024
  /// The longest answer taken, in characters (a shell line is capped at 4 KiB anyway).
  public static let maximumResponseLength = 2_000
}

/// What a student's shell sends.
public enum ClientMessage: Hashable, Sendable {
  /// The first frame: who is joining, with the code the teacher gave and the student's
  /// rejoin token (kept in their record, so a new terminal is the same player).
  case join(code: String, name: String, token: String)
  /// An answer to question `question` (1-based), as typed. `player`, if a client sends
  /// it, must be the connection's own player.
  case answer(question: Int, response: String, player: String?)
  case leave
}

/// Why a frame from a client was not acted on.
public enum ClassFrameProblem: Error, Hashable, Sendable, CustomStringConvertible {
  case tooLarge(Int)
  case notJSON
  case unsupportedVersion(Int?)
  case unknownType(String)
  case missingField(String)

  public var description: String {
    switch self {
    case .tooLarge(let size): "a frame of \(size) bytes (the limit is \(ClassProtocol.maximumFrameSize))"
    case .notJSON: "a frame that is not a JSON object"
    case .unsupportedVersion(let version):
      "protocol version \(version.map(String.init) ?? "(none)") (this host speaks \(ClassProtocol.version))"
    case .unknownType(let type): "an unknown message type “\(type.prefix(40))”"
    case .missingField(let field): "a message without its `\(field)`"
    }
  }
}

extension ClientMessage {
  /// Reads one frame; every way it can be wrong is a `ClassFrameProblem`.
  public static func decode(_ bytes: some Collection<UInt8>) throws(ClassFrameProblem) -> ClientMessage {
    guard bytes.count <= ClassProtocol.maximumFrameSize else { throw .tooLarge(bytes.count) }
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { throw .notJSON }
    let version = object["v"] as? Int
    guard version == ClassProtocol.version else { throw .unsupportedVersion(version) }
    guard let type = object["type"] as? String else { throw .missingField("type") }
    func text(_ key: String) throws(ClassFrameProblem) -> String {
      guard let value = object[key] as? String else { throw .missingField(key) }
      return value
    }
    switch type {
    case "join":
      return .join(code: try text("code"), name: try text("name"), token: try text("token"))
    case "answer":
      guard let number = object["question"] as? Int else { throw .missingField("question") }
      return .answer(question: number, response: try text("response"), player: object["player"] as? String)
    case "leave":
      return .leave
    default:
      throw .unknownType(type)
    }
  }

  public func encoded() -> Data {
    var object: [String: Any] = ["v": ClassProtocol.version]
    switch self {
    case .join(let code, let name, let token):
      object.merge(["type": "join", "code": code, "name": name, "token": token]) { $1 }
    case .answer(let question, let response, let player):
      object.merge(["type": "answer", "question": question, "response": response]) { $1 }
      if let player { object["player"] = player }
    case .leave:
      object["type"] = "leave"
    }
    return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
  }
}

/// What the host sends to a student's shell.
public enum ServerMessage: Hashable, Sendable {
  case welcome(ClassWelcome)
  case refused(ClassRefusal)
  case question(OpenQuestion)
  case received(AnswerReceipt)
  case rejected(AnswerRejection)
  case closed(QuestionClosed)
  case paused(Pause)
  case reveal(Reveal)
  case result(PersonalResult)
  case leaderboard([Standing])
  case kicked(message: String)
  case ended(FinalResult)

  public var type: String {
    switch self {
    case .welcome: "welcome"
    case .refused: "refused"
    case .question: "question"
    case .received: "received"
    case .rejected: "rejected"
    case .closed: "closed"
    case .paused: "paused"
    case .reveal: "reveal"
    case .result: "result"
    case .leaderboard: "leaderboard"
    case .kicked: "kicked"
    case .ended: "ended"
    }
  }
}

/// The session a student joined, and where they stand in it (a rejoining student gets
/// their answers back).
public struct ClassWelcome: Codable, Hashable, Sendable {
  public var name: String
  public var session: String
  public var quizID: String
  public var title: String
  public var questions: Int
  public var scoring: ClassScoring
  public var score: Double
  public var rejoined: Bool
  /// Every answer the host holds from this player.
  public var answers: [AnswerReceipt]

  public init(
    name: String, session: String, quizID: String, title: String, questions: Int, scoring: ClassScoring,
    score: Double, rejoined: Bool, answers: [AnswerReceipt]
  ) {
    self.name = name
    self.session = session
    self.quizID = quizID
    self.title = title
    self.questions = questions
    self.scoring = scoring
    self.score = score
    self.rejoined = rejoined
    self.answers = answers
  }
}

/// Why a join was refused; the connection is then closed.
public struct ClassRefusal: Codable, Hashable, Sendable {
  public enum Reason: String, Codable, Sendable {
    case wrongCode = "wrong-code"
    case tooManyTries = "too-many-tries"
    case nameTaken = "name-taken"
    case badName = "bad-name"
    case locked
    case kicked
    case ended
    case full
    case version
    case badToken = "bad-token"
  }

  public var reason: Reason
  public var message: String

  public init(_ reason: Reason, _ message: String) {
    self.reason = reason
    self.message = message
  }
}

/// A question now open: `secondsLeft` counts from when the frame is sent, so a student's
/// clock never matters.
public struct OpenQuestion: Codable, Hashable, Sendable {
  public var question: LiveQuestion
  public var secondsLeft: Double
  public var paused: Bool
  /// Set when a rejoining student already answered it.
  public var answered: Bool

  public init(question: LiveQuestion, secondsLeft: Double, paused: Bool, answered: Bool) {
    self.question = question
    self.secondsLeft = secondsLeft
    self.paused = paused
    self.answered = answered
  }
}

/// An answer the host took: the student's shell saves it to their record with this grade
/// and only then says "answer received" (the grade is shown at the reveal).
public struct AnswerReceipt: Codable, Hashable, Sendable {
  public var question: Int
  public var questionID: String
  public var response: String
  public var correct: Bool
  /// The question's own marks (as in any quiz), 0 when late.
  public var marks: Double
  public var maxMarks: Double
  /// The class game's points (flat or by speed).
  public var points: Double
  public var seconds: Double
  public var late: Bool

  public init(
    question: Int, questionID: String, response: String, correct: Bool, marks: Double, maxMarks: Double,
    points: Double, seconds: Double, late: Bool
  ) {
    self.question = question
    self.questionID = questionID
    self.response = response
    self.correct = correct
    self.marks = marks
    self.maxMarks = maxMarks
    self.points = points
    self.seconds = seconds
    self.late = late
  }
}

/// An answer the host did not take, and why; `unreadable` ones may be sent again.
public struct AnswerRejection: Codable, Hashable, Sendable {
  public enum Reason: String, Codable, Sendable {
    case unreadable
    case duplicate
    case wrongQuestion = "wrong-question"
    case notYours = "not-yours"
    case paused
    case notJoined = "not-joined"
    case alreadyJoined = "already-joined"
    case tooLong = "too-long"
  }

  public var question: Int?
  public var reason: Reason
  public var message: String

  public init(question: Int?, reason: Reason, message: String) {
    self.question = question
    self.reason = reason
    self.message = message
  }
}

public struct QuestionClosed: Codable, Hashable, Sendable {
  public enum Reason: String, Codable, Sendable {
    case time
    case everyone
    case teacher
  }

  public var question: Int
  public var reason: Reason
  public var answered: Int
  public var players: Int

  public init(question: Int, reason: Reason, answered: Int, players: Int) {
    self.question = question
    self.reason = reason
    self.answered = answered
    self.players = players
  }
}

/// The teacher paused (`paused: true`) or went on; the clock stands still while paused.
public struct Pause: Codable, Hashable, Sendable {
  public var paused: Bool
  public var secondsLeft: Double?

  public init(paused: Bool, secondsLeft: Double?) {
    self.paused = paused
    self.secondsLeft = secondsLeft
  }
}

/// The right answer and how the class answered.
public struct Reveal: Codable, Hashable, Sendable {
  public struct Count: Codable, Hashable, Sendable {
    /// `a`, `b`… for lettered options; the answer as given (folded) for other kinds.
    public var label: String
    public var text: String
    public var count: Int
    public var correct: Bool

    public init(label: String, text: String, count: Int, correct: Bool) {
      self.label = label
      self.text = text
      self.count = count
      self.correct = correct
    }
  }

  public var question: Int
  public var questionID: String
  public var rightAnswer: String
  public var explanation: String?
  public var counts: [Count]
  public var answered: Int
  public var correct: Int
  public var players: Int

  public init(
    question: Int, questionID: String, rightAnswer: String, explanation: String?, counts: [Count], answered: Int,
    correct: Int, players: Int
  ) {
    self.question = question
    self.questionID = questionID
    self.rightAnswer = rightAnswer
    self.explanation = explanation
    self.counts = counts
    self.answered = answered
    self.correct = correct
    self.players = players
  }
}

/// One student's outcome of a revealed question.
public struct PersonalResult: Codable, Hashable, Sendable {
  public var question: Int
  public var answered: Bool
  public var correct: Bool
  public var late: Bool
  public var points: Double
  public var score: Double
  public var rank: Int
  public var players: Int

  public init(
    question: Int, answered: Bool, correct: Bool, late: Bool, points: Double, score: Double, rank: Int, players: Int
  ) {
    self.question = question
    self.answered = answered
    self.correct = correct
    self.late = late
    self.points = points
    self.score = score
    self.rank = rank
    self.players = players
  }
}

public struct Standing: Codable, Hashable, Sendable {
  public var rank: Int
  public var name: String
  public var score: Double
  public var correct: Int

  public init(rank: Int, name: String, score: Double, correct: Int) {
    self.rank = rank
    self.name = name
    self.score = score
    self.correct = correct
  }
}

public struct FinalResult: Codable, Hashable, Sendable {
  public var score: Double
  public var rank: Int
  public var players: Int
  public var correct: Int
  public var questions: Int
  public var leaderboard: [Standing]

  public init(score: Double, rank: Int, players: Int, correct: Int, questions: Int, leaderboard: [Standing]) {
    self.score = score
    self.rank = rank
    self.players = players
    self.correct = correct
    self.questions = questions
    self.leaderboard = leaderboard
  }
}

extension ServerMessage {
  private struct Envelope<Payload: Encodable>: Encodable {
    var type: String
    var payload: Payload

    enum CodingKeys: String, CodingKey { case v, type }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(ClassProtocol.version, forKey: .v)
      try container.encode(type, forKey: .type)
      try payload.encode(to: encoder)
    }
  }

  private struct Message: Codable {
    var message: String
  }

  private struct Entries: Codable {
    var leaderboard: [Standing]
  }

  private struct Head: Decodable {
    var v: Int?
    var type: String?
  }

  public func encoded() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    func encode(_ payload: some Encodable) -> Data {
      (try? encoder.encode(Envelope(type: type, payload: payload))) ?? Data()
    }
    switch self {
    case .welcome(let value): return encode(value)
    case .refused(let value): return encode(value)
    case .question(let value): return encode(value)
    case .received(let value): return encode(value)
    case .rejected(let value): return encode(value)
    case .closed(let value): return encode(value)
    case .paused(let value): return encode(value)
    case .reveal(let value): return encode(value)
    case .result(let value): return encode(value)
    case .leaderboard(let value): return encode(Entries(leaderboard: value))
    case .kicked(let message): return encode(Message(message: message))
    case .ended(let value): return encode(value)
    }
  }

  /// Reads a host's frame (a student's shell does this).
  public static func decode(_ data: Data) throws(ClassFrameProblem) -> ServerMessage {
    guard data.count <= ClassProtocol.maximumHostFrameSize else { throw .tooLarge(data.count) }
    let decoder = JSONDecoder()
    guard let head = try? decoder.decode(Head.self, from: data) else { throw .notJSON }
    guard head.v == ClassProtocol.version else { throw .unsupportedVersion(head.v) }
    guard let type = head.type else { throw .missingField("type") }
    func body<T: Decodable>(_: T.Type) throws(ClassFrameProblem) -> T {
      do { return try decoder.decode(T.self, from: data) } catch { throw .missingField(type) }
    }
    switch type {
    case "welcome": return .welcome(try body(ClassWelcome.self))
    case "refused": return .refused(try body(ClassRefusal.self))
    case "question": return .question(try body(OpenQuestion.self))
    case "received": return .received(try body(AnswerReceipt.self))
    case "rejected": return .rejected(try body(AnswerRejection.self))
    case "closed": return .closed(try body(QuestionClosed.self))
    case "paused": return .paused(try body(Pause.self))
    case "reveal": return .reveal(try body(Reveal.self))
    case "result": return .result(try body(PersonalResult.self))
    case "leaderboard": return .leaderboard(try body(Entries.self).leaderboard)
    case "kicked": return .kicked(message: try body(Message.self).message)
    case "ended": return .ended(try body(FinalResult.self))
    default: throw .unknownType(type)
    }
  }
}
