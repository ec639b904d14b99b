import SaferCore

extension Shell {
  /// Shows the open question (and the explanations before it), or the end of the lesson.
  func presentCurrent(withExplanations: Bool) {
    guard let runner else { return }
    guard let presentation = runner.present() else { return }
    out.line()
    if withExplanations { out.lines(renderer.explanations(presentation.explanations)) }
    if let question = presentation.question {
      out.lines(
        renderer.question(
          question, number: presentation.number, total: presentation.total, timeLimit: presentation.timeLimit,
          remainingSeconds: presentation.remainingSeconds))
      runner.questionShown()
    } else {
      // Explanations only, then the end: close the lesson as finished.
      finishWithoutQuestion(runner)
    }
  }

  func answer(_ text: String) {
    guard let runner else { return }
    do {
      let outcome = try runner.answer(text)
      answersSaved += 1
      if runner.marksEachAnswer {
        out.lines(renderer.verdict(outcome.grade))
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
    } catch let problem as ResponseProblem {
      say(style.yellow(TerminalSafe.clean(problem.description)))
    } catch {
      self.error(String(describing: error))
    }
  }

  func hint() {
    guard let runner, let question = runner.present()?.question else {
      say("Hints are for questions: start a lesson first.")
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
      self.error(String(describing: error))
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
