/// A lesson: what it teaches, for whom, from which sources, and its steps.
public struct Lesson: Hashable, Sendable {
  public struct Source: Hashable, Sendable {
    public var title: String
    public var url: String?
    public init(title: String, url: String? = nil) {
      self.title = title
      self.url = url
    }
  }

  public var id: String
  public var title: String
  public var topic: String
  /// Age band, e.g. `10-13`.
  public var level: String
  public var language: String
  public var minutes: Int
  public var objectives: [String]
  public var sources: [Source]
  public var steps: [Step]
  /// The file it came from, for messages.
  public var file: String
  /// A fingerprint of the file's bytes, kept in each attempt so a teacher can tell
  /// which version of a lesson a student answered.
  public var contentVersion: String
  /// A question bank imported from GIFT or Aiken: questions without the lesson around
  /// them, taken as a quiz (`quiz FILE`) or drawn from by quiz files.
  public var isBank = false

  public init(
    id: String, title: String, topic: String, level: String, language: String = "en",
    minutes: Int = 10, objectives: [String] = [], sources: [Source] = [], steps: [Step],
    file: String = "", contentVersion: String = ""
  ) {
    self.id = id
    self.title = title
    self.topic = topic
    self.level = level
    self.language = language
    self.minutes = minutes
    self.objectives = objectives
    self.sources = sources
    self.steps = steps
    self.file = file
    self.contentVersion = contentVersion
  }

  /// The topic banks are filed under.
  public static let bankTopic = "bank"

  /// The questions in file order.
  public var questions: [Question] { steps.compactMap(\.question) }
}
