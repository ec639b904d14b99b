import Foundation
import Testing

@testable import SaferCore

/// Moodle's quiz statistics on a class small enough to work out on paper.
///
/// The class (`ReportFixtures.handClass`), marks per question and total T:
///
///             q1 q2 q3 q4 q5(of 2) | T
///     Ana      1  1  1  1  2       | 6
///     Ben      1  1  0  1  1       | 4
///     Cleo     1  0  1  0  2       | 4
///     Dan      0  1  0  0  1       | 2
///     Eli      0  0  1  0  0       | 1
///
/// For each question x is the mark and X = T − x the rest of the quiz; V and C divide by
/// n − 1 = 4. C_max pairs x and X both sorted ascending.
@Suite("Item analysis")
struct ItemAnalysisTests {
  static func analysis() -> ItemAnalysis {
    ItemAnalysis(attempts: ReportFixtures.handClass.map { ReportFixtures.attempt(marks: $0.marks) })
  }

  struct Expected: Sendable, CustomStringConvertible {
    var id: String
    var facility: Double
    var sd: Double
    var discrimination: Double
    var efficiency: Double
    var description: String { id }
  }

  static let expected: [Expected] = [
    // q1: x = 1,1,1,0,0 (x̄ = 0.6), X = 5,3,3,2,1 (X̄ = 2.8).
    //   F = 100 · 0.6 / 1 = 60.
    //   x − x̄ = .4,.4,.4,−.6,−.6: Σ² = 3·.16 + 2·.36 = 1.2, V(x) = 1.2/4 = .3, SD = 100·√.3 = 54.772256.
    //   X − X̄ = 2.2,.2,.2,−.8,−1.8: Σ² = 4.84+.04+.04+.64+3.24 = 8.8, V(X) = 2.2.
    //   Σ products = .88+.08+.08+.48+1.08 = 2.6, C = .65; D = 100·.65/√(.3·2.2) = 65/√.66 = 80.009469.
    //   sorted: x 0,0,1,1,1 with X 1,2,3,3,5: (−.6)(−1.8)+(−.6)(−.8)+.4·.2+.4·.2+.4·2.2 = 2.6,
    //   C_max = .65, E = 100.
    Expected(id: "l/q1", facility: 60, sd: 54.772255750516, discrimination: 80.009469136566, efficiency: 100),
    // q2: x = 1,1,0,1,0 (x̄ = .6), X = 5,3,4,1,1 (X̄ = 2.8).
    //   F = 60; V(x) = .3 as for q1, SD = 54.772256.
    //   X − X̄ = 2.2,.2,1.2,−1.8,−1.8: Σ² = 4.84+.04+1.44+3.24+3.24 = 12.8, V(X) = 3.2.
    //   x − x̄ = .4,.4,−.6,.4,−.6; products .88,.08,−.72,−.72,1.08: Σ = .6, C = .15.
    //   D = 15/√(.3·3.2) = 15/√.96 = 15.309311.
    //   sorted: x 0,0,1,1,1 with X 1,1,3,4,5 (−1.8,−1.8,.2,1.2,2.2): 2·(−.6)(−1.8) + .4·(.2+1.2+2.2)
    //   = 2.16 + 1.44 = 3.6, C_max = .9, E = 100·.15/.9 = 16.666667.
    Expected(id: "l/q2", facility: 60, sd: 54.772255750516, discrimination: 15.309310892395, efficiency: 16.666666666667),
    // q3: x = 1,0,1,0,1 (x̄ = .6), X = 5,4,3,2,0 (X̄ = 2.8).
    //   F = 60, SD = 54.772256.
    //   X − X̄ = 2.2,1.2,.2,−.8,−2.8: Σ² = 4.84+1.44+.04+.64+7.84 = 14.8, V(X) = 3.7.
    //   x − x̄ = .4,−.6,.4,−.6,.4; products .88,−.72,.08,.48,−1.12: Σ = −.4, C = −.1.
    //   D = −10/√(.3·3.7) = −10/√1.11 = −9.491580 (the weakest student got it: check the question).
    //   sorted: x 0,0,1,1,1 with X 0,2,3,4,5 (−2.8,−.8,.2,1.2,2.2): (−.6)(−2.8)+(−.6)(−.8) + .4·3.6
    //   = 1.68+.48+1.44 = 3.6, C_max = .9, E = 100·(−.1)/.9 = −11.111111.
    Expected(id: "l/q3", facility: 60, sd: 54.772255750516, discrimination: -9.491579957525, efficiency: -11.111111111111),
    // q4: x = 1,1,0,0,0 (x̄ = .4), X = 5,3,4,2,1 (X̄ = 3).
    //   F = 40; x − x̄ = .6,.6,−.4,−.4,−.4: Σ² = .72+.48 = 1.2, V(x) = .3, SD = 54.772256.
    //   X − X̄ = 2,0,1,−1,−2: Σ² = 10, V(X) = 2.5.
    //   products 1.2,0,−.4,.4,.8: Σ = 2, C = .5; D = 50/√(.3·2.5) = 50/√.75 = 57.735027.
    //   sorted: x 0,0,0,1,1 with X 1,2,3,4,5 (−2,−1,0,1,2): .8+.4+0+.6+1.2 = 3, C_max = .75,
    //   E = 100·.5/.75 = 66.666667.
    Expected(id: "l/q4", facility: 40, sd: 54.772255750516, discrimination: 57.735026918963, efficiency: 66.666666666667),
    // q5 (of 2): x = 2,1,2,1,0 (x̄ = 1.2), X = 4,3,2,1,1 (X̄ = 2.2).
    //   F = 100 · 1.2 / 2 = 60.
    //   x − x̄ = .8,−.2,.8,−.2,−1.2: Σ² = .64+.04+.64+.04+1.44 = 2.8, V(x) = .7, SD = 100·√.7/2 = 41.833001.
    //   X − X̄ = 1.8,.8,−.2,−1.2,−1.2: Σ² = 3.24+.64+.04+1.44+1.44 = 6.8, V(X) = 1.7.
    //   products 1.44,−.16,−.16,.24,1.44: Σ = 2.8, C = .7; D = 70/√(.7·1.7) = 70/√1.19 = 64.168895.
    //   sorted: x 0,1,1,2,2 (−1.2,−.2,−.2,.8,.8) with X 1,1,2,3,4 (−1.2,−1.2,−.2,.8,1.8):
    //   1.44+.24+.04+.64+1.44 = 3.8, C_max = .95, E = 100·.7/.95 = 73.684211.
    Expected(id: "l/q5", facility: 60, sd: 41.833001326704, discrimination: 64.168894791975, efficiency: 73.684210526316),
  ]

  @Test(arguments: expected)
  func moodleFiguresMatchTheHandWorkedValues(_ expected: Expected) throws {
    let question = try #require(Self.analysis().questions.first { $0.id == expected.id })
    #expect(question.count == 5)
    #expect(abs(try #require(question.facility) - expected.facility) < 1e-6)
    #expect(abs(try #require(question.standardDeviation) - expected.sd) < 1e-6)
    #expect(abs(try #require(question.discrimination) - expected.discrimination) < 1e-6)
    #expect(abs(try #require(question.discriminativeEfficiency) - expected.efficiency) < 1e-6)
  }

  @Test func wholeQuizFigures() throws {
    // Percentages 6/6, 4/6, 4/6, 2/6, 1/6 of 100, in sixths: 600, 400, 400, 200, 100.
    // Mean = 1700/6/5 = 56.666667; median = 400/6 = 66.666667.
    // Deviations (sixths) 260, 60, 60, −140, −240: Σ² = (67600+3600+3600+19600+57600)/36 = 4222.2222,
    // V = 4222.2222/4 = 1055.5556, SD = 32.489314.
    let summary = Self.analysis().summary
    #expect(summary.attempts == 5)
    #expect(abs(try #require(summary.mean) - 56.666666666667) < 1e-6)
    #expect(abs(try #require(summary.median) - 66.666666666667) < 1e-6)
    #expect(abs(try #require(summary.standardDeviation) - 32.489314482697) < 1e-6)
    // 16.7 → band 1, 33.3 → 3, 66.7 → 6 (twice), 100 → the last band.
    #expect(summary.distribution == [0, 1, 0, 1, 0, 0, 2, 0, 0, 1])
  }

  @Test func questionsKeepTheOrderTheyWereMetIn() {
    #expect(Self.analysis().questions.map(\.id) == ReportFixtures.questions)
    #expect(Self.analysis().questions.map(\.maxMark) == ReportFixtures.maxMarks)
  }

  @Test func figuresAreUndefinedRatherThanZeroWhereMoodleLeavesThemOut() throws {
    // One attempt: no variance, so only the facility index is defined.
    let single = ItemAnalysis(attempts: [ReportFixtures.attempt(marks: [1, 0, 1, 0, 2])])
    let first = try #require(single.questions.first)
    #expect(first.facility == 100)
    #expect(first.standardDeviation == nil && first.discrimination == nil && first.discriminativeEfficiency == nil)
    #expect(single.summary.standardDeviation == nil)

    // Everyone right on q1: V(x) = 0, so D and E are undefined; SD is 0.
    let same = ItemAnalysis(
      attempts: [[1, 1, 0, 0, 0], [1, 0, 1, 1, 2], [1, 1, 1, 0, 1]].map { ReportFixtures.attempt(marks: $0) })
    let constant = try #require(same.questions.first)
    #expect(constant.facility == 100 && constant.standardDeviation == 0)
    #expect(constant.discrimination == nil && constant.discriminativeEfficiency == nil)

    let empty = ItemAnalysis(attempts: [])
    #expect(empty.questions.isEmpty && empty.summary.attempts == 0 && empty.summary.mean == nil)
  }

  @Test func aQuestionCountsOnlyInTheAttemptsThatDrewIt() throws {
    // q9 is drawn by two attempts of three: its figures are over those two.
    // x = 1, 0; X = 1, 1 (the rest of each attempt): F = 50, V(X) = 0 so D is undefined.
    let mark = { (question: String, points: Double) in ReportFixtures.answer(question, points: points) }
    let attempts = [
      ReportFixtures.attempt(answers: [mark("l/q1", 1), mark("l/q9", 1)]),
      ReportFixtures.attempt(answers: [mark("l/q1", 1), mark("l/q9", 0)]),
      ReportFixtures.attempt(answers: [mark("l/q1", 0)]),
    ]
    let analysis = ItemAnalysis(attempts: attempts)
    let q9 = try #require(analysis.questions.first { $0.id == "l/q9" })
    #expect(q9.count == 2)
    #expect(q9.facility == 50)
    #expect(q9.discrimination == nil)
    #expect(analysis.questions.first { $0.id == "l/q1" }?.count == 3)
  }

  @Test func aDrawnQuestionWithoutAnAnswerScoresZero() throws {
    let attempt = ReportFixtures.attempt(
      answers: [ReportFixtures.answer("l/q1", points: 1)], order: ["l/q1", "l/q2"])
    let analysis = ItemAnalysis(attempts: [attempt])
    let q2 = try #require(analysis.questions.last)
    #expect(q2.id == "l/q2" && q2.count == 1 && q2.unanswered == 1 && q2.averageMark == 0)
  }

  @Test func wrongResponsesMostChosenFirstWithSkipsAndLateAnswersApart() throws {
    let responses = ["b", "c", "b", "d", "c", "b", "e"]
    var attempts = responses.map { response in
      ReportFixtures.attempt(answers: [ReportFixtures.answer("l/q1", points: 0, response: response)])
    }
    attempts.append(ReportFixtures.attempt(answers: [ReportFixtures.answer("l/q1", points: 0, response: "", skipped: true)]))
    attempts.append(ReportFixtures.attempt(answers: [ReportFixtures.answer("l/q1", points: 0, response: "b", timedOut: true)]))
    attempts.append(ReportFixtures.attempt(answers: [ReportFixtures.answer("l/q1", points: 1, response: "a")]))
    let question = try #require(ItemAnalysis(attempts: attempts).questions.first)
    #expect(
      question.wrongResponses == [.init(response: "b", count: 3), .init(response: "c", count: 2), .init(response: "d", count: 1)])
    #expect(question.skipped == 1 && question.late == 1 && question.right == 1 && question.count == 10)
  }
}
