import Foundation

// The baseline `safer-bench` times `safer` against: the smallest Swift program that
// loads Foundation, as `safer` does, built with the same toolchain and flags.
print("Hello, world! \(Date().timeIntervalSince1970 > 0)")
