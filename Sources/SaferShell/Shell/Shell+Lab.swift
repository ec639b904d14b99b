import SaferCore

extension Shell {
  /// The labs `lab` runs, for help and Tab completion.
  static let labs = ["password", "link"]

  /// `lab <name>`: practice with one's own material, outside any lesson.
  func lab(_ argument: String) {
    let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
    switch words.first?.lowercased() {
    case "password": passwordLab()
    case "link": linkLab(words.count > 1 ? words[1] : "")
    default:
      say(
        "Labs to try: `lab password` (how hard is a password to guess?) and `lab link <link>` (where does a link really go?)."
      )
    }
  }

  /// `lab link <link>`: the link taken apart, and the tricks it plays (see `LinkCheck`).
  func linkLab(_ text: String) {
    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      say("Paste or type a link after `lab link`, e.g. `lab link https://starquest.com.gem-gift.net/claim`.")
      return
    }
    do {
      out.lines(renderer.link(LinkCheck(try LinkAnatomy(text))))
    } catch {
      self.error(error.description)
    }
  }

  /// `lab password`: reads a password with echo off and says how hard it is to guess.
  ///
  /// The password never goes through the line editor (so never into the history), and
  /// is neither stored, logged nor shown: only the estimate is printed, and the estimate
  /// itself keeps nothing.
  func passwordLab() {
    guard env.editor.isInteractive else {
      error(
        "The password lab needs a terminal, so that what you type is not shown. (`safer strength` checks many passwords at once.)"
      )
      return
    }
    say(
      "Type a password to see how hard it is to guess. Make one up just for this: never type your real password anywhere but the site it is for."
    )
    guard let password = env.readSecret("Password (not shown, not saved): ") else {
      out.line()
      say("No password checked.")
      return
    }
    guard !password.isEmpty else {
      say("Nothing typed, so nothing to check. `lab password` to try again.")
      return
    }
    // The student's name, whole and word by word, is what anyone who knows them tries.
    let name = recordHandle?.record.profile.displayName ?? ""
    let words = UserWords([name] + name.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init))
    let estimate = PasswordStrength.estimate(password, userWords: words)
    var generator = SystemRandomNumberGenerator()
    out.lines(renderer.passwordStrength(estimate, example: PassphraseExample.make(using: &generator)))
    say(style.dim("Your password was not saved anywhere."))
  }
}
