/// `▕████████░░░░▏ 3/12`: where a student is in a lesson, or how much of a topic they know.
public enum ProgressBar {
  public static func render(fraction: Double, width: Int = 20, style: Style, ascii: Bool = false) -> String {
    let clamped = min(1, max(0, fraction.isFinite ? fraction : 0))
    // Plain mode: the amount in words, which a screen reader says as it is.
    if style.plain { return "(\(Int((clamped * 100).rounded())) percent)" }
    let filled = Int((clamped * Double(width)).rounded())
    let full = ascii ? "#" : "█"
    let empty = ascii ? "-" : "░"
    let bar = String(repeating: full, count: filled)
    let rest = String(repeating: empty, count: width - filled)
    return (ascii ? "[" : "▕") + style.green(bar) + style.dim(rest) + (ascii ? "]" : "▏")
  }
}
