/// A slow, salted hash of a secret (a student's PIN, the teacher passphrase), as stored:
/// never the secret itself. Computing and checking it is `SaferAccess.SecretHasher`'s job.
public struct SecretHash: Codable, Hashable, Sendable {
  /// `scrypt` (RFC 7914).
  public var algorithm: String
  /// scrypt's N as a power of two (N = 2^costExponent), r and p.
  public var costExponent: Int
  public var blockSize: Int
  public var parallelism: Int
  /// Base64.
  public var salt: String
  /// Base64.
  public var hash: String

  public init(algorithm: String, costExponent: Int, blockSize: Int, parallelism: Int, salt: String, hash: String) {
    self.algorithm = algorithm
    self.costExponent = costExponent
    self.blockSize = blockSize
    self.parallelism = parallelism
    self.salt = salt
    self.hash = hash
  }
}
