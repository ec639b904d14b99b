import SaferShell
import Testing

@Suite struct PlainTextTests {
  @Test(arguments: [
    ("✓ Right! +1 of 1", "Right! +1 of 1"),
    ("◐ Partly right.", "Partly right."),
    ("✗ Not quite.", "Not quite."),
    ("  c) 12  ███ 3 ✓ right", "  c) 12  ███ 3 (right answer)"),
    ("Ana · quiz 2/8 › ", "Ana, quiz 2/8 > "),
    ("  • tip…", "  - tip..."),
    ("⚠ It has your name in it", "Warning: It has your name in it"),
    ("▶ Passwords", "Starting: Passwords"),
    ("done  · met 3", "done, met 3"),
    ("plain ASCII stays", "plain ASCII stays"),
    ("💡 Count the characters. (hint 1 of 2)", "Hint: Count the characters. (hint 1 of 2)"),
    ("a padlock 🔒 in the bar", "a padlock (lock) in the bar"),
  ])
  func symbolsBecomeWords(line: String, plain: String) {
    #expect(PlainText.translate(line) == plain)
  }

  @Test func aPlainStyleHasNoColourAndSaysProgressInWords() {
    let style = Style(enabled: true, plain: true)
    #expect(!style.enabled)
    #expect(style.green("x") == "x")
    #expect(ProgressBar.render(fraction: 0.375, style: style) == "(38 percent)")
    #expect(Style.plainWanted(environment: ["SAFER_PLAIN": "1"], flag: false))
    #expect(!Style.plainWanted(environment: ["SAFER_PLAIN": "0"], flag: false))
    #expect(Style.plainWanted(environment: [:], flag: true))
  }
}
