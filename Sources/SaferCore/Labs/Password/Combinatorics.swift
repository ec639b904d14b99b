/// Binomial coefficients in floating point, as the guess counts need them (they grow
/// past any integer type for long walks and mixed capitals).
enum Combinatorics {
  /// `n` choose `k`.
  static func choose(_ n: Int, _ k: Int) -> Double {
    if k > n { return 0 }
    if k == 0 { return 1 }
    var result = 1.0
    var top = Double(n)
    for divisor in 1...k {
      result *= top
      result /= Double(divisor)
      top -= 1
    }
    return result
  }

  /// `n` choose 1, plus `n` choose 2, … up to `n` choose `limit` (0 when `limit` < 1).
  static func sumOfChoices(_ n: Int, upTo limit: Int) -> Double {
    guard limit >= 1 else { return 0 }
    return (1...limit).reduce(0) { $0 + choose(n, $1) }
  }
}
