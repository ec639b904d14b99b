import Foundation
import SaferCore

/// `swift run -c release safer-bench [--json] [--large] [--only GROUP]`: the figures behind
/// docs/benchmarks.md (`--large` adds a student with 200,000 answers, which takes a minute to
/// set up).
///
/// Each benchmark prints its median (and percentiles where the spread matters). With
/// `--json`, one object per line: `{"name": …, "value": …, "unit": …}`.
@main
struct SaferBench {
  static func main() throws {
    let json = CommandLine.arguments.contains("--json")
    let report = Reporter(json: json)
    #if DEBUG
      report.note("warning: a debug build; measure with `swift run -c release safer-bench`")
    #endif
    // `--only class` (or shell, load, save, gift, report, labs, strength) runs one group.
    let only = CommandLine.arguments.firstIndex(of: "--only").flatMap {
      $0 + 1 < CommandLine.arguments.count ? CommandLine.arguments[$0 + 1] : nil
    }
    func wanted(_ name: String) -> Bool { only == nil || only == name }
    if wanted("shell") { try ShellBenchmark.run(report, large: CommandLine.arguments.contains("--large")) }
    if wanted("load") { try LoadBenchmark.run(report) }
    if wanted("save") { try SaveBenchmark.run(report) }
    if wanted("gift") { GIFTBenchmark.run(report) }
    if wanted("report") { try ReportBenchmark.run(report) }
    if wanted("labs") { LabBenchmark.run(report) }
    if wanted("strength") { StrengthBenchmark.run(report) }
    if wanted("class") { try ClassBenchmark.run(report) }
  }
}

/// Prints results as a table or as JSON lines.
struct Reporter {
  let json: Bool

  func result(_ name: String, _ value: Double, _ unit: String, target: String? = nil) {
    if json {
      let rounded = (value * 1000).rounded() / 1000
      print("{\"name\":\"\(name)\",\"value\":\(rounded),\"unit\":\"\(unit)\"}")
    } else {
      let figure = String(format: "%10.3f", value)
      print(
        "\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(figure) \(unit)"
          + (target.map { "   (target \($0))" } ?? ""))
    }
  }

  func note(_ text: String) {
    if !json { FileHandle.standardError.write(Data((text + "\n").utf8)) }
  }
}

/// Percentiles of a list of timings.
func percentile(_ values: [Double], _ p: Double) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return 0 }
  let index = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
  return sorted[index]
}

/// Milliseconds taken by `work`.
func milliseconds(_ work: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try work()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func temporaryFolder(_ name: String) throws -> String {
  let path = NSTemporaryDirectory() + "safer-bench-\(name)-\(getpid())"
  try? FileManager.default.removeItem(atPath: path)
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}
