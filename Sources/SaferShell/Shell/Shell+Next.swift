import SaferCore

extension Shell {
  /// `next`: one recommendation, with the command to type (see `NextStep`).
  func showNext() {
    guard let recordHandle else { return }
    let step = NextStep.recommend(
      record: recordHandle.record, library: library, assignments: env.assignments()?.assignments ?? [], now: env.clock.now())
    say(
      style.bold("Next: ") + "`" + TerminalSafe.clean(step.command, keepNewlines: false) + "`. " + TerminalSafe.clean(step.reason)
    )
  }
}
