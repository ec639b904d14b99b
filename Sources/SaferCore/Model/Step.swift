/// One step of a lesson: something to read, or a question to answer.
public struct Step: Hashable, Sendable {
  public enum Content: Hashable, Sendable {
    /// Text with light markup (see `Markup`).
    case explain(String)
    case question(Question)
  }

  /// Needed for questions and for steps a scenario jumps to.
  public var id: String?
  public var content: Content
  /// The step that follows (`end` ends the lesson); `nil` means the next one in the file.
  public var next: String?
  /// A description's title in a question bank (GIFT `::About::Read this first.`), kept so
  /// an exported bank gives it back; explanations in lessons have none.
  public var title: String?
  public var location: SourceLocation?

  public init(id: String? = nil, content: Content, next: String? = nil, location: SourceLocation? = nil) {
    self.id = id
    self.content = content
    self.next = next
    self.location = location
  }

  public var question: Question? {
    if case .question(let q) = content { return q }
    return nil
  }

  /// The step without where it was read from, which no conversion can keep: what a
  /// round trip through another format compares.
  public var placeless: Step {
    var step = self
    step.location = nil
    if case .question(var question) = content {
      question.location = nil
      step.content = .question(question)
    }
    return step
  }
}
