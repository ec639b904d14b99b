import Foundation
import SaferCore

/// Parsing a generated 10,000-question GIFT bank: every kind, with titles, categories,
/// feedback, weights, escapes and some HTML, as exported banks have.
enum GIFTBenchmark {
  static func run(_ report: Reporter) {
    let text = bank(questions: 10_000)
    var timings: [Double] = []
    var parsed = 0
    for _ in 0..<9 {
      timings.append(
        milliseconds {
          parsed = GIFTParser.parse(text: text, file: "bench.gift", contentVersion: "bench").0?.questions.count ?? 0
        })
    }
    if parsed != 10_000 { report.note("expected 10000 GIFT questions, parsed \(parsed)") }
    report.result("gift_parse_10000_questions_p50", percentile(timings, 50), "ms", target: "< 200 ms")
  }

  static func bank(questions: Int) -> String {
    var text = "// Generated for safer-bench.\n\n"
    for number in 0..<questions {
      if number % 500 == 0 { text += "$CATEGORY: $course$/top/Bench/Part \(number / 500)\n\n" }
      text += "// question \(number)\n::Question \(number)::"
      switch number % 8 {
      case 0:
        text += """
          Which password is hardest to guess, number \(number)?{
            ~P@ssw0rd1!#Symbol swaps are guessed early.
            =purple tractor sings at dawn#Long and random.
            ~12345678#The most common one.
            ####Length beats cleverness.
          }
          """
      case 1:
        text += """
          [html]<p>Which habits keep an account <b>safe</b>?</p>{
            ~%50%Two-step verification#Yes.
            ~%50%A different password for each account#Yes.
            ~%-100%Sharing it with a friend#Never.
          }
          """
      case 2:
        text += "Reusing one password everywhere is fine.{F#It is not: one leak opens all.#Right.}"
      case 3:
        text += """
          What is the second step of signing in called?{
            =two-factor authentication#Yes.
            =%50%verification code#Close.
            =*2FA*
          }
          """
      case 4:
        text += """
          Match each threat with what it does.{
            =Phishing -> steals passwords
            =Ransomware -> locks files
            =Spyware -> watches you
          }
          """
      case 5:
        text += "How many digits should a PIN have at least?{#=%100%6:0#Six. =%50%4:0#Four. ~#Count again.}"
      case 6:
        text += "A password manager {=remembers ~shares ~sells} your passwords \\{safely\\}."
      default:
        text += "Describe how you would help a friend whose account was stolen.{####Name one step.}"
      }
      text += "\n\n"
    }
    return text
  }
}
