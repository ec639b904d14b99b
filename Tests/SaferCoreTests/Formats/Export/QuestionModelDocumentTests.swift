import Foundation
import Testing

@testable import SaferCore

/// `safer convert --to json`: a plain, stable JSON shape (its schema is checked against
/// the bundled lessons by scripts/validate-schemas.py).
@Suite struct QuestionModelDocumentTests {
  private func json(_ lesson: Lesson) throws -> [String: Any] {
    let (text, warnings) = try Conversion.convert(lesson, to: .json)
    #expect(warnings.isEmpty)
    return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func stepsAndQuestionsAreNamedObjectsNotSwiftEnums() throws {
    let lesson = Fixtures.branchingLesson()
    let document = try json(lesson)
    #expect(document["modelVersion"] as? Int == 1)
    #expect(document["kind"] as? String == "lesson")
    #expect(document["level"] as? String == "10-13")
    let steps = try #require(document["steps"] as? [[String: Any]])
    #expect(steps.map { $0["type"] as? String } == ["question", "question", "question", "explanation"])
    #expect(steps[1]["next"] as? String == "end")
    #expect(steps[3]["text"] as? String == "Always tell an adult you trust.")
    let photo = try #require(steps[0]["question"] as? [String: Any])
    #expect(photo["kind"] as? String == "scenario")
    #expect(photo["points"] as? Double == 1)
    #expect(photo["shuffleChoices"] as? Bool == true)
    #expect((photo["feedback"] as? [String: String]) == ["correct": "Yes.", "wrong": "No."])
    let choices = try #require(photo["choices"] as? [[String: Any]])
    #expect(choices.map { $0["next"] as? String } == ["pressure", "wrap-up"])
    #expect(choices.map { $0["correct"] as? Bool } == [false, true])
    #expect(choices[0]["weight"] == nil, "absent, not null")
    let pressure = try #require(steps[1]["question"] as? [String: Any])
    #expect(pressure["answer"] as? Bool == false)
    #expect(
      Set(pressure.keys) == ["id", "kind", "prompt", "points", "hints", "explanation", "feedback", "shuffleChoices", "answer"])
  }

  @Test func answerDataOfEachKind() throws {
    let questions = [
      Question(
        id: "t",
        kind: .text(.init(options: [.init(text: "a"), .init(text: "b", weight: 50, feedback: "half")], pattern: "a+")),
        prompt: "?"),
      Question(id: "n", kind: .number(.init(options: [.init(value: 15, tolerance: 1)], unit: "cm")), prompt: "?"),
      Question(id: "o", kind: .order(["x", "y"]), prompt: "?"),
      Question(id: "m", kind: .matching([.init(left: "l", right: "r")]), prompt: "?"),
      Question(id: "e", kind: .essay, prompt: "?"),
    ]
    let document = try json(ExportSupport.bank(questions))
    #expect(document["kind"] as? String == "bank")
    #expect(document["level"] == nil)
    let data = try #require(document["steps"] as? [[String: Any]]).compactMap { $0["question"] as? [String: Any] }
    let text = try #require(data[0]["text"] as? [String: Any])
    #expect(text["pattern"] as? String == "a+" && text["forgivesTypos"] as? Bool == true)
    #expect((text["answers"] as? [[String: Any]])?.map { $0["weight"] as? Double } == [100, 50])
    let number = try #require(data[1]["number"] as? [String: Any])
    #expect(number["unit"] as? String == "cm")
    #expect((number["ranges"] as? [[String: Any]])?.first?["min"] as? Double == 14)
    #expect(data[2]["items"] as? [String] == ["x", "y"])
    #expect((data[3]["pairs"] as? [[String: String]]) == [["left": "l", "right": "r"]])
    #expect(Set(data[4].keys) == ["id", "kind", "prompt", "points", "hints", "shuffleChoices"])
  }

  @Test func theDocumentDecodesBackToItself() throws {
    let document = QuestionModelDocument(lesson: Fixtures.runnerLesson())
    let encoded = try JSONEncoder().encode(document)
    #expect(try JSONDecoder().decode(QuestionModelDocument.self, from: encoded) == document)
  }
}
