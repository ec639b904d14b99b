import Foundation

/// Lessons loaded on a thread of their own, so the shell shows its first prompt at once.
///
/// Parsing the lesson folders is most of what start-up costs, and the first prompt (the
/// greeting, "who is there?") needs no lesson. The shell asks for the library when a
/// command first needs it; by then, while the student was typing, it has long been loaded.
public final class LibraryLoader: @unchecked Sendable {
  private let condition = NSCondition()
  private var loaded: LessonLibrary?

  /// A library that is already there (tests, and commands that need it at once).
  public init(_ library: LessonLibrary) {
    loaded = library
  }

  /// Starts `load` on a background thread.
  public init(loading load: @escaping @Sendable () -> LessonLibrary) {
    let thread = Thread { [self] in
      let library = load()
      condition.lock()
      loaded = library
      condition.broadcast()
      condition.unlock()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// The library, waiting for the load to finish if it has not.
  public func library() -> LessonLibrary {
    condition.lock()
    defer { condition.unlock() }
    while loaded == nil { condition.wait() }
    return loaded ?? LessonLibrary.load(paths: [])
  }
}
