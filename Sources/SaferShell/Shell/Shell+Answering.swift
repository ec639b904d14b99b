import SaferCore

extension Shell {
  /// Shows the open question (and the explanations before it), or the end of the lesson.
  func presentCurrent(withExplanations: Bool) {
    guard let runner else { return }
    // The clock starts (or, after a pause, goes on) before the question is drawn, so the
    // time shown is the time left.
    if runner.present()?.question != nil { runner.questionShown() }
    guard let presentation = runner.present() else { return }
    out.line()
    if withExplanations { out.lines(renderer.explanations(presentation.explanations)) }
    if let question = presentation.question {
      out.lines(
        renderer.question(
          question, number: presentation.number, total: presentation.total, timeLimit: presentation.timeLimit,
          remainingSeconds: presentation.remainingSeconds,
          secondsLeft: presentation.deadline.map { $0.timeIntervalSince(env.clock.now()) }))
    } else {
      // Explanations only, then the end: close the lesson as finished.
      finishWithoutQuestion(runner)
    }
  }

  func answer(_ text: String) {
    guard let runner else { return }
    do {
      show(try runner.answer(text), of: runner)
    } catch .response(let problem) {
      say(style.yellow(TerminalSafe.clean(problem.description)))
    } catch .notSaved(let problem) {
      saveFailed(problem, runner: runner)
    } catch {
      self.error(error.description)
    }
  }

  /// The open question's time ran out before Enter: it is recorded as unanswered (0
  /// points) and the next one follows.
  func timeUp() {
    guard let runner else { return }
    do {
      guard let outcome = try runner.expire() else { return }
      show(outcome, of: runner)
    } catch {
      // Not saved (a full disk): the question stays closed to the clock, and the shell
      // waits for `retry` instead of trying again at once, forever.
      expiryFailed = runner.questionDeadline
      saveFailed(error, runner: runner)
    }
  }

  /// `retry`: saves the answer the disk refused, as it was typed and timed.
  func retry() {
    guard let runner, runner.hasUnsavedAnswer else {
      say("There is no answer waiting to be saved.")
      return
    }
    do {
      guard let outcome = try runner.retryUnsaved() else {
        say("The question that answer was for is no longer open, so there is nothing to save.")
        return
      }
      say(style.dim("Saved now."))
      show(outcome, of: runner)
    } catch {
      saveFailed(error, runner: runner)
    }
  }

  /// A save the disk refused: the answer stays in memory, and the student is told how to
  /// save it again rather than type it again.
  private func saveFailed(_ error: RecordError, runner: ActivityRunner) {
    self.error(error.description)
    if runner.hasUnsavedAnswer {
      say("Your answer is kept here: type `retry` to save it once the problem is fixed (ask your teacher if it stays).")
    }
  }

  private func show(_ outcome: AnswerOutcome, of runner: ActivityRunner) {
    answersSaved += 1
    if runner.marksEachAnswer {
      out.lines(renderer.verdict(outcome.grade))
    } else if outcome.grade.timedOut {
      // An exam: the time is said, the marks and answers wait for the end.
      say(
        style.yellow(
          outcome.grade.normalizedResponse.isEmpty ? "⏱ Time is up for this question." : "⏱ That answer came too late."))
    } else {
      say(style.dim("Answer saved. You will see how you did at the end."))
    }
    if let summary = outcome.summary {
      if !runner.closingExplanations.isEmpty {
        out.line()
        out.lines(renderer.explanations(runner.closingExplanations).dropLast())
      }
      out.lines(renderer.summary(summary, lessonTitles: lessonTitles))
      self.runner = nil
      say(style.dim("Type `lessons` for what is next, or `progress` to see how you are doing."))
    } else {
      presentCurrent(withExplanations: true)
    }
  }

  func hint() {
    guard let runner, let question = runner.present()?.question else {
      say("Hints are for questions: start a lesson first.")
      return
    }
    guard runner.allowsHints else {
      say(
        runner.marksEachAnswer
          ? "Hints are off in this quiz." : "This is an exam: no hints. Do your best, and see the answers at the end.")
      return
    }
    guard !question.hints.isEmpty else {
      say("This question has no hints. Read it once more, or `skip` it.")
      return
    }
    guard let hint = runner.nextHint() else {
      say("No more hints for this question.")
      return
    }
    out.lines(renderer.hint(hint, number: runner.hintsShown, of: question.hints.count))
  }

  func skip() {
    guard let runner, runner.present()?.question != nil else {
      say("There is no question to skip.")
      return
    }
    do {
      let summary = try runner.skip()
      answersSaved += 1
      say(style.dim("Skipped."))
      if let summary {
        out.lines(renderer.summary(summary, lessonTitles: lessonTitles))
        self.runner = nil
      } else {
        presentCurrent(withExplanations: true)
      }
    } catch {
      saveFailed(error, runner: runner)
    }
  }

  func again() {
    guard runner?.present()?.question != nil else {
      say("There is no open question. `resume` continues your last lesson.")
      return
    }
    presentCurrent(withExplanations: true)
  }

  private func finishWithoutQuestion(_ runner: ActivityRunner) {
    if let summary = runner.summary() {
      out.lines(renderer.summary(summary, lessonTitles: lessonTitles))
    }
    self.runner = nil
  }

  var lessonTitles: [String: String] {
    Dictionary(library.lessons.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
  }
}
