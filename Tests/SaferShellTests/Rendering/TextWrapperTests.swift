import Testing

@testable import SaferShell

@Suite struct TextWrapperTests {
  @Test func spacesThatAlignColumnsSurvive() {
    #expect(TextWrapper(width: 40).wrap("  help      list the commands") == ["  help      list the commands"])
  }

  @Test func aBreakDropsTheSpacesAndIndents() {
    let lines = TextWrapper(width: 20).wrap("start <lesson>    start a lesson now", indent: "    ")
    #expect(lines == ["start <lesson>", "    start a lesson", "    now"])
  }

  @Test func wideCharactersCountTwiceAndEscapesNothing() {
    #expect(DisplayWidth.visible("你好") == 4)
    #expect(DisplayWidth.visible("\u{1B}[1mÇelës\u{1B}[0m") == 5)
    for line in TextWrapper(width: 20).wrap("你好世界你好世界你好世界你好世界 end") {
      #expect(DisplayWidth.visible(line) <= 20)
    }
  }

  @Test func anIndentTooWideForTheLineIsShortened() {
    let lines = TextWrapper(width: 24).wrap("one two three four five six seven", indent: String(repeating: " ", count: 20))
    #expect(lines.allSatisfy { DisplayWidth.visible($0) <= 24 })
  }
}
