import Foundation
import SaferCore

/// Self-study in the process: FSRS-6 scheduling 100,000 reviews (1,000 items × 100, the
/// ratings drawn from a seeded generator), and the link lab on 10,000 generated links.
enum LabBenchmark {
  static func run(_ report: Reporter) {
    let scheduler = FSRSScheduler()
    var generator = SeededGenerator(seed: 42)
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var cards = [ReviewCard](repeating: ReviewCard(due: start), count: 1_000)
    let ratings = ReviewRating.allCases
    var reviews = 0
    let fsrs = milliseconds {
      for _ in 0..<100 {
        for index in cards.indices {
          let rating = ratings[Int.random(in: 0..<4, using: &generator)]
          let at = cards[index].lastReview.map { max($0, cards[index].due) } ?? start
          cards[index] = scheduler.review(cards[index], rating, at: at)
          reviews += 1
        }
      }
    }
    report.result("fsrs_100000_reviews", fsrs, "ms")
    report.result("fsrs_per_review", fsrs * 1_000 / Double(reviews), "µs", target: "< 10 µs")

    let hosts = [
      "www.roblox.com", "paypal.com.account-check.net", "xn--pypal-4ve.com", "bit.ly", "192.168.4.20", "bbc.co.uk",
      "a.b.c.d.example.com", "roblox-freerobux.com", "rnicrosoft.com", "ana.github.io",
    ]
    let links = (0..<10_000).map { index in
      let host = hosts[index % hosts.count]
      return (index % 3 == 0 ? "http://" : "https://") + (index % 7 == 0 ? "user@" : "") + host + "/path/\(index)?q=login"
    }
    // The Public Suffix List is read once, before timing.
    if let first = try? LinkAnatomy(links[0]) { _ = LinkCheck(first) }
    var flagged = 0
    let linkTime = milliseconds {
      for link in links {
        guard let anatomy = try? LinkAnatomy(link) else { continue }
        flagged += LinkCheck(anatomy).flags.count
      }
    }
    report.result("link_10000_urls", linkTime, "ms")
    report.result("link_per_url", linkTime * 1_000 / Double(links.count), "µs", target: "< 1 ms")
    if flagged == 0 { report.note("link benchmark: no flags found, which is wrong") }
  }
}
