import Foundation

/// Reads the fields of one attempt line as `RecordSerializer` writes it, straight from
/// the bytes: a flat object of known keys, `"answers"` last.
///
/// Opening a long history decodes hundreds of these lines, and `JSONDecoder` (a keyed
/// container and a string per field) made that most of the start-up time. This reader
/// knows the handful of value shapes an attempt has (strings, numbers, booleans, `null`,
/// a list of strings, a string-to-string object). Anything else (a key it does not
/// know, a duplicate key, a date in another form, whitespace) returns `nil`, and the
/// caller decodes the line with `JSONDecoder` as before, so every valid record still
/// reads the same; the tests and the record fuzzer check that both agree.
struct AttemptLineReader {
  /// What one line held.
  struct Header {
    var attempt: Attempt
    /// The count written before the answers of a finished attempt, if any.
    var answerCount: Int?
    /// Where the answers array starts (its `[`), as an offset in the buffer.
    var answersStart: Int
  }

  private let bytes: UnsafeRawBufferPointer
  private var index: Int
  private let end: Int

  /// Reads the line `bytes[range]`, which must start with `{`.
  static func read(_ bytes: UnsafeRawBufferPointer, in range: Range<Int>) -> Header? {
    var reader = AttemptLineReader(bytes: bytes, index: range.lowerBound, end: range.upperBound)
    return reader.header()
  }

  /// The keys an attempt line has; their raw names are matched byte for byte.
  private enum Field: Int, CaseIterable {
    case id, kind, contentID, contentVersion, title, topic, started, finished, status, position, questionOrder, score
    case maxScore, passed, overrides, questionOpened, questionDeadline, deadline, classSession, answerCount, answers

    var name: StaticString {
      switch self {
      case .id: "id"
      case .kind: "kind"
      case .contentID: "contentID"
      case .contentVersion: "contentVersion"
      case .title: "title"
      case .topic: "topic"
      case .started: "started"
      case .finished: "finished"
      case .status: "status"
      case .position: "position"
      case .questionOrder: "questionOrder"
      case .score: "score"
      case .maxScore: "maxScore"
      case .passed: "passed"
      case .overrides: "overrides"
      case .questionOpened: "questionOpened"
      case .questionDeadline: "questionDeadline"
      case .deadline: "deadline"
      case .classSession: "classSession"
      case .answerCount: "answerCount"
      case .answers: "answers"
      }
    }
  }

  private static let fields = Field.allCases

  private mutating func header() -> Header? {
    guard take(0x7B) else { return nil }
    var id: String?
    var kind: Attempt.Kind?
    var contentID: String?
    var contentVersion: String?
    var title: String?
    var topic: String?
    var started: Date?
    var finished: Date?
    var status: Attempt.Status?
    var position: Int?
    var questionOrder: [String]?
    var score: Double?
    var maxScore: Double?
    var passed: Bool?
    var overrides: [String: String]?
    var classSession: String?
    var dates: [Field: Date] = [:]
    var answerCount: Int?
    var seen: UInt32 = 0
    while true {
      guard let field = field(), take(0x3A), seen & (1 << field.rawValue) == 0 else { return nil }
      seen |= 1 << field.rawValue
      switch field {
      case .answers:
        guard index < end, bytes[index] == 0x5B, let id, let kind, let contentID, let contentVersion, let title,
          let started, let status, let position, let score, let maxScore
        else { return nil }
        var attempt = Attempt(
          id: id, kind: kind, contentID: contentID, contentVersion: contentVersion, title: title, topic: topic,
          started: started, questionOrder: questionOrder)
        attempt.finished = finished
        attempt.status = status
        attempt.position = position
        attempt.score = score
        attempt.maxScore = maxScore
        attempt.passed = passed
        attempt.overrides = overrides
        attempt.questionOpened = dates[.questionOpened]
        attempt.questionDeadline = dates[.questionDeadline]
        attempt.deadline = dates[.deadline]
        attempt.classSession = classSession
        return Header(attempt: attempt, answerCount: answerCount, answersStart: index)
      case .id: id = string()
      case .kind: kind = string().flatMap(Attempt.Kind.init(rawValue:))
      case .contentID: contentID = string()
      case .contentVersion: contentVersion = string()
      case .title: title = string()
      case .started: started = string().flatMap(InternetDate.parse)
      case .status: status = string().flatMap(Attempt.Status.init(rawValue:))
      case .position: position = number().flatMap(Self.integer)
      case .score: score = number()
      case .maxScore: maxScore = number()
      case .topic:
        if !takeNull() {
          guard let value = string() else { return nil }
          topic = value
        }
      case .questionOpened, .questionDeadline, .deadline:
        if !takeNull() {
          guard let value = string().flatMap(InternetDate.parse) else { return nil }
          dates[field] = value
        }
      case .finished:
        if !takeNull() {
          guard let value = string().flatMap(InternetDate.parse) else { return nil }
          finished = value
        }
      case .passed:
        if !takeNull() {
          guard let value = boolean() else { return nil }
          passed = value
        }
      case .questionOrder:
        if !takeNull() {
          guard let value = stringList() else { return nil }
          questionOrder = value
        }
      case .overrides:
        if !takeNull() {
          guard let value = stringMap() else { return nil }
          overrides = value
        }
      case .classSession:
        if !takeNull() {
          guard let value = string() else { return nil }
          classSession = value
        }
      case .answerCount:
        guard let value = number().flatMap(Self.integer) else { return nil }
        answerCount = value
      }
      guard take(0x2C) else { return nil }
    }
  }

  /// A key, known by its bytes (keys are plain ASCII, without escapes).
  private mutating func field() -> Field? {
    guard take(0x22), let base = bytes.baseAddress else { return nil }
    let start = index
    guard let quote = memchr(base + start, 0x22, end - start) else { return nil }
    let length = base.distance(to: UnsafeRawPointer(quote)) - start
    index = start + length + 1
    for field in Self.fields {
      let name = field.name
      if name.utf8CodeUnitCount == length && memcmp(base + start, name.utf8Start, length) == 0 { return field }
    }
    return nil
  }

  /// A whole number `JSONDecoder` would also read as `Int`.
  private static func integer(_ value: Double) -> Int? {
    guard value.rounded() == value, abs(value) < 9e15 else { return nil }
    return Int(value)
  }

  // MARK: - Values

  private mutating func take(_ byte: UInt8) -> Bool {
    guard index < end, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  private mutating func takeNull() -> Bool { takeWord("null") }

  private mutating func takeWord(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard end - index >= count, let base = bytes.baseAddress, memcmp(base + index, word.utf8Start, count) == 0 else {
      return false
    }
    index += count
    return true
  }

  private mutating func boolean() -> Bool? {
    if takeWord("true") { return true }
    if takeWord("false") { return false }
    return nil
  }

  /// A number as JSON's grammar has it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  private mutating func number() -> Double? {
    let start = index
    func digits() -> Int {
      let first = index
      while index < end, (0x30...0x39).contains(bytes[index]) { index += 1 }
      return index - first
    }
    _ = take(0x2D)
    let integerStart = index
    let integerDigits = digits()
    guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != 0x30 else { return nil }
    if take(0x2E) {
      guard digits() > 0 else { return nil }
    }
    if take(0x45) || take(0x65) {
      if !take(0x2B) { _ = take(0x2D) }
      guard digits() > 0 else { return nil }
    }
    return Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
  }

  private mutating func string() -> String? {
    guard take(0x22) else { return nil }
    let start = index
    var plain = true
    var ascii = true
    while index < end {
      let byte = bytes[index]
      if byte == 0x22 {
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        let text: String?
        if !plain {
          text = Self.unescaped(bytes, start..<index)
        } else if ascii {
          text = String(decoding: raw, as: UTF8.self)
        } else {
          text = String(validating: raw, as: UTF8.self)
        }
        index += 1
        return text
      }
      if byte < 0x20 { return nil }
      if byte >= 0x80 { ascii = false }
      if byte == 0x5C {
        plain = false
        index += 1
      }
      index += 1
    }
    return nil
  }

  /// A string with escapes, left to `JSONDecoder`'s own rules by decoding it alone.
  private static func unescaped(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String? {
    var quoted = Data([0x22])
    quoted.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[range]))
    quoted.append(0x22)
    return try? JSONDecoder().decode(String.self, from: quoted)
  }

  private mutating func stringList() -> [String]? {
    guard take(0x5B) else { return nil }
    var list: [String] = []
    if take(0x5D) { return list }
    repeat {
      guard let item = string() else { return nil }
      list.append(item)
    } while take(0x2C)
    return take(0x5D) ? list : nil
  }

  private mutating func stringMap() -> [String: String]? {
    guard take(0x7B) else { return nil }
    var map: [String: String] = [:]
    if take(0x7D) { return map }
    repeat {
      guard let key = string(), take(0x3A), let value = string(), map.updateValue(value, forKey: key) == nil else {
        return nil
      }
    } while take(0x2C)
    return take(0x7D) ? map : nil
  }
}
