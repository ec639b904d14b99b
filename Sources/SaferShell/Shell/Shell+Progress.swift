import SaferCore

extension Shell {
  func showProgress() {
    guard let handle else { return }
    out.lines(ProgressText(style: style, width: env.width()).render(ProgressReport(record: handle.record, library: library)))
  }
}
