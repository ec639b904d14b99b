/// Four random words as an example of a passphrase, for the password lab.
///
/// The words are everyday things a 10 year old can picture (written for this project,
/// 232 of them): a passphrase is strong because its words are picked by chance, not
/// because they are rare, and pictures are what make four words easy to remember.
public enum PassphraseExample {
  static let words: [String] = [
    "acorn", "anchor", "apple", "apron", "arrow", "attic", "badge", "bagel", "balloon", "bamboo", "banjo", "barn",
    "basket", "beach", "beaver", "bell", "bench", "berry", "bicycle", "blanket", "blossom", "boat", "bonnet",
    "bottle", "boulder", "bracelet", "branch", "bread", "brick", "bridge", "broom", "bubble", "bucket", "bunny",
    "button", "cabin", "cactus", "camel", "candle", "canoe", "canyon", "carpet", "carrot", "castle", "cello", "chalk",
    "cherry", "chimney", "cloud", "clover", "coconut", "comet", "compass", "cookie", "copper", "cotton", "crayon",
    "cricket", "crown", "cupcake", "curtain", "daisy", "desert", "dolphin", "donkey", "doorbell", "dragonfly", "drum",
    "eagle", "easel", "elbow", "engine", "falcon", "feather", "fence", "fern", "fiddle", "finch", "flag", "flute",
    "forest", "fountain", "fox", "garden", "giraffe", "glove", "goat", "grape", "guitar", "hammock", "harbor",
    "hazel", "hedgehog", "helmet", "honey", "hoop", "igloo", "island", "ivy", "jacket", "jelly", "jigsaw", "kayak",
    "kettle", "kite", "kitten", "koala", "ladder", "lantern", "lemon", "lettuce", "library", "lighthouse", "lily",
    "lizard", "llama", "lobster", "locket", "magnet", "mango", "maple", "marble", "meadow", "melon", "mitten",
    "moose", "mountain", "muffin", "mushroom", "napkin", "needle", "noodle", "oak", "oasis", "ocean", "olive",
    "orange", "orchard", "otter", "owl", "paddle", "panda", "parrot", "peach", "pebble", "pelican", "pencil",
    "pepper", "piano", "pickle", "pillow", "pine", "planet", "plum", "pocket", "pony", "popcorn", "potato", "pretzel",
    "puddle", "pumpkin", "puppet", "quilt", "rabbit", "radish", "raincoat", "rainbow", "raven", "ribbon", "river",
    "robin", "rocket", "saddle", "sailboat", "sandal", "scarf", "seashell", "shadow", "sheep", "shovel", "skate",
    "sled", "snail", "snowman", "sock", "sofa", "spider", "sponge", "spoon", "squirrel", "stamp", "starfish",
    "statue", "stone", "strawberry", "submarine", "sunflower", "swan", "sweater", "teapot", "tent", "thimble",
    "thunder", "tiger", "toast", "tomato", "tortoise", "tractor", "trumpet", "tulip", "tunnel", "turnip", "turtle",
    "umbrella", "valley", "vase", "velvet", "violin", "volcano", "wagon", "walnut", "walrus", "wand", "whale",
    "whistle", "willow", "window", "wizard", "wolf", "yogurt", "zebra", "zipper",
  ]

  /// Four different words, picked by `generator`, joined by spaces.
  public static func make(using generator: inout some RandomNumberGenerator) -> String {
    var chosen: [String] = []
    while chosen.count < 4 {
      guard let word = words.randomElement(using: &generator) else { break }
      if !chosen.contains(word) { chosen.append(word) }
    }
    return chosen.joined(separator: " ")
  }
}
