import Foundation
import SaferCore

/// Loading and validating 1,000 generated questions (50 lessons of 20, every kind).
enum LoadBenchmark {
  static func run(_ report: Reporter) throws {
    let folder = try temporaryFolder("load")
    for lesson in 0..<50 {
      try lessonYAML(number: lesson).write(toFile: folder + "/lesson-\(lesson).yaml", atomically: true, encoding: .utf8)
    }
    var timings: [Double] = []
    var questions = 0
    for _ in 0..<15 {
      timings.append(
        milliseconds {
          let library = LessonLibrary.load(paths: [folder])
          questions = library.lessons.reduce(0) { $0 + $1.questions.count }
        })
    }
    if questions != 1000 { report.note("expected 1000 questions, loaded \(questions)") }
    report.result("load_validate_1000_questions_p50", percentile(timings, 50), "ms", target: "< 100 ms")
  }

  static func lessonYAML(number: Int) -> String {
    var yaml = """
      id: generated-\(number)
      title: Generated lesson \(number)
      topic: passwords
      level: "10-13"
      objectives: [Measure loading]
      sources: [{title: Generated, url: "https://example.org"}]
      steps:
        - explain: Some *text* with `code`.

      """
    for question in 0..<20 {
      let id = "q\(question)"
      switch question % 5 {
      case 0:
        yaml += """
            - id: \(id)
              kind: single
              prompt: Which one, number \(question)?
              choices:
                - {text: One, feedback: No.}
                - {text: Two, correct: true, feedback: Yes.}
                - {text: Three, feedback: No.}
              hints: [Think.]

          """
      case 1:
        yaml += """
            - id: \(id)
              kind: multiple
              prompt: Which ones?
              choices:
                - {text: One, correct: true, feedback: Yes.}
                - {text: Two, correct: true, feedback: Yes.}
                - {text: Three, feedback: No.}

          """
      case 2:
        yaml += """
            - id: \(id)
              kind: text
              prompt: Type it.
              accept: [passphrase, pass phrase]
              feedback: {correct: Yes., wrong: No.}

          """
      case 3:
        yaml += """
            - id: \(id)
              kind: order
              prompt: Order them.
              items: [First, Second, Third]
              feedback: {correct: Yes., wrong: No.}

          """
      default:
        yaml += """
            - id: \(id)
              kind: number
              prompt: How many?
              answer: 15
              feedback: {correct: Yes., wrong: No.}

          """
      }
    }
    return yaml
  }
}
