import Foundation

/// Sends frames on behalf of a `ClassHost` (the server module's connections; a test's
/// in-memory wires). Must not block: a slow student never holds up the class.
public protocol ClassTransport: AnyObject, Sendable {
  func send(_ frame: String, to connection: Int)
  func close(_ connection: Int)
  func sendToProjectors(_ frame: String)
}

/// A live class session shared between the network (students' frames, on its threads)
/// and the teacher's console (commands, on the main thread): one lock around the
/// `ClassSession`, and every outcome turned into frames, events and saved results.
public final class ClassHost: @unchecked Sendable {
  private let lock = NSLock()
  private var session: ClassSession
  private var addresses: [String] = []
  private weak var transport: (any ClassTransport)?
  private let folder: ClassResultsFolder
  public let stem: String
  /// Called (on whichever thread made the change) with what the teacher should see.
  private let onEvents: @Sendable ([ClassEvent]) -> Void

  public init(session: ClassSession, dataFolder: String, onEvents: @escaping @Sendable ([ClassEvent]) -> Void) {
    self.session = session
    folder = ClassResultsFolder(dataFolder: dataFolder)
    stem = ClassResultsFolder.stem(started: session.started, quizID: session.quizID)
    self.onEvents = onEvents
  }

  public var resultsJSON: String { folder.file(stem, "json") }
  public var resultsCSV: String { folder.file(stem, "csv") }

  public func attach(_ transport: any ClassTransport, addresses: [String]) {
    lock.withLock {
      self.transport = transport
      self.addresses = addresses
    }
  }

  /// A copy of the session as it is now.
  public var snapshot: ClassSession { lock.withLock { session } }

  public var joinAddresses: [String] { lock.withLock { addresses } }

  // MARK: - From the network

  /// One text frame from `connection`: decoded, acted on, or refused and logged.
  public func receive(_ frame: String, from connection: Int, address: String, now: Date = Date()) {
    let message: ClientMessage
    do { message = try ClientMessage.decode(Array(frame.utf8)) } catch {
      problem(address: address, description: error.description, now: now)
      if case .unsupportedVersion = error, !hasJoined(connection) {
        // Another version of Safer Shell: say so, and part.
        let refusal = ClassRefusal(
          .version, "This class runs another version of Safer Shell (protocol \(ClassProtocol.version)): ask your teacher.")
        transport?.send(String(decoding: ServerMessage.refused(refusal).encoded(), as: UTF8.self), to: connection)
        transport?.close(connection)
        return
      }
      let rejection = AnswerRejection(question: nil, reason: .unreadable, message: "The host could not read \(error).")
      transport?.send(String(decoding: ServerMessage.rejected(rejection).encoded(), as: UTF8.self), to: connection)
      return
    }
    switch message {
    case .join(let code, let name, let token):
      perform(now: now) { $0.join(connection: connection, address: address, code: code, name: name, token: token, now: now) }
    case .answer(let question, let response, let player):
      perform(now: now) { $0.answer(connection: connection, question: question, response: response, player: player, now: now) }
    case .leave:
      perform(now: now) { $0.leave(connection: connection, now: now) }
    }
  }

  /// A connection ended, for whatever reason.
  public func disconnected(_ connection: Int, now: Date = Date()) {
    perform(now: now) { $0.disconnected(connection: connection, now: now) }
  }

  /// A frame or connection refused before it reached the session (too large, silent).
  public func problem(address: String, description: String, now: Date = Date()) {
    folder.log("\(address) refused: \(description)", stem: stem, now: now)
    onEvents([.problem(address: address, description: description)])
  }

  /// Whether `connection` has joined as a player.
  public func hasJoined(_ connection: Int) -> Bool {
    lock.withLock { session.playerIndex(connection: connection) != nil }
  }

  /// Closes questions whose time is up, and sends the projector its new picture if
  /// something changed; the server calls it ten times a second.
  public func tick(now: Date = Date()) {
    perform(now: now) { $0.tick(now: now) }
    lock.lock()
    let frame =
      projectorDirty ? String(decoding: ProjectorState(session, addresses: addresses, now: now).encoded(), as: UTF8.self) : nil
    projectorDirty = false
    let transport = self.transport
    if let frame { transport?.sendToProjectors(frame) }
    lock.unlock()
  }

  /// Whether the projector's picture is out of date. It is redrawn by `tick`, at most ten
  /// times a second, however fast answers come: a class of 300 answering at once costs
  /// the screen ten pictures, not 300.
  private var projectorDirty = false

  /// The projector's picture now.
  public func projectorFrame(now: Date = Date()) -> String {
    lock.withLock { String(decoding: ProjectorState(session, addresses: addresses, now: now).encoded(), as: UTF8.self) }
  }

  // MARK: - From the teacher

  /// Runs a teacher's command (`next`, `reveal`, …) and sends what it produced.
  public func command(
    now: Date = Date(), _ change: (inout ClassSession) throws(ClassCommandProblem) -> ClassOutcome
  ) throws(ClassCommandProblem) {
    lock.lock()
    let outcome: ClassOutcome
    do { outcome = try change(&session) } catch {
      lock.unlock()
      throw error
    }
    deliver(outcome, now: now)
  }

  /// Saves the results now (the host also does after every question closes), after any
  /// save already under way.
  public func saveResults() throws(FileWriteError) {
    saving.sync {}
    let (results, generation) = lock.withLock {
      resultsGeneration += 1
      return (ClassResults(session), resultsGeneration)
    }
    saveLock.lock()
    defer { saveLock.unlock() }
    guard generation > savedGeneration else { return }
    try folder.save(results, stem: stem)
    savedGeneration = generation
  }

  /// Results are written outside the session's lock, one writer at a time, and never
  /// older over newer: each snapshot has a generation, and one older than the last
  /// saved is dropped.
  private let saveLock = NSLock()
  private let saving = DispatchQueue(label: "safer.class.results")
  private var resultsGeneration = 0
  private var savedGeneration = 0

  private func save(_ results: ClassResults, generation: Int) {
    saveLock.withLock {
      guard generation > savedGeneration else { return }
      if (try? folder.save(results, stem: stem)) != nil { savedGeneration = generation }
    }
  }

  private func perform(now: Date, _ change: (inout ClassSession) -> ClassOutcome) {
    lock.lock()
    let outcome = change(&session)
    deliver(outcome, now: now)
  }

  /// Sends `outcome`'s frames in order, then (unlocked) logs and reports its events. Called
  /// with the lock held; releases it.
  private func deliver(_ outcome: ClassOutcome, now: Date) {
    var frames: [(connection: Int, frame: String)] = []
    for (recipient, message) in outcome.messages {
      let frame = String(decoding: message.encoded(), as: UTF8.self)
      switch recipient {
      case .connection(let connection):
        frames.append((connection, frame))
      case .players:
        for player in session.activePlayers {
          if let connection = player.connection { frames.append((connection, frame)) }
        }
      }
    }
    if outcome.changed { projectorDirty = true }
    let closedOrEnded = outcome.events.contains { if case .closed = $0 { true } else { false } } || outcome.ended
    let results = closedOrEnded ? ClassResults(session) : nil
    if results != nil { resultsGeneration += 1 }
    let generation = resultsGeneration
    // Sent while still locked, so frames leave in the order the session made them.
    let transport = self.transport
    for (connection, frame) in frames { transport?.send(frame, to: connection) }
    for connection in outcome.disconnect { transport?.close(connection) }
    lock.unlock()
    for event in outcome.events {
      switch event {
      case .refused(let name, let reason, let address):
        folder.log("\(address) join refused (\(reason.rawValue)): \(name.debugDescription)", stem: stem, now: now)
      case .problem(let address, let description):
        folder.log("\(address) refused: \(description)", stem: stem, now: now)
      default: break
      }
    }
    if let results {
      // Written on a queue of its own: a NIO thread that delivered the last answer of a
      // question must not wait for two files and their fsyncs.
      saving.async { [self] in save(results, generation: generation) }
    }
    if !outcome.events.isEmpty { onEvents(outcome.events) }
  }
}
