import SaferCore

/// `lab link` and `safer link`: a link's parts in a small table, then each trick found,
/// then the verdict in words (and a symbol, so it never depends on colour alone).
extension QuestionRenderer {
  public func link(_ check: LinkCheck) -> [String] {
    let link = check.anatomy
    var rows: [(String, String)] = []
    rows.append(("scheme", link.scheme ?? "(none: a browser adds https://)"))
    if let userInfo = link.userInfo { rows.append(("before @", userInfo + "  ← ignored by the browser")) }
    rows.append(("host", link.host == link.hostUnicode ? link.host : "\(link.host)  (reads: \(link.hostUnicode))"))
    if let port = link.port { rows.append(("port", String(port))) }
    if let registrable = link.registrableDomain {
      rows.append(("website", registrable + "  ← who you are really visiting"))
    } else if link.isIPAddress {
      rows.append(("website", "a number, not a name"))
    }
    if let subdomain = link.subdomain { rows.append(("in front", subdomain)) }
    rows.append(("path", link.path))
    if let query = link.query { rows.append(("query", query)) }
    if let fragment = link.fragment { rows.append(("fragment", fragment)) }
    var lines: [String] = []
    for (label, value) in rows {
      lines += TextWrapper(width: width).wrap(
        display(value, keepNewlines: false),
        firstIndent: "  " + style.dim(label.padding(toLength: 9, withPad: " ", startingAt: 0)) + " ",
        indent: String(repeating: " ", count: 12))
    }
    lines.append("")
    for flag in check.flags {
      let mark =
        switch flag.severity {
        case .danger: style.plain ? "Danger:" : style.red("✗")
        case .caution: style.plain ? "Careful:" : style.yellow("!")
        case .info: style.plain ? "Note:" : style.cyan("i")
        }
      lines += TextWrapper(width: width).wrap(display(flag.message, keepNewlines: false), firstIndent: mark + " ", indent: "  ")
    }
    switch check.verdict {
    case .probablyFake:
      lines += TextWrapper(width: width).wrap(
        style.red(style.bold("✗ Probably fake.")) + " Do not open it or type anything there. Tell an adult you trust.")
    case .beCareful:
      lines += TextWrapper(width: width).wrap(
        style.yellow(style.bold("! Be careful.")) + " Check who sent it, and go to the website by typing its name yourself.")
    case .looksFine:
      lines += TextWrapper(width: width).wrap(
        style.green(style.bold("✓ No tricks found."))
          + " That does not make the website good: a real name can still be a bad site."
      )
    }
    return lines
  }
}
