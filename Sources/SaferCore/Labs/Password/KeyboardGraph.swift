/// Which keys touch which on a keyboard, for finding keyboard walks (`qwerty`, `zxcvbn`,
/// `1qaz2wsx`).
///
/// Each key lists its neighbours in a fixed order of directions (`nil`: no key that way);
/// a neighbour is the key's characters unshifted then shifted (`"2@"`), so a walk can
/// tell a turn (a new direction) and a shifted key from the position alone.
struct KeyboardGraph: Sendable {
  let name: String
  let neighbours: [Unicode.Scalar: [[Unicode.Scalar]]]
  /// Whether walks on it can be typed with Shift (a keyboard, not a keypad).
  let hasShift: Bool
  /// Keys on the layout: where a walk can start.
  let startingPositions: Double
  /// How many neighbours a key has, on average.
  let averageDegree: Double

  init(name: String, keys: [(Character, [String?])]) {
    self.name = name
    var neighbours: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
    var degrees = 0
    for (key, around) in keys {
      guard let scalar = key.unicodeScalars.first else { continue }
      neighbours[scalar] = around.map { Array(($0 ?? "").unicodeScalars) }
      degrees += around.filter { $0 != nil }.count
    }
    self.neighbours = neighbours
    self.hasShift = name == "qwerty" || name == "dvorak"
    self.startingPositions = Double(keys.count)
    self.averageDegree = keys.isEmpty ? 0 : Double(degrees) / Double(keys.count)
  }

  /// The four layouts zxcvbn knows, in the order it tries them.
  static let all: [KeyboardGraph] = [qwerty, dvorak, keypad, macKeypad]
}
