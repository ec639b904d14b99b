import SaferCore

/// The commands a student can type, with their help text.
public struct ShellCommand: Sendable {
  /// Every command, so the shell's dispatch is checked by the compiler: a command added
  /// here must be handled there.
  public enum Name: String, CaseIterable, Sendable {
    case help, lessons, start, quiz, resume, hint, skip, again, retry, reset, join, next, certificate, review, lab
    case progress, whoami, pin, user, quit
  }

  /// What a command's argument is, for completion.
  public enum Argument: Sendable {
    case none
    case lesson
    case quizOrFile
    case topic
    case command
    case user
    case classAddress
    case lab
  }

  public var name: Name
  public var aliases: [String] = []
  public var usage: String
  public var summary: String
  public var details: String
  public var argument: Argument

  public static let all: [ShellCommand] = [
    .init(
      name: .help, usage: "help [command]", summary: "list the commands, or explain one",
      details: "`help start` explains `start`.", argument: .command),
    .init(
      name: .lessons, usage: "lessons [topic]", summary: "list lessons and quizzes with your progress",
      details:
        "Shows each lesson's topic, age band, time and how far you got, for your age group. `lessons fraud` shows one topic, `lessons 10-13` one age group, `lessons all` everything; when the whole list would not fit the screen, `lessons` shows one line per topic.",
      argument: .topic),
    .init(
      name: .start, usage: "start <lesson>", summary: "start a lesson (or continue it where you left off)",
      details:
        "Tab completes lesson ids. A lesson you left half-way continues where you stopped; a finished lesson starts again as a new attempt. `reset` starts over.",
      argument: .lesson),
    .init(
      name: .quiz, usage: "quiz <quiz-or-file> [--options]", summary: "take a quiz, by id or from a quiz file",
      details:
        "`quiz safer-basics-quiz`, or `quiz path/to/quiz.yaml` (also GIFT `.gift` and Aiken `.txt` question banks) to take a quiz that is not in the lesson folder. Tab completes quiz ids and file paths. Options can make this attempt stricter than the quiz file (fewer questions or attempts, less time, a higher pass mark, exam mode), never easier: "
        + QuizOverrides.options.map { "`--\($0.name)\($0.value.map { " " + $0 } ?? "")` \($0.summary)" }.joined(separator: "; ")
        + ".",
      argument: .quizOrFile),
    .init(
      name: .resume, usage: "resume", summary: "continue your last unfinished lesson or quiz",
      details: "Picks up at the question where you stopped, even after closing the shell.", argument: .none),
    .init(
      name: .hint, usage: "hint", summary: "reveal the next hint for the current question",
      details: "Hints come one at a time. Each hint used costs a quarter of the question's points (at most three quarters).",
      argument: .none),
    .init(
      name: .skip, usage: "skip", summary: "skip the current question (it scores 0)",
      details: "The question is recorded as skipped and shown in the summary with its answer.", argument: .none),
    .init(
      name: .again, usage: "again", summary: "show the current question again", details: "Also shows the text before it.",
      argument: .none),
    .init(
      name: .retry, usage: "retry", summary: "save again an answer the disk refused",
      details:
        "When an answer could not be saved (a full disk, a missing folder), it is kept in the shell: `retry` saves it as you gave it, without typing it again.",
      argument: .none),
    .init(
      name: .reset, usage: "reset <lesson>", summary: "start a lesson or quiz over (earlier attempts are kept)",
      details:
        "Your unfinished attempt is closed and kept in your record, and the lesson starts again from the first step. For a quiz with a limited number of attempts, the closed attempt counts as one.",
      argument: .lesson),
    .init(
      name: .join, usage: "join <address> <code>", summary: "join your teacher's live class quiz",
      details:
        "`join 192.168.1.20:8040 123456`, with the address and code your teacher shows. Each question appears as your teacher opens it; type your answer before the clock runs out. Your answers are saved in your record; if your connection drops or the terminal closes, the same `join` brings you back with your score. `leave` leaves.",
      argument: .classAddress),
    .init(
      name: .next, usage: "next", summary: "what to do next, and why",
      details:
        "One recommendation for your age group: work your teacher set that is due soon, then reviews that are due, then the next lesson of your weakest topic, the lesson you left unfinished, a topic you have not tried, or a quiz to check what you know.",
      argument: .none),
    .init(
      name: .certificate, usage: "certificate", summary: "your certificate, once every lesson for your age is passed",
      details:
        "When every lesson for your age group is passed (50% or more), `certificate` writes a page to print, with your name, the date and your best score in each lesson (and a PDF, where the computer can make one). Before that, it says which lessons are left.",
      argument: .none),
    .init(
      name: .review, usage: "review [new]", summary: "go over questions that are due again (spaced review)",
      details:
        "Every question you answer comes back for review just before you would forget it: sooner if you got it wrong, later each time you get it right (the FSRS-6 scheduler). `review` shows what is due, oldest first; `review new` practises questions from lessons you started that you have not met yet. `hint` and `skip` work as in a lesson; `stop` ends the review. The prompt says how many are due.",
      argument: .none),
    .init(
      name: .lab, usage: "lab password | lab link <link>",
      summary: "practise: how hard is a password to guess, where does a link really go",
      details:
        "`lab password` asks for a password (not shown as you type) and says how many guesses a guessing program would need, what makes it weak and how to make a strong passphrase. Make one up just for the lab: it is never saved, but a real password belongs only on the site it is for. `lab link <link>` takes a link apart: who really owns it, and the tricks it plays (a real name in front, look-alike letters, an @, a short link).",
      argument: .lab),
    .init(
      name: .progress, usage: "progress", summary: "show your scores and what you know per topic",
      details: "Mastery per topic counts your latest answer to each question.", argument: .none),
    .init(
      name: .whoami, usage: "whoami", summary: "show who is logged in and where the record is",
      details:
        "Your name as it was typed, the id your record is kept under, and how many attempts and answers it holds. A teacher can look up the same record with `safer progress --user <name>`.",
      argument: .none),
    .init(
      name: .pin, usage: "pin [off]", summary: "set a PIN so classmates cannot open your record",
      details:
        "Asks for a new PIN twice (not shown as you type) and, if you have one, your current PIN first. Then `user <your name>` and starting the shell as you ask for it. `pin off` removes it. Tell your teacher if you forget it.",
      argument: .none),
    .init(
      name: .user, usage: "user <name>", summary: "switch to another student",
      details: "Your progress is already saved; the other student's record is opened.", argument: .user),
    .init(
      name: .quit, aliases: ["exit"], usage: "quit", summary: "leave (Ctrl-D works too)",
      details: "Everything is saved after each answer, so nothing is lost.", argument: .none),
  ]

  /// Does nothing useful without an argument (`reset` alone resets the open lesson).
  public var needsArgument: Bool {
    switch argument {
    case .lesson: name != .reset
    case .quizOrFile, .user, .classAddress, .lab: true
    default: false
    }
  }

  public static func named(_ word: String) -> ShellCommand? {
    let lowered = word.lowercased()
    return all.first { $0.name.rawValue == lowered || $0.aliases.contains(lowered) }
  }

  public static var allNames: [String] { all.flatMap { [$0.name.rawValue] + $0.aliases } }
}
