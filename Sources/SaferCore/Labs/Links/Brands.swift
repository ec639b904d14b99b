/// Names children meet online, with the registrable domains that really are theirs, and
/// the link shorteners that hide a destination. Look-alikes of these are what phishing
/// messages to children use (games, video, chat, shops, school accounts).
public struct Brand: Hashable, Sendable {
  public var name: String
  /// The name as it appears in a domain (`paypal`, `epicgames`).
  public var key: String
  /// Registrable domains that are the brand's own, the usual one first.
  public var domains: [String]
}

public enum Brands {
  public static let all: [Brand] = [
    Brand(
      name: "Google", key: "google",
      domains: [
        "google.com", "google.co.uk", "google.al", "google.az", "google.de", "google.fr", "google.it", "google.es", "google.pl",
      ]),
    Brand(name: "YouTube", key: "youtube", domains: ["youtube.com", "youtu.be"]),
    Brand(name: "Instagram", key: "instagram", domains: ["instagram.com"]),
    Brand(name: "TikTok", key: "tiktok", domains: ["tiktok.com"]),
    Brand(name: "Snapchat", key: "snapchat", domains: ["snapchat.com"]),
    Brand(name: "WhatsApp", key: "whatsapp", domains: ["whatsapp.com", "whatsapp.net", "wa.me"]),
    Brand(name: "Facebook", key: "facebook", domains: ["facebook.com", "fb.com", "fb.me"]),
    Brand(name: "Messenger", key: "messenger", domains: ["messenger.com"]),
    Brand(name: "Discord", key: "discord", domains: ["discord.com", "discord.gg", "discordapp.com"]),
    Brand(name: "Roblox", key: "roblox", domains: ["roblox.com"]),
    Brand(name: "Minecraft", key: "minecraft", domains: ["minecraft.net"]),
    Brand(name: "Epic Games", key: "epicgames", domains: ["epicgames.com"]),
    Brand(name: "Fortnite", key: "fortnite", domains: ["fortnite.com", "epicgames.com"]),
    Brand(name: "Steam", key: "steampowered", domains: ["steampowered.com", "steamcommunity.com"]),
    Brand(name: "Steam Community", key: "steamcommunity", domains: ["steamcommunity.com", "steampowered.com"]),
    Brand(name: "Twitch", key: "twitch", domains: ["twitch.tv"]),
    Brand(name: "PlayStation", key: "playstation", domains: ["playstation.com"]),
    Brand(name: "Xbox", key: "xbox", domains: ["xbox.com"]),
    Brand(name: "Nintendo", key: "nintendo", domains: ["nintendo.com", "nintendo.net"]),
    Brand(name: "Apple", key: "apple", domains: ["apple.com", "icloud.com"]),
    Brand(name: "iCloud", key: "icloud", domains: ["icloud.com", "apple.com"]),
    Brand(name: "Microsoft", key: "microsoft", domains: ["microsoft.com", "live.com", "outlook.com", "office.com"]),
    Brand(name: "Outlook", key: "outlook", domains: ["outlook.com", "live.com", "microsoft.com"]),
    Brand(name: "Netflix", key: "netflix", domains: ["netflix.com"]),
    Brand(name: "Spotify", key: "spotify", domains: ["spotify.com"]),
    Brand(
      name: "Amazon", key: "amazon", domains: ["amazon.com", "amazon.co.uk", "amazon.de", "amazon.fr", "amazon.it", "amazon.es"]),
    Brand(name: "PayPal", key: "paypal", domains: ["paypal.com", "paypal.me"]),
    Brand(name: "Wikipedia", key: "wikipedia", domains: ["wikipedia.org"]),
    Brand(name: "Telegram", key: "telegram", domains: ["telegram.org", "t.me"]),
  ]

  /// Services that turn a long link into a short one, hiding where it goes.
  public static let shorteners: Set<String> = [
    "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at",
    "tiny.cc", "rb.gy", "t.ly", "s.id", "lnkd.in", "bl.ink", "shorte.st", "adf.ly", "v.gd", "qr.ae",
  ]

  /// The brand whose own domain `registrable` is, if any.
  public static func owner(of registrable: String) -> Brand? {
    all.first { $0.domains.contains(registrable) }
  }

  /// The brand a registrable label imitates: the same after swapping look-alike letters, or
  /// one edit away (two for long names); never the brand's own name.
  static func imitated(by label: String) -> Brand? {
    let folded = Homoglyphs.fold(label)
    for brand in all where label != brand.key {
      if folded == brand.key { return brand }
      let distance = EditDistance.between(folded, brand.key)
      let allowed = brand.key.count >= 8 ? 2 : (brand.key.count >= 5 ? 1 : 0)
      if distance > 0 && distance <= allowed { return brand }
    }
    return nil
  }

  /// Words phishing sites glue to a brand's name (`paypalsecure`, `roblox-freerobux`).
  static let bait = [
    "secure", "security", "login", "signin", "verify", "verification", "account", "support", "help", "update", "id",
    "gift", "free", "prize", "reward", "promo", "bonus", "robux", "vbucks", "skins", "wallet", "pay", "billing",
  ]

  /// A brand named in `text`: a word of it (words split at `.`, `-`, `_`, `/` and the like)
  /// that is the brand's name, or the name with bait glued to it. A word that only
  /// contains a name (`applebees`, `pineapple`) does not count.
  static func mentioned(in text: String) -> Brand? {
    let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map { Homoglyphs.fold(String($0)) }
    for word in words {
      for brand in all where brand.key.count >= 3 {
        if word == brand.key { return brand }
        if word.hasPrefix(brand.key), bait.contains(String(word.dropFirst(brand.key.count))) { return brand }
        if word.hasSuffix(brand.key), bait.contains(String(word.dropLast(brand.key.count))) { return brand }
      }
    }
    return nil
  }
}
