/// The sample figures Moodle's quiz statistics are built from.
///
/// Variances and covariances divide by n − 1 (the sample, not the population), as Moodle
/// does; every function answers `nil` where the figure is undefined rather than a
/// misleading 0.
enum SampleStatistics {
  static func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }

  /// The middle value, or the mean of the two middle values.
  static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
  }

  /// Σ(x − x̄)² / (n − 1); `nil` for fewer than two values.
  static func variance(_ values: [Double]) -> Double? {
    covariance(values, values)
  }

  /// Σ(x − x̄)(y − ȳ) / (n − 1) over pairs taken in order; `nil` for fewer than two pairs.
  static func covariance(_ x: [Double], _ y: [Double]) -> Double? {
    guard x.count == y.count, x.count > 1, let meanX = mean(x), let meanY = mean(y) else { return nil }
    var sum = 0.0
    for index in x.indices { sum += (x[index] - meanX) * (y[index] - meanY) }
    return sum / Double(x.count - 1)
  }

  /// The largest covariance the two lists could have with the same values: both sorted the
  /// same way, so the best marks on the question go with the best marks on the rest.
  static func maximumCovariance(_ x: [Double], _ y: [Double]) -> Double? {
    covariance(x.sorted(), y.sorted())
  }
}
