import Foundation

/// A question bank file (GIFT, Aiken) as a `Lesson` the rest of Safer Shell can use:
/// taken as a quiz with `quiz FILE`, or drawn from by quiz files by its id.
public enum QuestionBank {
  /// File extensions of question banks, and the parser for each.
  static let extensions: Set<String> = ["gift", "aiken"]

  /// The bank's lesson shell: id and title from the file name.
  public static func lesson(file: String, contentVersion: String, steps: [Step]) -> Lesson {
    let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    var lesson = Lesson(
      id: IdentifierRules.slug(name, fallback: "bank"), title: name, topic: Lesson.bankTopic, level: "",
      steps: steps, file: file, contentVersion: contentVersion)
    lesson.isBank = true
    return lesson
  }
}
