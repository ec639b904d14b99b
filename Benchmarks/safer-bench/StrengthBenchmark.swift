import Foundation
import SaferCore

/// The password lab's estimator: the word tables built on first use, then 10,000
/// generated passwords of the kinds people choose, and the slowest kind, 100 characters
/// (what is checked of any longer password).
enum StrengthBenchmark {
  static func run(_ report: Reporter) {
    let first = milliseconds { _ = PasswordStrength.estimate("warm up") }
    report.result("strength_first_call", first, "ms", target: "< 300 ms (the word tables, once)")

    let passwords = samples(10_000)
    var scores = [0, 0, 0, 0, 0]
    let all = milliseconds {
      for password in passwords { scores[PasswordStrength.estimate(password).score] += 1 }
    }
    report.result("strength_10000_passwords", all, "ms")
    report.result("strength_per_password", all * 1_000 / Double(passwords.count), "µs", target: "< 1 ms")
    if scores.contains(0) { report.note("strength benchmark: some score never came up (\(scores)), which is wrong") }

    // Long and full of l33t characters: the most readings and substrings there are.
    let long = String(String(repeating: "p4$$w0rd1|7!correcthorse ", count: 5).prefix(100))
    var times: [Double] = []
    for _ in 0..<20 { times.append(milliseconds { _ = PasswordStrength.estimate(long) }) }
    report.result("strength_100_characters_p50", percentile(times, 50), "ms", target: "< 50 ms")
  }

  /// Common passwords and words with digits, capitals and l33t, keyboard rows, dates,
  /// passphrases and random strings, from a seeded generator.
  static func samples(_ count: Int) -> [String] {
    var generator = SeededGenerator(seed: 7)
    let words = ["dragon", "sunshine", "football", "princess", "monkey", "letmein", "kettle", "violin", "otter", "river"]
    let symbols = Array("!@#$%&*?")
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%")
    return (0..<count).map { index in
      let word = words[Int.random(in: 0..<words.count, using: &generator)]
      let number = Int.random(in: 0..<10_000, using: &generator)
      switch index % 6 {
      case 0: return word + String(number)
      case 1: return word.capitalized.replacingOccurrences(of: "o", with: "0") + String(symbols[index % symbols.count])
      case 2: return ["qwertyuiop", "1qaz2wsx", "zxcvbnm", "asdfgh"][index % 4] + String(number % 100)
      case 3: return String(format: "%02d/%02d/%04d", number % 28 + 1, number % 12 + 1, 1950 + number % 70)
      case 4: return (0..<4).map { _ in words[Int.random(in: 0..<words.count, using: &generator)] }.joined(separator: " ")
      default:
        return String((0..<12).map { _ in letters[Int.random(in: 0..<letters.count, using: &generator)] })
      }
    }
  }
}
