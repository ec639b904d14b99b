import Testing

@testable import SaferCore

/// HTML in question banks becomes lesson markup; no tag ever reaches the screen.
@Suite("HTML to terminal text")
struct HTMLToTextTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var html: String
    var text: String
    var testDescription: String { html }
    init(_ html: String, _ text: String) {
      self.html = html
      self.text = text
    }
  }

  static let cases: [Case] = [
    Case("<b>bold</b> and <strong>strong</strong>", "**bold** and **strong**"),
    Case("<i>it</i> <em>em</em>", "*it* *em*"),
    Case("Type <code>ls -l</code> or <kbd>Ctrl</kbd>", "Type `ls -l` or `Ctrl`"),
    Case("a<b> spaced </b>word", "a **spaced** word"),
    Case("<b></b>empty", "empty"),
    Case("<p>One</p><p>Two</p>", "One\n\nTwo"),
    Case("line<br>break<br/>again", "line\nbreak\nagain"),
    Case("one<br><br>two", "one\n\ntwo"),
    Case("<ul><li>first</li><li>second</li></ul>after", "- first\n- second\n\nafter"),
    Case("<ol>\n  <li>a</li>\n  <li>b</li>\n</ol>", "- a\n- b"),
    Case("<h2>Title</h2>text", "**Title**\n\ntext"),
    Case("&lt;b&gt; &amp; &quot;q&quot; &#39;s&#39; &eacute;t&eacute; &#x1F512; &#8217;", "<b> & \"q\" 's' été 🔒 ’"),
    Case("a&nbsp;b &unknown; & c &#0; &#xD800;", "a b &unknown; & c \u{FFFD} \u{FFFD}"),
    Case("x<script>alert('<b>')</script>y<style>p{}</style>z", "xyz"),
    Case("a<!-- hidden <b> -->b<!doctype html>c<?xml?>d", "abcd"),
    Case("a < b and c > d", "a < b and c > d"),
    Case("x<y", "x<y"),
    Case("<a href=\"https://bank.example/login\">your bank</a>", "your bank (https://bank.example/login)"),
    Case("<a href='https://bank.example/'>https://bank.example</a>", "https://bank.example"),
    Case("<a href=\"javascript:alert(1)\">click</a>", "click"),
    Case("<a href=\"mailto:help@school.example\">help@school.example</a>", "help@school.example"),
    Case("<img src=\"x.png\" alt=\"a padlock\"> <img src=x.png>", "[image: a padlock] [image]"),
    Case("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
    Case("<pre>line 1\nline 2</pre>", "line 1\nline 2"),
    Case("  spaces\n\tand\n  newlines  ", "spaces and newlines"),
    Case("<div\n class=\"x\">multi-line tag</div>", "multi-line tag"),
    Case("<a title=\"x > y\">quoted</a>", "quoted"),
    Case("<span data-x=\"never closed", "<span data-x=\"never closed"),  // no `>`: not a tag
    Case("esc\u{1B}[31mape", "esc[31mape"),
  ]

  @Test(arguments: cases)
  func converts(_ example: Case) {
    #expect(HTMLToText.convert(example.html) == example.text)
  }

  @Test func moodleFormatKeepsLineBreaks() {
    #expect(HTMLToText.convert("one\ntwo <b>three</b>", keepsLineBreaks: true) == "one\ntwo **three**")
    #expect(HTMLToText.convert("one\ntwo", keepsLineBreaks: true) == "one\ntwo")
    #expect(HTMLToText.convert("one\n\n\ntwo", keepsLineBreaks: true) == "one\n\ntwo")
    #expect(HTMLToText.convert("<ul>\n<li>a</li>\n<li>b</li>\n</ul>", keepsLineBreaks: true) == "- a\n- b")
  }

  /// The shortcut for text with nothing to convert gives what the full conversion gives.
  @Test(arguments: [
    "plain words", " padded ", "a\nb", "a\n\nb", "a\n\n\nb", "a \nb", "a\n b", "a  b", "tab\there", "x\u{7F}y",
    "caf\u{E9}", "\u{A0}nbsp\u{A0}", "\u{2003}em\u{2003}", "\u{85}next", "*markup* `kept`",
  ])
  func shortcutAgrees(_ text: String) {
    for (keepsLineBreaks, markup) in [(false, true), (true, true), (false, false)] {
      #expect(
        HTMLToText.convert(text, keepsLineBreaks: keepsLineBreaks, markup: markup)
          == HTMLToText.convertTags(text, keepsLineBreaks: keepsLineBreaks, markup: markup))
    }
  }

  @Test func plainTextHasNoMarkup() {
    #expect(HTMLToText.convert("<b>Bold</b> <li>item", markup: false) == "Bold item")
  }

  @Test(arguments: [
    ("[html]<b>x</b>", GIFTTextFormat.html, "<b>x</b>"), ("[plain] x ", .plain, "x"), ("[markdown]x", .markdown, "x"),
    ("[moodle]x", .moodle, "x"), ("[HTML]x", .moodle, "[HTML]x"), ("x[html]", .moodle, "x[html]"),
    ("[html x", .moodle, "[html x"),
  ])
  func formatMarkers(_ text: String, format: GIFTTextFormat, body: String) {
    let split = GIFTTextFormat.split(text, default: .moodle)
    #expect(split.format == format)
    #expect(split.body == body)
  }

  @Test(arguments: [
    ("# Heading", "**Heading**"), ("+ item\n* other", "- item\n- other"),
    ("see [docs](https://x.example)", "see docs (https://x.example)"),
    ("![padlock](p.png) [](https://x.example) [a] (b)", "[image: padlock] https://x.example [a] (b)"),
    ("__strong__ and *em*", "**strong** and *em*"),
  ])
  func markdown(_ text: String, expected: String) {
    #expect(GIFTTextFormat.markdown.render(text) == expected)
  }

  @Test(arguments: ["a*b", "*", "1+1=2*", "(x)[y]{z}*", "a.b*c?d", "^$|*x"])
  func wildcardPatternsCompile(_ answer: String) throws {
    let wildcard = try #require(GIFTWildcard(answer))
    _ = try Regex(wildcard.pattern)
  }
}
