import Foundation

/// The answers of one attempt: an ordinary list, or, for a finished attempt read from
/// disk, the JSON bytes it was read from, decoded the first time someone looks.
///
/// A student with years of history has tens of thousands of answers, and opening the
/// shell only needs the open attempt's. Keeping finished attempts' answers as bytes makes
/// opening such a record cost a scan, not a decode, and lets the next compaction copy
/// them back out unchanged.
public struct AnswerList: Hashable, Sendable, RandomAccessCollection, ExpressibleByArrayLiteral, Codable {
  private var loaded: [AnswerRecord]
  private var archive: ArchivedAnswers?

  public init(_ answers: [AnswerRecord] = []) {
    loaded = answers
    archive = nil
  }

  public init(arrayLiteral elements: AnswerRecord...) { self.init(elements) }

  /// Answers still in their JSON form (`bytes` is a JSON array of `count` objects).
  init(archived bytes: Data, count: Int) {
    loaded = []
    archive = ArchivedAnswers(bytes: bytes, count: count)
  }

  public init(from decoder: any Decoder) throws {
    self.init(try [AnswerRecord](from: decoder))
  }

  public func encode(to encoder: any Encoder) throws {
    try elements.encode(to: encoder)
  }

  /// Every answer, decoding archived ones on first use.
  public var elements: [AnswerRecord] { archive?.records ?? loaded }

  /// The JSON bytes of an archive not decoded or changed since it was read.
  var archivedBytes: Data? { archive?.bytes }

  /// Whether decoding the archived bytes failed (the answers read as placeholders).
  var isDamaged: Bool { archive?.isDamaged ?? false }

  public var startIndex: Int { 0 }
  public var endIndex: Int { archive?.count ?? loaded.count }
  public subscript(position: Int) -> AnswerRecord {
    get { elements[position] }
    set {
      materialize()
      loaded[position] = newValue
    }
  }

  public mutating func append(_ answer: AnswerRecord) {
    materialize()
    loaded.append(answer)
  }

  public mutating func append(contentsOf answers: some Sequence<AnswerRecord>) {
    materialize()
    loaded.append(contentsOf: answers)
  }

  private mutating func materialize() {
    guard let archive else { return }
    loaded = archive.records
    self.archive = nil
  }

  public static func == (lhs: AnswerList, rhs: AnswerList) -> Bool {
    if let left = lhs.archive, let right = rhs.archive, left === right { return true }
    return lhs.count == rhs.count && lhs.elements == rhs.elements
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(elements) }
}

/// Archived answers: immutable bytes, decoded once under a lock.
final class ArchivedAnswers: @unchecked Sendable {
  let bytes: Data
  let count: Int
  private let lock = NSLock()
  private var decoded: [AnswerRecord]?
  private var damaged = false

  init(bytes: Data, count: Int) {
    self.bytes = bytes
    self.count = count
  }

  var isDamaged: Bool {
    _ = records
    return lock.withLock { damaged }
  }

  /// The decoded answers. Bytes that do not decode (a record edited by hand) give
  /// `count` placeholders marked skipped, so the list never changes length or crashes.
  var records: [AnswerRecord] {
    lock.withLock {
      if let decoded { return decoded }
      let result: [AnswerRecord]
      if let answers = try? RecordSerializer.makeDecoder().decode([AnswerRecord].self, from: bytes),
        answers.count == count, answers.allSatisfy({ RecordValidator.problem(with: $0) == nil })
      {
        result = answers
      } else {
        damaged = true
        let placeholder = AnswerRecord(
          questionID: "unreadable", topic: nil, response: "", correct: false, points: 0, maxPoints: 0, seconds: 0,
          hintsUsed: 0, skipped: true, at: Date(timeIntervalSince1970: 0))
        result = Array(repeating: placeholder, count: count)
      }
      decoded = result
      return result
    }
  }
}
