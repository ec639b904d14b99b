import Foundation
import SaferCore

/// Tab completion: commands, lesson and quiz ids, topics, student names, file paths after
/// `quiz`, and the choice letters while a question is open.
final class ShellCompleter: Completer {
  private weak var shell: Shell?

  init(shell: Shell) { self.shell = shell }

  func completions(forLineBeforeCursor text: String) -> [String] {
    guard let shell else { return [] }
    if shell.asking == .userName { return match(shell.env.store.knownUsers(), text) }
    guard let space = text.firstIndex(of: " ") else {
      if let letters = shell.classLetters {
        // In a live class: the open question's letters, and the class's own words.
        return match(letters + ["leave", "help"], text)
      }
      var words = ShellCommand.allNames
      if let question = shell.runner?.present()?.question {
        let count = max(question.choices.count, orderCount(question))
        let letters = (0..<count).map { Grader.label($0, of: count) }
        words = letters + words
      }
      return match(words, text)
    }
    let command = ShellCommand.named(String(text[..<space]))
    let argument = String(text[text.index(after: space)...])
    let library = shell.library
    switch command?.argument {
    case .lesson?:
      return match(library.lessons.map(\.id) + library.quizzes.map(\.id), argument)
    case .quizOrFile?:
      // A file name may hold spaces: typed quoted or escaped, completed escaped.
      let partial = ShellWords.partialLastWord(argument).text
      return match(library.quizzes.map(\.id), partial) + Self.paths(matching: partial).map(ShellWords.escape)
    case .topic?:
      return match(library.topics + ["all"] + AgeBand.allCases.map(\.rawValue), argument)
    case .command?:
      return match(ShellCommand.all.map(\.name.rawValue), argument)
    case .user?:
      return match(shell.env.store.knownUsers(), argument)
    case .lab?:
      return match(Shell.labs, argument)
    case .classAddress?:
      // The class this student last joined, to join it again.
      let last = shell.recordHandle?.record.profile.classJoin.map { "\($0.address) \($0.code)" }
      return match(last.map { [$0] } ?? [], argument)
    default:
      return []
    }
  }

  /// Letters a question offers besides its choices: order items and matching answers.
  private func orderCount(_ question: Question) -> Int {
    switch question.kind {
    case .order(let items): items.count
    case .matching: Grader.matchingRightOrder(of: question).count
    default: 0
    }
  }

  private func match(_ words: [String], _ prefix: String) -> [String] {
    let lowered = prefix.lowercased()
    return Array(Set(words.filter { $0.lowercased().hasPrefix(lowered) })).sorted()
  }

  /// Files and folders that start with `partial`; folders end in `/`.
  static func paths(matching partial: String) -> [String] {
    let expanded = partial.hasPrefix("~/") ? NSHomeDirectory() + partial.dropFirst(1) : partial
    let folder: String
    let stem: String
    if let slash = expanded.lastIndex(of: "/") {
      folder = String(expanded[...slash])
      stem = String(expanded[expanded.index(after: slash)...])
    } else {
      folder = ""
      stem = expanded
    }
    let listing = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
    let shownFolder = partial.hasPrefix("~/") ? "~/" + folder.dropFirst(NSHomeDirectory().count + 1) : folder
    return listing.filter { $0.hasPrefix(stem) && (!$0.hasPrefix(".") || stem.hasPrefix(".")) }.compactMap { name in
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: folder + name, isDirectory: &isDirectory), isDirectory.boolValue {
        return shownFolder + name + "/"
      }
      let ext = (name as NSString).pathExtension.lowercased()
      return ["yaml", "yml", "gift", "txt"].contains(ext) ? shownFolder + name : nil
    }.sorted()
  }
}
