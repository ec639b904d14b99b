import SaferAccess
import SaferCore

extension Shell {
  /// Attempts at a PIN before the shell gives up on that name.
  static let pinAttempts = 3

  /// Asks for the PIN of a record that has one. `false`: not given (wrong three times,
  /// cancelled, or nobody to ask); the record must not be used.
  func unlock(_ record: UserRecord) -> Bool {
    guard let pin = record.profile.pin else { return true }
    let name = TerminalSafe.clean(record.profile.displayName, keepNewlines: false)
    for attempt in 1...Self.pinAttempts {
      guard let typed = env.readSecret("PIN for \(name): ") else {
        error("\(name)'s record has a PIN. (Without a terminal, give it in SAFER_PIN.)")
        return false
      }
      if SecretHasher.matches(typed, pin) { return true }
      error(attempt < Self.pinAttempts ? "That PIN is not right. Try again." : "That PIN is not right.")
    }
    say("If this is your record and you forgot your PIN, ask your teacher.")
    return false
  }

  /// `pin` (set or change) and `pin off`.
  func changePIN(_ argument: String) {
    guard let recordHandle else { return }
    if recordHandle.isReadOnly {
      error("This record is read-only: no PIN can be set.")
      return
    }
    if let current = recordHandle.record.profile.pin {
      guard let typed = env.readSecret("Current PIN: "), SecretHasher.matches(typed, current) else {
        error("That PIN is not right; nothing was changed.")
        return
      }
    }
    if argument.lowercased() == "off" {
      guard recordHandle.record.profile.pin != nil else {
        say("You have no PIN.")
        return
      }
      save(pin: nil, saying: "Your PIN is removed: anyone at this computer can open your record.")
      return
    }
    guard argument.isEmpty else {
      error("`pin` sets a PIN; `pin off` removes it.")
      return
    }
    guard let first = env.readSecret("New PIN (4 or more characters, not shown): "), first.count >= 4 else {
      error("A PIN needs at least 4 characters; nothing was changed.")
      return
    }
    guard env.readSecret("The same PIN again: ") == first else {
      error(AccessError.mismatch.description)
      return
    }
    do {
      save(pin: try SecretHasher.hash(first), saying: "Your PIN is set. You will be asked for it when your record is opened.")
    } catch {
      self.error(error.description)
    }
  }

  private func save(pin: SecretHash?, saying message: String) {
    do {
      try recordHandle?.update { $0.profile.pin = pin }
      say(message)
    } catch {
      self.error(error.description)
    }
  }
}
