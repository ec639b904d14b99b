/// Every word of every frequency list in one table, built the first time a password is
/// checked (about 94,000 words).
///
/// zxcvbn's data scripts keep each word in only the list where it ranks best, so one
/// table answers "which list, which rank" with a single lookup per substring.
enum RankedWordLists {
  struct Entry: Sendable {
    let list: FrequencyList
    let rank: Int
  }

  static let table: [String: Entry] = {
    var table: [String: Entry] = [:]
    table.reserveCapacity(94_000)
    for list in FrequencyList.compiled {
      var rank = 0
      for word in list.text.split(separator: "\n") {
        rank += 1
        table[String(word)] = Entry(list: list, rank: rank)
      }
    }
    return table
  }()

  /// The longest word (23 letters): no longer substring needs looking up.
  static let longestWord: Int = table.keys.reduce(0) { max($0, $1.unicodeScalars.count) }
}
