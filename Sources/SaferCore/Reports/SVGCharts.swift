import Foundation

/// The inline SVG charts of the HTML report: score distribution, facility per question,
/// and the topic heat map.
///
/// Plain SVG elements with sizes computed here, no script and no external reference, so
/// the report is one file that opens anywhere, offline, and prints.
enum SVGCharts {
  /// A colour from red (0) through yellow to green (100), for mastery and facility.
  static func heat(_ value: Double) -> String {
    let hue = Int((min(100, max(0, value)) * 1.2).rounded())
    return "hsl(\(hue),70%,72%)"
  }

  /// Attempts per tenth of the score range (`ItemAnalysis.Summary.distribution`).
  static func histogram(_ bins: [Int]) -> String {
    let width = 520
    let height = 240
    let left = 40
    let bottom = 200
    let top = 20
    let barWidth = (width - left - 20) / max(1, bins.count)
    let highest = max(1, bins.max() ?? 1)
    var svg = open(width: width, height: height, label: "Score distribution: attempts per 10% band")
    svg += line(x1: left, y1: bottom, x2: width - 20, y2: bottom)
    svg += line(x1: left, y1: top, x2: left, y2: bottom)
    svg += text(x: left - 6, y: top + 4, anchor: "end", "\(highest)")
    svg += text(x: left - 6, y: bottom + 4, anchor: "end", "0")
    for (index, count) in bins.enumerated() {
      let barHeight = Int((Double(count) / Double(highest) * Double(bottom - top)).rounded())
      let x = left + index * barWidth
      svg +=
        "<rect x=\"\(x + 3)\" y=\"\(bottom - barHeight)\" width=\"\(barWidth - 6)\" height=\"\(barHeight)\" fill=\"#4a78c2\">"
        + "<title>\(index * 10)–\(index * 10 + 10)%: \(count)</title></rect>"
      if count > 0 { svg += text(x: x + barWidth / 2, y: bottom - barHeight - 4, anchor: "middle", "\(count)") }
      svg += text(x: x, y: bottom + 16, anchor: "middle", "\(index * 10)")
    }
    svg += text(x: left + bins.count * barWidth, y: bottom + 16, anchor: "middle", "100")
    svg += text(x: (left + width) / 2, y: bottom + 34, anchor: "middle", "score (%)")
    return svg + "</svg>"
  }

  /// One horizontal bar per question, its facility index 0…100, with guides at 30 and 70
  /// (the range Moodle's documentation calls ideal for most questions).
  static func facility(_ questions: [ItemAnalysis.Question]) -> String {
    let labelWidth = 260
    let barArea = 300
    let row = 22
    let width = labelWidth + barArea + 60
    let height = 30 + row * max(1, questions.count) + 10
    var svg = open(width: width, height: height, label: "Facility index per question")
    for guide in [0, 30, 70, 100] {
      let x = labelWidth + barArea * guide / 100
      svg +=
        "<line x1=\"\(x)\" y1=\"16\" x2=\"\(x)\" y2=\"\(height - 10)\" stroke=\"#bbb\""
        + (guide == 0 || guide == 100 ? "" : " stroke-dasharray=\"4 3\"") + "/>"
      svg += text(x: x, y: 12, anchor: "middle", "\(guide)")
    }
    for (index, question) in questions.enumerated() {
      let y = 24 + index * row
      svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 14)\" text-anchor=\"end\">\(HTMLText.label(question.id, limit: 36))</text>"
      guard let facility = question.facility else {
        svg += text(x: labelWidth + 4, y: y + 14, anchor: "start", "no marks")
        continue
      }
      let length = Int((Double(barArea) * min(100, max(0, facility)) / 100).rounded())
      svg +=
        "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(length)\" height=\"\(row - 6)\" fill=\"\(heat(facility))\">"
        + "<title>\(HTMLText.escape(question.id)): \(ReportFormat.number(facility))</title></rect>"
      svg += text(x: labelWidth + length + 4, y: y + 14, anchor: "start", ReportFormat.number(facility))
    }
    return svg + "</svg>"
  }

  /// Students down, topics across, each cell coloured by mastery; an empty cell is a topic
  /// the student has not met.
  static func heatMap(students: [ClassReport.Student], topics: [ClassReport.Topic]) -> String {
    let nameWidth = 200
    let cell = 64
    let row = 22
    let header = 90
    let width = nameWidth + cell * max(1, topics.count) + 110  // room for the last slanted topic name
    let height = header + row * (students.count + 1) + 10
    var svg = open(width: width, height: height, label: "Topic mastery per student")
    for (column, topic) in topics.enumerated() {
      let x = nameWidth + column * cell + cell / 2
      svg +=
        "<text transform=\"translate(\(x),\(header - 6)) rotate(-40)\">\(HTMLText.label(topic.topic, limit: 18))</text>"
    }
    let rows =
      students.map { ($0.user, $0.mastery) } + [("Class mean", Dictionary(topics.map { ($0.topic, $0.classMean) }) { a, _ in a })]
    for (index, (name, mastery)) in rows.enumerated() {
      let y = header + index * row
      let weight = index == students.count ? " font-weight=\"bold\"" : ""
      svg += "<text x=\"\(nameWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\"\(weight)>\(HTMLText.label(name, limit: 28))</text>"
      for (column, topic) in topics.enumerated() {
        let x = nameWidth + column * cell
        let level = mastery[topic.topic]
        svg +=
          "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(cell - 2)\" height=\"\(row - 2)\" fill=\"\(level.map(heat) ?? "#eee")\">"
          + "<title>\(HTMLText.escape(name)) · \(HTMLText.escape(topic.topic)): \(ReportFormat.percent(level))</title></rect>"
        svg += text(x: x + cell / 2, y: y + 15, anchor: "middle", level.map { ReportFormat.percent($0) } ?? "")
      }
    }
    return svg + "</svg>"
  }

  // MARK: - Pieces

  private static func open(width: Int, height: Int, label: String) -> String {
    "<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
  }

  private static func line(x1: Int, y1: Int, x2: Int, y2: Int) -> String {
    "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"#555\"/>"
  }

  /// A text element; `content` is escaped here.
  private static func text(x: Int, y: Int, anchor: String, _ content: String) -> String {
    "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\">\(HTMLText.escape(content))</text>"
  }
}
