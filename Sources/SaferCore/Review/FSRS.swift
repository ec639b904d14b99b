import Foundation

/// FSRS-6, the Free Spaced Repetition Scheduler of Anki and open-spaced-repetition: when to
/// show a question again so that the student still has a 90% chance of recalling it.
///
/// A review item has a stability S (days until recall falls to 90%), a difficulty D (1…10)
/// and a state (learning, review, relearning). Each review, rated again / hard / good /
/// easy, updates them by the published formulas, and the next review is due when the
/// predicted recall falls to the desired retention: in the learning steps (1 and 10
/// minutes) and the relearning step (10 minutes) first, then after a whole number of days.
/// No fuzzing: the same reviews always give the same schedule, so it can be checked against
/// the reference implementation (py-fsrs 6) to the second.
public struct FSRSScheduler: Sendable {
  /// FSRS-6's 21 default weights.
  public static let defaultWeights: [Double] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483,
    0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
  ]
  public static let minimumStability = 0.001

  public var weights: [Double]
  public var desiredRetention: Double
  /// Seconds.
  public var learningSteps: [Double]
  public var relearningSteps: [Double]
  /// Days.
  public var maximumInterval: Int

  public init(
    weights: [Double] = defaultWeights, desiredRetention: Double = 0.9, learningSteps: [Double] = [60, 600],
    relearningSteps: [Double] = [600], maximumInterval: Int = 36_500
  ) {
    precondition(weights.count == 21, "FSRS-6 has 21 weights")
    self.weights = weights
    self.desiredRetention = desiredRetention
    self.learningSteps = learningSteps
    self.relearningSteps = relearningSteps
    self.maximumInterval = maximumInterval
  }

  /// The forgetting curve's shape: recall R(t) = (1 + factor · t / S) ^ decay, with R(S) = 0.9.
  var decay: Double { -weights[20] }
  var factor: Double { pow(0.9, 1 / decay) - 1 }

  /// The chance of recalling `card` at `date` (0 for an item never reviewed). Elapsed time
  /// counts in whole days, as FSRS does.
  public func retrievability(of card: ReviewCard, at date: Date) -> Double {
    guard let last = card.lastReview, let stability = card.stability else { return 0 }
    let days = max(0, Self.wholeDays(from: last, to: date))
    return pow(1 + factor * Double(days) / stability, decay)
  }

  /// `card` after a review rated `rating` at `date`.
  public func review(_ card: ReviewCard, _ rating: ReviewRating, at date: Date) -> ReviewCard {
    var next = card
    let days = card.lastReview.map { Self.wholeDays(from: $0, to: date) }
    let sameDay = days.map { $0 < 1 } ?? false
    let interval: TimeInterval
    switch card.state {
    case .learning, .relearning:
      let steps = card.state == .learning ? learningSteps : relearningSteps
      if let stability = card.stability, let difficulty = card.difficulty {
        next.stability =
          sameDay
          ? shortTermStability(stability, rating)
          : nextStability(difficulty: difficulty, stability: stability, recall: retrievability(of: card, at: date), rating)
        next.difficulty = nextDifficulty(difficulty, rating)
      } else {
        next.stability = initialStability(rating)
        next.difficulty = clampDifficulty(initialDifficulty(rating))
      }
      let step = card.step ?? 0
      if steps.isEmpty || (step >= steps.count && rating != .again) {
        interval = graduate(&next)
      } else {
        switch rating {
        case .again:
          next.step = 0
          interval = steps[0]
        case .hard:
          next.step = step
          if step == 0 {
            interval = steps.count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2
          } else {
            interval = steps[step]
          }
        case .good:
          if step + 1 == steps.count {
            interval = graduate(&next)
          } else {
            next.step = step + 1
            interval = steps[step + 1]
          }
        case .easy:
          interval = graduate(&next)
        }
      }
    case .review:
      let stability = card.stability ?? initialStability(rating)
      let difficulty = card.difficulty ?? clampDifficulty(initialDifficulty(rating))
      next.stability =
        sameDay
        ? shortTermStability(stability, rating)
        : nextStability(difficulty: difficulty, stability: stability, recall: retrievability(of: card, at: date), rating)
      next.difficulty = nextDifficulty(difficulty, rating)
      if rating == .again && !relearningSteps.isEmpty {
        next.state = .relearning
        next.step = 0
        interval = relearningSteps[0]
      } else {
        interval = Double(nextInterval(next.stability ?? stability)) * 86_400
      }
    }
    next.due = date.addingTimeInterval(interval)
    next.lastReview = date
    return next
  }

  /// Into the review state: due after whole days.
  private func graduate(_ card: inout ReviewCard) -> TimeInterval {
    card.state = .review
    card.step = nil
    return Double(nextInterval(card.stability ?? Self.minimumStability)) * 86_400
  }

  // MARK: - The formulas

  func initialStability(_ rating: ReviewRating) -> Double {
    max(weights[rating.grade - 1], Self.minimumStability)
  }

  /// D0(G) = w4 − e^(w5·(G − 1)) + 1, before clamping to 1…10.
  func initialDifficulty(_ rating: ReviewRating) -> Double {
    weights[4] - exp(weights[5] * Double(rating.grade - 1)) + 1
  }

  func clampDifficulty(_ difficulty: Double) -> Double { min(max(difficulty, 1), 10) }

  /// The next whole-day interval for the desired retention (at least a day, at most the maximum).
  func nextInterval(_ stability: Double) -> Int {
    let days = stability / factor * (pow(desiredRetention, 1 / decay) - 1)
    // Half-way cases go to the even day, as the reference implementation rounds.
    let rounded = Int(days.rounded(.toNearestOrEven))
    return min(max(rounded, 1), maximumInterval)
  }

  /// A review on the same day as the last: S · e^(w17·(G − 3 + w18)) · S^(−w19), never
  /// lower for a recalled item.
  func shortTermStability(_ stability: Double, _ rating: ReviewRating) -> Double {
    var increase = exp(weights[17] * (Double(rating.grade) - 3 + weights[18])) * pow(stability, -weights[19])
    if rating != .again { increase = max(increase, 1) }
    return max(stability * increase, Self.minimumStability)
  }

  /// D' = w7 · D0(easy) + (1 − w7) · (D + ΔD · (10 − D) / 9), ΔD = −w6 · (G − 3); clamped.
  func nextDifficulty(_ difficulty: Double, _ rating: ReviewRating) -> Double {
    let delta = -weights[6] * (Double(rating.grade) - 3)
    let damped = difficulty + (10 - difficulty) * delta / 9
    return clampDifficulty(weights[7] * initialDifficulty(.easy) + (1 - weights[7]) * damped)
  }

  func nextStability(difficulty: Double, stability: Double, recall: Double, _ rating: ReviewRating) -> Double {
    let next: Double
    if rating == .again {
      let longTerm =
        weights[11] * pow(difficulty, -weights[12]) * (pow(stability + 1, weights[13]) - 1)
        * exp((1 - recall) * weights[14])
      let shortTerm = stability / exp(weights[17] * weights[18])
      next = min(longTerm, shortTerm)
    } else {
      let hardPenalty = rating == .hard ? weights[15] : 1
      let easyBonus = rating == .easy ? weights[16] : 1
      next =
        stability
        * (1 + exp(weights[8]) * (11 - difficulty) * pow(stability, -weights[9]) * (exp((1 - recall) * weights[10]) - 1)
          * hardPenalty * easyBonus)
    }
    return max(next, Self.minimumStability)
  }

  /// Whole days from `start` to `end`, rounded down (a negative span gives −1 or less).
  static func wholeDays(from start: Date, to end: Date) -> Int {
    Int((end.timeIntervalSince(start) / 86_400).rounded(.down))
  }
}

/// How a review went.
public enum ReviewRating: String, Codable, Sendable, CaseIterable {
  case again, hard, good, easy

  /// FSRS's G: 1 (again) to 4 (easy).
  public var grade: Int {
    switch self {
    case .again: 1
    case .hard: 2
    case .good: 3
    case .easy: 4
    }
  }
}

/// Where a review item is in FSRS's schedule.
public struct ReviewCard: Codable, Hashable, Sendable {
  public enum State: String, Codable, Sendable {
    case learning, review, relearning
  }

  public var state: State
  /// The learning or relearning step reached (absent in review).
  public var step: Int?
  public var stability: Double?
  public var difficulty: Double?
  public var due: Date
  public var lastReview: Date?

  /// A new item, due now.
  public init(due: Date) {
    state = .learning
    step = 0
    self.due = due
  }
}
