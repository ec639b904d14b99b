import Testing

@testable import SaferCore

@Suite("Order questions")
struct OrderQuestionTests {
  struct OrderCase: CustomTestStringConvertible, Sendable {
    var id: String
    var count: Int
    var testDescription: String { "\(id), \(count) items" }

    var question: Question {
      Fixtures.question(id, .order((0..<count).map { "Item \($0)" }))
    }
  }

  static let cases: [OrderCase] = ["steps", "report", "a", "b", "evidence-first", "q1", "q2", "q3"].flatMap { id in
    [2, 3, 4, 6].map { OrderCase(id: id, count: $0) }
  }

  /// The letters a student types to answer right: the letter shown beside each item,
  /// taken in the right order of the items.
  static func rightLetters(_ question: Question) -> [String] {
    let display = Grader.displayOrder(of: question)
    return display.indices.map { item in Grader.letter(display.firstIndex(of: item) ?? 0) }
  }

  @Test(arguments: cases)
  func displayOrderIsAFixedShuffleAndNeverTheAnswer(_ example: OrderCase) {
    let order = Grader.displayOrder(of: example.question)
    #expect(order == Grader.displayOrder(of: example.question))
    #expect(order.sorted() == Array(0..<example.count))
    #expect(order != Array(0..<example.count))
  }

  @Test(arguments: cases)
  func rightLettersAnswerCorrectly(_ example: OrderCase) throws {
    let letters = Self.rightLetters(example.question)
    let grade = try Grader.grade(letters.joined(separator: " "), to: example.question)
    #expect(grade.isCorrect)
    #expect(grade.normalizedResponse == letters.joined(separator: " "))
    #expect(try Grader.grade(letters.joined(), to: example.question).isCorrect)
    #expect(try Grader.grade(letters.joined(separator: ",").uppercased(), to: example.question).isCorrect)
    #expect(Grader.rightAnswer(of: example.question).hasPrefix(letters.joined(separator: " ") + ": Item 0 → Item 1"))
    // Typing the letters in display order (a b c …) is never right.
    let inDisplayOrder = (0..<example.count).map(Grader.letter).joined(separator: " ")
    #expect(try !Grader.grade(inDisplayOrder, to: example.question).isCorrect)
    #expect(try !Grader.grade(letters.reversed().joined(separator: " "), to: example.question).isCorrect)
  }

  @Test(arguments: ["a b", "a a b c", "a b c d e", "e", "a b c z"])
  func incompleteOrdersAreProblems(_ response: String) {
    let question = Fixtures.question("steps", .order(["Screenshot", "Block", "Report", "Tell"]))
    #expect(throws: ResponseProblem.incompleteOrder(letters: "a b c d")) {
      try Grader.grade(response, to: question)
    }
  }

  @Test func otherKindsHaveNoDisplayOrder() {
    #expect(Grader.displayOrder(of: Fixtures.question(.trueFalse(answer: true))).isEmpty)
  }
}
