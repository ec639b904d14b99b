import SaferCore

extension Shell {
  func help(_ topic: String) {
    if !topic.isEmpty {
      guard let command = ShellCommand.named(topic) else {
        let hint = Suggestion.sentence(for: topic, among: ShellCommand.allNames)
        error("No command `\(TerminalSafe.clean(topic, keepNewlines: false))`.\(hint)")
        return
      }
      out.line(
        style.bold(command.usage)
          + (command.aliases.isEmpty ? "" : style.dim("  (also: \(command.aliases.joined(separator: ", ")))")))
      say("  " + command.summary + ".")
      if !command.details.isEmpty {
        out.lines(TextWrapper(width: env.width()).wrap(command.details, firstIndent: "  ", indent: "  "))
      }
      return
    }
    out.line(style.bold("Commands"))
    let usageWidth = ShellCommand.all.map { $0.usage.count }.max() ?? 0
    let columns = env.width()
    let wrapper = TextWrapper(width: columns)
    for command in ShellCommand.all {
      if usageWidth + 24 <= columns {
        let padded = command.usage + String(repeating: " ", count: usageWidth - command.usage.count)
        out.lines(
          wrapper.wrap(
            "  " + style.cyan(padded) + "  " + command.summary, indent: String(repeating: " ", count: usageWidth + 4)))
      } else {
        // Too narrow for two columns: the summary goes under the usage.
        out.lines(wrapper.wrap("  " + style.cyan(command.usage), indent: "    "))
        out.lines(wrapper.wrap(command.summary, firstIndent: "      ", indent: "      "))
      }
    }
    say(
      style.dim(
        "While a question is open, anything else you type is your answer. Tab completes; Ctrl-C clears a half-typed line, and on an empty line stops a lesson (progress kept); Ctrl-D leaves."
      ))
  }
}
