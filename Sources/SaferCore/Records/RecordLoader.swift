import Foundation

/// Reads one student's snapshot and journal into a record, and deals with what it finds.
///
/// What cannot be read (a damaged file, a symlink or folder where the record should be,
/// parts that fail `RecordValidator`) is kept aside for a teacher, never deleted, and the
/// student is told in a notice; the shell never crashes on it. `repairing` is set when
/// the caller holds the lock and may move files; readers (`safer progress`) only read.
struct RecordLoader {
  let folder: UsersFolder
  let id: String
  let displayName: String
  let now: Date

  struct Loaded {
    var record: UserRecord
    var notices: [String] = []
    /// Set when the file is from a newer schema: nothing may be written.
    var readOnlyVersion: Int?
    /// The last journal entry applied (the snapshot's, when there were none).
    var lastSeq = 0
    /// Finished attempts as decoded, with the lines they came from.
    var lines: [(Attempt, Data)] = []
    /// Bytes in the journal file.
    var journalSize = 0
    /// The snapshot should be rewritten and the journal removed at once (something was
    /// repaired, or the journal is stale or ends in a torn line).
    var needsCompaction = false
    /// A damaged journal to remove once the compaction has saved what it held.
    var journalToRetire = false
  }

  var snapshotName: String { id + ".json" }
  var journalName: String { id + ".jsonl" }

  func load(repairing: Bool) throws(RecordError) -> Loaded {
    var notices: [String] = []
    // The journal first: a compaction between the two reads then leaves a snapshot that
    // already holds what the journal had, never one that misses it.
    let journal = try readOrSetAside(journalName, repairing: repairing, notices: &notices)
    let snapshot = try readOrSetAside(snapshotName, repairing: repairing, notices: &notices)
    var loaded = Loaded(record: UserRecord(id: id, displayName: displayName, now: now))
    var originalSnapshot: Data?
    if let snapshot {
      do {
        let decoded = try RecordDecoder.decode(snapshot)
        loaded.record = decoded.record
        loaded.lastSeq = decoded.journalSeq
        loaded.lines = decoded.lines.compactMap { index, line in
          decoded.record.attempts.indices.contains(index) ? (decoded.record.attempts[index], line) : nil
        }
        originalSnapshot = snapshot
      } catch {
        if let version = try? RecordSerializer.makeDecoder().decode(RecordDecoder.VersionOnly.self, from: snapshot).schemaVersion,
          version > UserRecord.currentSchemaVersion
        {
          loaded.readOnlyVersion = version
          loaded.notices = notices + [RecordError.readOnly(schemaVersion: version).description]
          return loaded
        }
        guard repairing else { throw .unreadable(path: folder.fullPath(snapshotName), reason: "it is not a valid record") }
        let aside = try moveAside(snapshotName, reason: "corrupt")
        notices.append(
          "Your record \(folder.fullPath(snapshotName)) was damaged and could not be read. It was moved to \(folder.fullPath(aside)) (nothing deleted) and a new record was started; a teacher can recover answers from it."
        )
      }
    }
    if loaded.record.schemaVersion > UserRecord.currentSchemaVersion {
      loaded.readOnlyVersion = loaded.record.schemaVersion
      loaded.notices = notices + [RecordError.readOnly(schemaVersion: loaded.record.schemaVersion).description]
      return loaded
    }
    if originalSnapshot != nil, UserID.canonical(loaded.record.profile.displayName) != UserID.canonical(displayName) {
      throw .nameClash(path: folder.fullPath(snapshotName))
    }
    loaded.record.profile.id = id
    loaded.record.schemaVersion = UserRecord.currentSchemaVersion

    if let journal {
      loaded.journalSize = journal.count
      let contents = JournalFile.read(journal, after: loaded.lastSeq)
      var problem = contents.problem
      for entry in contents.entries {
        do {
          try entry.apply(to: &loaded.record)
          loaded.lastSeq = entry.seq
        } catch {
          problem = error
          break
        }
      }
      if let problem {
        guard repairing else { throw .unreadable(path: folder.fullPath(journalName), reason: problem.description) }
        let aside = try copyAside(journal, of: journalName, reason: "damaged", suffix: "jsonl")
        notices.append(
          "Part of your answer journal \(folder.fullPath(journalName)) could not be read (\(problem.description)). What came before it is kept; the whole file was copied to \(folder.fullPath(aside)) for a teacher."
        )
        loaded.needsCompaction = true
        loaded.journalToRetire = true
      } else if contents.entries.isEmpty || contents.validSize < journal.count {
        loaded.needsCompaction = true
      }
    }

    let outcome = RecordValidator.repair(loaded.record)
    if !outcome.problems.isEmpty {
      loaded.record = outcome.record
      if repairing {
        var kept = ""
        if let originalSnapshot {
          kept =
            " The file as it was is kept in \(folder.fullPath(try copyAside(originalSnapshot, of: snapshotName, reason: "invalid", suffix: "json")))."
        }
        if let journal, !loaded.journalToRetire {
          _ = try copyAside(journal, of: journalName, reason: "invalid", suffix: "jsonl")
        }
        let listed = outcome.problems.prefix(3).joined(separator: "; ")
        let more = outcome.problems.count > 3 ? " and \(outcome.problems.count - 3) more" : ""
        notices.append(
          "Some of your record could not be trusted and was left out (\(listed)\(more)). The rest of your progress is here.\(kept)"
        )
        loaded.needsCompaction = true
      }
    }
    loaded.notices = notices
    return loaded
  }

  /// The bytes of `name`; something that is not a regular file is moved aside (when
  /// repairing) with a notice.
  private func readOrSetAside(_ name: String, repairing: Bool, notices: inout [String]) throws(RecordError) -> Data? {
    do {
      return try folder.read(name)
    } catch .notARecord(let path, let what) {
      guard repairing else { throw .notARecord(path: path, what: what) }
      let aside = try moveAside(name, reason: "not-a-record")
      notices.append("\(path) was \(what), not a record. It was moved to \(folder.fullPath(aside)) and not followed.")
      return nil
    }
  }

  private func moveAside(_ name: String, reason: String) throws(RecordError) -> String {
    let aside = folder.asideName(for: id, reason: reason, now: now)
    let failure = folder.rename(name, to: aside)
    guard failure == 0 else {
      throw .unreadable(
        path: folder.fullPath(name), reason: "it is damaged and could not be moved aside: \(FileReason.text(failure))")
    }
    folder.sync()
    return aside
  }

  private func copyAside(_ data: Data, of name: String, reason: String, suffix: String) throws(RecordError) -> String {
    var aside = folder.asideName(for: id, reason: reason, now: now)
    if suffix != "json" { aside = String(aside.dropLast(4)) + suffix }
    try folder.replace(aside, with: data)
    return aside
  }

  /// The display name in the last journal entry that has the profile.
  static func displayName(inJournal data: Data) -> String? {
    let entries = JournalFile.read(data, after: 0).entries
    guard let name = entries.last(where: { $0.profile != nil })?.profile?.displayName,
      name.count <= UserID.maximumNameLength
    else { return nil }
    return name
  }

  /// The display name stored in a record snapshot, read from its head only.
  static func displayName(in data: Data) -> String? {
    struct Head: Decodable {
      struct Profile: Decodable { var displayName: String }
      var profile: Profile
    }
    var head = data
    if let marker = data.range(of: RecordSerializer.attemptsMarker) {
      head = Data(data[data.startIndex..<marker.lowerBound])
      head.append(UInt8(ascii: "}"))
    }
    guard let name = (try? JSONDecoder().decode(Head.self, from: head))?.profile.displayName,
      name.count <= UserID.maximumNameLength
    else { return nil }
    return name
  }
}
