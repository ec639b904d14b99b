import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file operation failed, in words for a student or teacher.
enum FileReason {
  static func text(_ code: Int32) -> String {
    switch code {
    case ENOENT: "there is no such file"
    case ENOSPC: "the disk is full"
    case EDQUOT: "the disk quota is used up"
    case EACCES, EPERM: "permission denied"
    case EROFS: "the disk is read-only"
    case ELOOP: "it is a symbolic link"
    case EISDIR: "it is a folder"
    case ENOTDIR: "part of the path is not a folder"
    default: String(cString: strerror(code))
    }
  }

  static func describe(_ error: any Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let underlying, underlying.domain == NSPOSIXErrorDomain { return text(Int32(underlying.code)) }
    return (error as NSError).localizedDescription
  }

  /// A UTC time stamp for file names, e.g. `20261128T031500`.
  static func stamp(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return String(
      format: "%04d%02d%02dT%02d%02d%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
  }
}
