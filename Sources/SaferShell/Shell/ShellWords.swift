/// Words on a shell line as a POSIX shell splits them, so a file name with spaces can be
/// typed (`quiz "My Quiz.gift"`, `quiz My\ Quiz.gift`) and Tab completion can write it.
///
/// Double and single quotes group words; a backslash outside single quotes makes the next
/// character plain. Nothing else is special: no variables, globs or pipes.
enum ShellWords {
  enum Problem: Error, Equatable, CustomStringConvertible {
    case unclosedQuote(Character)

    var description: String {
      switch self {
      case .unclosedQuote(let quote): "A \(quote) quote is not closed: put one at the end of the name."
      }
    }
  }

  static func split(_ line: String) throws(Problem) -> [String] {
    let (words, quote) = scan(line)
    if let quote { throw .unclosedQuote(quote) }
    return words.filter { $0.started }.map(\.text)
  }

  /// The last word as typed so far, for completion: its text with quotes and escapes
  /// taken off, and where it starts in `line` (what Tab replaces).
  static func partialLastWord(_ line: String) -> (text: String, start: String.Index) {
    let (words, _) = scan(line)
    guard let last = words.last, last.started || last.start == line.endIndex else { return ("", line.endIndex) }
    return (last.text, last.start)
  }

  /// `word` written so that `split` gives it back whole: spaces, quotes and backslashes
  /// get a backslash.
  static func escape(_ word: String) -> String {
    var result = ""
    for character in word {
      if character == " " || character == "\"" || character == "'" || character == "\\" || character == "\t" {
        result.append("\\")
      }
      result.append(character)
    }
    return result
  }

  private struct Word {
    var text = ""
    var start: String.Index
    /// Whether anything was typed for it (`""` is a word, an empty one).
    var started = false
  }

  /// The words, the last one possibly unfinished, and the quote left open, if any.
  private static func scan(_ line: String) -> ([Word], Character?) {
    var words = [Word(start: line.startIndex)]
    var quote: Character?
    var index = line.startIndex
    while index < line.endIndex {
      let character = line[index]
      let next = line.index(after: index)
      if let open = quote {
        if character == open {
          quote = nil
        } else if character == "\\", open == "\"", next < line.endIndex, "\"\\".contains(line[next]) {
          words[words.count - 1].text.append(line[next])
          index = line.index(after: next)
          continue
        } else {
          words[words.count - 1].text.append(character)
        }
      } else if character == " " || character == "\t" {
        if words[words.count - 1].started { words.append(Word(start: next)) } else { words[words.count - 1].start = next }
      } else if character == "\"" || character == "'" {
        quote = character
        words[words.count - 1].started = true
      } else if character == "\\", next < line.endIndex {
        words[words.count - 1].text.append(line[next])
        words[words.count - 1].started = true
        index = line.index(after: next)
        continue
      } else {
        words[words.count - 1].text.append(character)
        words[words.count - 1].started = true
      }
      index = next
    }
    return (words, quote)
  }
}
