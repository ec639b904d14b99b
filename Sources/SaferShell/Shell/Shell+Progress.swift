import SaferCore

extension Shell {
  func showProgress() {
    guard let recordHandle else { return }
    out.lines(
      ProgressText(style: style, width: env.width()).render(ProgressReport(record: recordHandle.record, library: library)))
  }
}
