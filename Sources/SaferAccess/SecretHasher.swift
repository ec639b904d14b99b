import Crypto
import Foundation
import SaferCore
import _CryptoExtras

/// Hashes and checks PINs and the teacher passphrase with scrypt (RFC 7914, from
/// swift-crypto's BoringSSL).
///
/// The cost is N = 2^15, r = 8, p = 1: 32 MiB and about 0.1 s per check on a classroom
/// computer, so guessing a 4-digit PIN from a copied record takes about 15 minutes of one
/// core instead of a blink. (A PIN keeps classmates out of each other's records at a
/// shared computer; it does not stand against someone who can edit the files.)
public enum SecretHasher {
  public static let costExponent = 15
  public static let blockSize = 8
  public static let parallelism = 1
  static let outputBytes = 32

  /// Longest secret taken; a passphrase is a few words.
  public static let maximumLength = 256

  /// A new salted hash of `secret`.
  public static func hash(_ secret: String) throws(AccessError) -> SecretHash {
    var salt = [UInt8](repeating: 0, count: 16)
    var generator = SystemRandomNumberGenerator()
    for index in salt.indices { salt[index] = UInt8.random(in: 0...255, using: &generator) }
    var stored = SecretHash(
      algorithm: "scrypt", costExponent: costExponent, blockSize: blockSize, parallelism: parallelism,
      salt: Data(salt).base64EncodedString(), hash: "")
    stored.hash = try derive(secret, like: stored).base64EncodedString()
    return stored
  }

  /// Whether `secret` is the one `stored` was made from. A stored hash with parameters out
  /// of bounds (a tampered file asking for gigabytes) never matches.
  public static func matches(_ secret: String, _ stored: SecretHash) -> Bool {
    guard let expected = Data(base64Encoded: stored.hash), expected.count == outputBytes,
      let derived = try? derive(secret, like: stored)
    else { return false }
    // Constant time: every byte is compared whatever the first difference.
    return zip(derived, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }

  private static func derive(_ secret: String, like stored: SecretHash) throws(AccessError) -> Data {
    guard stored.algorithm == "scrypt", (10...20).contains(stored.costExponent), (1...16).contains(stored.blockSize),
      (1...4).contains(stored.parallelism), let salt = Data(base64Encoded: stored.salt), !salt.isEmpty
    else { throw .unusableHash }
    guard secret.utf8.count <= maximumLength else { throw .tooLong }
    do {
      let key = try KDF.Scrypt.deriveKey(
        from: Array(secret.utf8), salt: salt, outputByteCount: outputBytes, rounds: 1 << stored.costExponent,
        blockSize: stored.blockSize, parallelism: stored.parallelism)
      return key.withUnsafeBytes { Data($0) }
    } catch {
      throw .unusableHash
    }
  }
}

/// Why a PIN or passphrase could not be set or checked, for the person at the keyboard.
public enum AccessError: Error, Equatable, Sendable, CustomStringConvertible {
  case tooLong
  case unusableHash
  case tooShort(minimum: Int)
  case mismatch
  case wrongSecret
  case file(FileWriteError)
  case unreadable(path: String, reason: String)

  public var description: String {
    switch self {
    case .tooLong: "That is too long (at most \(SecretHasher.maximumLength) bytes)."
    case .unusableHash: "The stored hash cannot be used (damaged or edited by hand)."
    case .tooShort(let minimum): "That is too short: use at least \(minimum) characters."
    case .mismatch: "The two entries differ; nothing was changed."
    case .wrongSecret: "That is not right."
    case .file(let error): error.description
    case .unreadable(let path, let reason): "Cannot read \(path): \(reason)."
    }
  }
}
