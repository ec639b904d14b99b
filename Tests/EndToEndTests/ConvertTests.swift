import Foundation
import Testing

/// `safer convert` as a teacher runs it: question banks in, native YAML, GIFT for Moodle
/// and the JSON question model out, with problems on standard error.
@Suite("safer convert")
struct ConvertTests {
  let sandbox: Sandbox

  init() throws { sandbox = try Sandbox() }

  private func file(_ name: String, _ text: String) throws -> String {
    let url = sandbox.root.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  private var demo: String { sandbox.lessons.appendingPathComponent("demo.yaml").path }

  /// `path:line:column: severity: message` lines of `text` that name `path`.
  private func diagnostics(_ text: String, severity: String, file path: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { line in
      line.hasPrefix(path + ":") && line.wholeMatch(of: /.+:\d+:\d+: (error|warning): .+/) != nil
        && line.contains(": \(severity): ")
    }
  }

  @Test func anAikenBankBecomesABankFileThatCheckAccepts() throws {
    let bank = try file(
      "links.aiken", "Which link is safe?\nA. http://bank.example.evil.io\nB. https://bank.example\nANSWER: B\n")
    let output = sandbox.root.appendingPathComponent("links.yaml").path
    let result = try sandbox.run(["convert", bank, "--to", "yaml", "--output", output])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let yaml = try String(contentsOfFile: output, encoding: .utf8)
    #expect(yaml.hasPrefix("kind: bank\nid: links\n"), "\(yaml)")
    let check = try sandbox.run(["check", output])
    #expect(check.status == 0, "\(check.output)")
    #expect(!check.stdout.contains(": error: "))
  }

  @Test func aLessonBecomesGIFTAndWhatGIFTCannotHoldIsNamed() throws {
    let result = try sandbox.run(["convert", demo, "--to", "gift"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains("::pick::Which is strongest?{\n\t~P@ss1#Too short.\n\t=river candle jump moon#Long and random.\n}"))
    #expect(result.stdout.contains("::tf::A padlock means the site is honest.{FALSE#"))
    #expect(result.stdout.contains("::steps::Put these in order.{\n\t=Screenshot -> 1\n"))
    let warnings = diagnostics(result.stderr, severity: "warning", file: demo)
    #expect(warnings.contains { $0.contains("question `steps`: an order question") }, "\(result.stderr)")
    #expect(warnings.contains { $0.contains("question `photo`: a scenario") })
    #expect(warnings.contains { $0.contains("question `num`: its unit `characters` is left out") })
    #expect(diagnostics(result.stderr, severity: "error", file: demo).isEmpty)
  }

  @Test func aLessonStaysALessonThroughYAML() throws {
    let result = try sandbox.run(["convert", demo, "--to", "yaml"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("kind: lesson\nid: demo-lesson\n"))
    let copy = try file("copy.yaml", result.stdout.replacingOccurrences(of: "id: demo-lesson", with: "id: demo-copy"))
    let check = try sandbox.run(["check", copy])
    #expect(check.status == 0, "\(check.output)")
    #expect(check.stderr.contains("8 questions"), "\(check.stderr)")
  }

  @Test func theJSONModelNamesEveryStepAndQuestion() throws {
    let result = try sandbox.run(["convert", demo, "--to", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    let document = try #require(object as? [String: Any])
    #expect(document["modelVersion"] as? Int == 1)
    #expect(document["kind"] as? String == "lesson")
    let steps = try #require(document["steps"] as? [[String: Any]])
    let kinds = steps.compactMap { ($0["question"] as? [String: Any])?["kind"] as? String }
    #expect(kinds == ["single", "multiple", "truefalse", "text", "number", "order", "scenario", "scenario"])
    #expect(steps.first?["type"] as? String == "explanation")
  }

  @Test func aGIFTBankGoesToYAMLAndBackToGIFT() throws {
    let gift = try file(
      "bank.gift",
      """
      $CATEGORY: safety/passwords

      ::Strongest::Which password is hardest to guess?{
        ~P@ssw0rd1!#Guessed early.
        =purple tractor sings at dawn#Long and random.
        ####Length beats cleverness.
      }

      ::Padlock::A padlock means the site is honest.{F#It only means encrypted.#Right.}

      """)
    let yamlPath = sandbox.root.appendingPathComponent("bank.yaml").path
    let toYAML = try sandbox.run(["convert", gift, "--to", "yaml", "-o", yamlPath])
    #expect(toYAML.status == 0, "\(toYAML.stderr)")
    #expect(try String(contentsOfFile: yamlPath, encoding: .utf8).contains("category: safety/passwords"))
    #expect(try sandbox.run(["check", yamlPath]).status == 0)
    let back = try sandbox.run(["convert", yamlPath, "--to", "gift"])
    #expect(back.status == 0, "\(back.stderr)")
    #expect(
      back.stdout == """
        $CATEGORY: safety/passwords

        ::Strongest::Which password is hardest to guess?{
        \t~P@ssw0rd1!#Guessed early.
        \t=purple tractor sings at dawn#Long and random.
        \t####Length beats cleverness.
        }

        ::Padlock::A padlock means the site is honest.{FALSE#It only means encrypted.#Right.}

        """)
  }

  @Test func errorsInTheInputAreReportedWithTheirPlaceAndNothingIsWritten() throws {
    let broken = try file("broken.yaml", DemoLesson.yaml.replacingOccurrences(of: "kind: truefalse", with: "kind: trueish"))
    let output = sandbox.root.appendingPathComponent("out.gift").path
    let result = try sandbox.run(["convert", broken, "--to", "gift", "--output", output])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    let errors = diagnostics(result.stderr, severity: "error", file: broken)
    #expect(errors.contains { $0.contains("unknown question kind `trueish`") }, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))

    let quiz = try file("quiz.yaml", "kind: quiz\nid: q\ntitle: Q\nselect:\n  - lesson: demo-lesson\n")
    let quizResult = try sandbox.run(["convert", quiz, "--to", "json"])
    #expect(quizResult.status == 1)
    #expect(quizResult.stderr.contains("\(quiz):1:1: error: this is a quiz file"), "\(quizResult.stderr)")
  }
}
