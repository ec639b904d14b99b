/// A record held open by one shell.
public protocol RecordHandle: AnyObject {
  var record: UserRecord { get }
  /// Things the student should be told once, e.g. a corrupt file moved aside.
  var notices: [String] { get }
  var isReadOnly: Bool { get }
  /// Where the record is kept, to tell the student.
  var location: String { get }
  /// Applies `change` and saves. Only when the save succeeded does `record` show the change:
  /// an answer is on disk before the shell says it was accepted.
  func update(_ change: (inout UserRecord) -> Void) throws(RecordError)
  /// Folds the journal into the snapshot now (it also happens on `close`).
  func compact() throws(RecordError)
  /// Saves what is pending and releases the lock.
  func close()
}
