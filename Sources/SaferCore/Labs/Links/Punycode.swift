/// Punycode (RFC 3492), as IDNA writes Unicode labels in ASCII: `xn--pypal-4ve` is `pаypal`
/// with a Cyrillic `а`. Only decoding is needed: to show a child what a link really spells.
public enum Punycode {
  private static let base = 36
  private static let tMin = 1
  private static let tMax = 26
  private static let skew = 38
  private static let damp = 700
  private static let initialBias = 72
  private static let initialN = 128

  /// The Unicode form of one label (`xn--…` or not); `nil` when it is not valid Punycode.
  public static func decodeLabel(_ label: String) -> String? {
    guard label.lowercased().hasPrefix("xn--") else { return label }
    return decode(String(label.dropFirst(4)))
  }

  /// Decodes the part after `xn--`.
  public static func decode(_ input: String) -> String? {
    let scalars = Array(input.unicodeScalars)
    guard scalars.allSatisfy(\.isASCII), scalars.count <= 256 else { return nil }
    var output: [Unicode.Scalar] = []
    var rest = scalars[...]
    if let delimiter = scalars.lastIndex(of: "-") {
      output = Array(scalars[..<delimiter])
      rest = scalars[(delimiter + 1)...]
    }
    var n = initialN
    var i = 0
    var bias = initialBias
    var iterator = rest.makeIterator()
    var pending = iterator.next()
    while pending != nil {
      let oldI = i
      var weight = 1
      var k = base
      while true {
        guard let scalar = pending, let digit = digitValue(scalar) else { return nil }
        pending = iterator.next()
        let (product, overflow) = digit.multipliedReportingOverflow(by: weight)
        guard !overflow, i <= Int.max - product else { return nil }
        i += product
        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
        if digit < t { break }
        let (nextWeight, weightOverflow) = weight.multipliedReportingOverflow(by: base - t)
        guard !weightOverflow else { return nil }
        weight = nextWeight
        k += base
        if pending == nil { return nil }
      }
      bias = adapt(delta: i - oldI, count: output.count + 1, first: oldI == 0)
      n += i / (output.count + 1)
      i %= output.count + 1
      guard n < 0x110000, let scalar = Unicode.Scalar(n) else { return nil }
      output.insert(scalar, at: i)
      i += 1
    }
    var text = ""
    text.unicodeScalars.append(contentsOf: output)
    return text
  }

  private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar.value {
    case 0x30...0x39: Int(scalar.value) - 0x30 + 26
    case 0x41...0x5A: Int(scalar.value) - 0x41
    case 0x61...0x7A: Int(scalar.value) - 0x61
    default: nil
    }
  }

  private static func adapt(delta: Int, count: Int, first: Bool) -> Int {
    var delta = first ? delta / damp : delta / 2
    delta += delta / count
    var k = 0
    while delta > ((base - tMin) * tMax) / 2 {
      delta /= base - tMin
      k += base
    }
    return k + (base - tMin + 1) * delta / (delta + skew)
  }
}
