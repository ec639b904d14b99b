/// Moodle's quiz statistics for a set of finished attempts at one quiz: figures for the
/// whole quiz and, per question, the facility index, standard deviation, discrimination
/// index and discriminative efficiency (docs.moodle.org/dev/Quiz_statistics_calculations).
///
/// A quiz draws its questions from lessons, so students meet different questions; each
/// question's figures are taken over the attempts that drew it, as Moodle does for the
/// questions a random slot picks. For question p in an attempt, x is the mark on p and X
/// the mark on the rest of the quiz (the attempt's total minus x):
///
/// - facility F = 100 · mean(x) / max, where max is the question's full mark (marks never
///   go below 0 here, so Moodle's x_min is 0);
/// - standard deviation SD = 100 · √V(x) / max;
/// - discrimination index D = 100 · C(x, X) / √(V(x) · V(X)), the correlation of the
///   question with the rest of the quiz: `nil` when either variance is 0;
/// - discriminative efficiency E = 100 · C(x, X) / C_max(x, X), where C_max pairs x and X
///   both sorted ascending, the highest covariance those marks allow: `nil` when it is 0.
///
/// V and C are sample figures (divided by n − 1, see `SampleStatistics`), so every figure but
/// F is `nil` for a question only one attempt drew.
public struct ItemAnalysis: Codable, Sendable {
  /// Figures for the whole quiz, over the attempts' percentages.
  public struct Summary: Codable, Sendable {
    public var attempts: Int
    public var mean: Double?
    public var median: Double?
    public var standardDeviation: Double?
    /// Attempts per tenth of the range: 0–10 %, 10–20 %, …, 90–100 % (100 % in the last).
    public var distribution: [Int]

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(attempts, forKey: .attempts)
      try container.encode(mean, forKey: .mean)
      try container.encode(median, forKey: .median)
      try container.encode(standardDeviation, forKey: .standardDeviation)
      try container.encode(distribution, forKey: .distribution)
    }
  }

  /// A wrong response and how many attempts gave it.
  public struct ResponseCount: Codable, Hashable, Sendable {
    public var response: String
    public var count: Int
  }

  /// The statistics of one question.
  public struct Question: Codable, Sendable {
    /// `lesson/question`, as the records name it.
    public var id: String
    public var topic: String?
    /// Attempts that drew the question.
    public var count: Int
    /// The question's full mark.
    public var maxMark: Double
    public var averageMark: Double
    /// 0…100; `nil` for a question worth nothing.
    public var facility: Double?
    public var standardDeviation: Double?
    /// −100…100.
    public var discrimination: Double?
    public var discriminativeEfficiency: Double?
    /// Answers marked right, skipped, too late, and drawn but never answered.
    public var right: Int
    public var skipped: Int
    public var late: Int
    public var unanswered: Int
    /// The wrong responses given most often, most frequent first.
    public var wrongResponses: [ResponseCount]

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(id, forKey: .id)
      try container.encode(topic, forKey: .topic)
      try container.encode(count, forKey: .count)
      try container.encode(maxMark, forKey: .maxMark)
      try container.encode(averageMark, forKey: .averageMark)
      try container.encode(facility, forKey: .facility)
      try container.encode(standardDeviation, forKey: .standardDeviation)
      try container.encode(discrimination, forKey: .discrimination)
      try container.encode(discriminativeEfficiency, forKey: .discriminativeEfficiency)
      try container.encode(right, forKey: .right)
      try container.encode(skipped, forKey: .skipped)
      try container.encode(late, forKey: .late)
      try container.encode(unanswered, forKey: .unanswered)
      try container.encode(wrongResponses, forKey: .wrongResponses)
    }
  }

  /// How many wrong responses each question lists, and how much of each is kept.
  public static let wrongResponsesListed = 3
  public static let responseLength = 80

  public var summary: Summary
  /// In the order the questions were first met.
  public var questions: [Question]

  public init(attempts: [Attempt]) {
    self.init(scored: attempts.map(ScoredAttempt.init))
  }

  public init(scored attempts: [ScoredAttempt]) {
    let percents = attempts.map(\.percent)
    var distribution = Array(repeating: 0, count: 10)
    for percent in percents {
      // Clamped as a Double first: `Int` of a huge or NaN percentage would trap.
      let band = min(9, max(0, percent / 10))
      distribution[band.isFinite ? Int(band) : 0] += 1
    }
    summary = Summary(
      attempts: attempts.count, mean: SampleStatistics.mean(percents), median: SampleStatistics.median(percents),
      standardDeviation: SampleStatistics.variance(percents).map { $0.squareRoot() }, distribution: distribution)

    var tallies: [Tally] = []
    var index: [String: Int] = [:]
    for attempt in attempts {
      let total = attempt.total
      for item in attempt.items {
        if index[item.question] == nil {
          index[item.question] = tallies.count
          tallies.append(Tally(id: item.question))
        }
        tallies[index[item.question] ?? 0].add(item, rest: total - item.points)
      }
    }
    questions = tallies.map { $0.question() }
  }
}

/// What is gathered about one question while the attempts are read.
private struct Tally {
  let id: String
  var topic: String?
  var marks: [Double] = []
  var rests: [Double] = []
  var maxMark = 0.0
  var right = 0
  var skipped = 0
  var late = 0
  var unanswered = 0
  var wrong: [String: Int] = [:]

  init(id: String) { self.id = id }

  mutating func add(_ item: ScoredAttempt.Item, rest: Double) {
    marks.append(item.points)
    rests.append(rest)
    guard let answer = item.answer else {
      unanswered += 1
      return
    }
    maxMark = max(maxMark, answer.maxPoints)
    if topic == nil { topic = answer.topic }
    if answer.correct {
      right += 1
    } else if answer.skipped {
      skipped += 1
    } else if answer.timedOut {
      late += 1
    } else {
      let response =
        answer.response.count > ItemAnalysis.responseLength
        ? String(answer.response.prefix(ItemAnalysis.responseLength)) + "…" : answer.response
      wrong[response, default: 0] += 1
    }
  }

  func question() -> ItemAnalysis.Question {
    let average = SampleStatistics.mean(marks) ?? 0
    let variance = SampleStatistics.variance(marks)
    let restVariance = SampleStatistics.variance(rests)
    let covariance = SampleStatistics.covariance(marks, rests)
    let maximum = SampleStatistics.maximumCovariance(marks, rests)
    var discrimination: Double?
    if let covariance, let variance, let restVariance, variance * restVariance > 0 {
      discrimination = 100 * covariance / (variance * restVariance).squareRoot()
    }
    var efficiency: Double?
    if let covariance, let maximum, maximum != 0 { efficiency = 100 * covariance / maximum }
    let listed = wrong.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .prefix(ItemAnalysis.wrongResponsesListed).map { ItemAnalysis.ResponseCount(response: $0.key, count: $0.value) }
    return ItemAnalysis.Question(
      id: id, topic: topic, count: marks.count, maxMark: maxMark, averageMark: average,
      facility: maxMark > 0 ? 100 * average / maxMark : nil,
      standardDeviation: maxMark > 0 ? variance.map { 100 * $0.squareRoot() / maxMark } : nil,
      discrimination: discrimination, discriminativeEfficiency: efficiency, right: right, skipped: skipped, late: late,
      unanswered: unanswered, wrongResponses: Array(listed))
  }
}
