// swift-tools-version:6.0
import PackageDescription

/// Safer Shell: a libedit-powered terminal trainer about online safety.
///
/// Module map (see docs/ARCHITECTURE.md):
/// - `SaferCore`: pure logic (model, loaders, validation, scoring, records). Never prints.
/// - `CEditLine`: the system libedit plus a tiny C shim for its variadic calls.
/// - `SaferAccess`: teacher passphrase and student PINs (scrypt, from swift-crypto).
/// - `SaferShell`: the REPL, line editors, commands and rendering.
/// - `SaferClassServer`: the live class server (Hummingbird and its WebSocket support).
/// - `SaferClassClient`: a student's connection to a live class (swift-websocket's client).
/// - `safer`: the thin executable (swift-argument-parser).
/// - `safer-bench`: release-mode benchmarks that print their figures.
///
/// Linux only, and built and tested only there: the records' durable writes call Glibc
/// directly (fdatasync, O_NOFOLLOW, flock), so no other platform is declared.
let package = Package(
  name: "SaferShell",
  products: [
    .executable(name: "safer", targets: ["safer"]),
    .executable(name: "safer-bench", targets: ["safer-bench"]),
    .library(name: "SaferCore", targets: ["SaferCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
    .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
  ],
  targets: [
    .target(
      name: "SaferCore",
      dependencies: [.product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "CEditLine",
      linkerSettings: [.linkedLibrary("edit")]
    ),
    .target(
      name: "SaferAccess",
      dependencies: [
        "SaferCore",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "SaferShell",
      dependencies: ["SaferCore", "SaferAccess", "CEditLine"]
    ),
    .target(
      name: "SaferClassServer",
      dependencies: [
        "SaferCore",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .target(
      name: "SaferClassClient",
      dependencies: [
        "SaferCore",
        .product(name: "WSClient", package: "swift-websocket"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(
      name: "safer",
      dependencies: [
        "SaferCore", "SaferShell", "SaferAccess", "SaferClassServer", "SaferClassClient",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "safer-bench",
      dependencies: ["SaferCore", "SaferClassClient"],
      path: "Benchmarks/safer-bench"
    ),
    // The hello-world baseline `safer-bench` times `safer` against.
    .executableTarget(name: "safer-hello", path: "Benchmarks/safer-hello"),
    .testTarget(
      name: "SaferCoreTests", dependencies: ["SaferCore"],
      // GIFT files the tests read through #filePath.
      exclude: ["Formats/GIFT/Corpus", "Records/Corpus", "Review/Fixtures"]),
    .testTarget(
      name: "SaferShellTests", dependencies: ["SaferShell", "SaferCore"],
      // Recorded screens, read by the tests through #filePath.
      exclude: ["Shell/Transcripts"]),
    .testTarget(name: "SaferAccessTests", dependencies: ["SaferAccess", "SaferCore"]),
    .testTarget(name: "EndToEndTests", dependencies: ["SaferCore", "safer"]),
  ]
)
