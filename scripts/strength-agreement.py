#!/usr/bin/env python3
"""Checks `safer strength` against zxcvbn itself (the Python port, `pip install zxcvbn`).

It makes a seeded set of passwords of the kinds people choose (common passwords, names
with digits, l33t words, keyboard walks, dates, repeats, sequences, random strings,
passphrases, mixtures), scores each with zxcvbn and with `safer strength`, and prints the
share with the same score, a confusion table, and the agreement per kind.

Usage:
  python3 scripts/strength-agreement.py [--count 2000] [--seed 11] [--safer .build/debug/safer]
  python3 scripts/strength-agreement.py --fixture Tests/SaferCoreTests/Labs/Password/StrengthFixture.swift
      (writes a Swift fixture of passwords and zxcvbn's scores, from another seed)

Passwords stay under 72 characters: zxcvbn's Python port refuses longer ones.
"""
import argparse
import json
import math
import os
import random
import string
import subprocess
import sys
from collections import Counter, defaultdict

from zxcvbn import zxcvbn
from zxcvbn.adjacency_graphs import ADJACENCY_GRAPHS
from zxcvbn.frequency_lists import FREQUENCY_LISTS

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "$5", "t": "7+", "l": "1|", "g": "9", "b": "8", "z": "2"}
SYMBOLS = "!@#$%^&*?_-.+"


class Maker:
    """Password makers, one per kind, all drawing from one seeded generator."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.words = [w for w in FREQUENCY_LISTS["english_wikipedia"][:20000] if w.isalpha() and len(w) >= 3]
        self.tv = [w for w in FREQUENCY_LISTS["us_tv_and_film"][:15000] if w.isalpha() and len(w) >= 3]
        self.names = FREQUENCY_LISTS["female_names"] + FREQUENCY_LISTS["male_names"] + FREQUENCY_LISTS["surnames"][:3000]
        self.passwords = FREQUENCY_LISTS["passwords"]

    def pick(self, items):
        return self.r.choice(items)

    def digits(self, low=1, high=4):
        return "".join(self.r.choice(string.digits) for _ in range(self.r.randint(low, high)))

    def capitalise(self, word):
        roll = self.r.random()
        if roll < 0.5:
            return word
        if roll < 0.8:
            return word.capitalize()
        if roll < 0.9:
            return word.upper()
        return "".join(c.upper() if self.r.random() < 0.3 else c for c in word)

    def common(self):
        rank = int(math.exp(self.r.uniform(0, math.log(len(self.passwords)))))
        word = self.passwords[min(rank, len(self.passwords) - 1)]
        roll = self.r.random()
        if roll < 0.5:
            return word
        if roll < 0.7:
            return self.capitalise(word)
        if roll < 0.85:
            return word + self.digits(1, 3)
        return word + self.pick(SYMBOLS)

    def name_digits(self):
        name = self.capitalise(self.pick(self.names))
        tail = self.pick([self.digits(1, 4), str(self.r.randint(1950, 2024)), str(self.r.randint(0, 99)).zfill(2)])
        return name + tail if self.r.random() < 0.85 else tail + name

    def leet(self):
        word = self.pick(self.words if self.r.random() < 0.6 else self.passwords[:5000])
        chars = list(word)
        for i, c in enumerate(chars):
            if c in LEET and self.r.random() < 0.6:
                chars[i] = self.pick(LEET[c])
        out = self.capitalise("".join(chars))
        return out + (self.digits(0, 3) if self.r.random() < 0.5 else "")

    def walk(self):
        graph = ADJACENCY_GRAPHS[self.pick(["qwerty", "qwerty", "qwerty", "dvorak", "keypad"])]
        key = self.pick(sorted(graph))
        out = [key]
        direction = self.r.randrange(len(graph[key]))
        for _ in range(self.r.randint(3, 14)):
            neighbours = graph.get(out[-1]) or []
            if self.r.random() < 0.25 or direction >= len(neighbours) or not neighbours[direction]:
                options = [i for i, n in enumerate(neighbours) if n]
                if not options:
                    break
                direction = self.pick(options)
            entry = neighbours[direction]
            out.append(entry[1] if len(entry) > 1 and self.r.random() < 0.15 else entry[0])
        text = "".join(out)
        return text + (self.digits(1, 2) if self.r.random() < 0.2 else "")

    def date(self):
        year = self.r.randint(1940, 2030)
        month = self.r.randint(1, 12)
        day = self.r.randint(1, 28)
        sep = self.pick(["", "", "/", "-", ".", "_", " "])
        y = str(year) if self.r.random() < 0.6 else str(year % 100).zfill(2)
        d = str(day).zfill(2) if self.r.random() < 0.7 else str(day)
        m = str(month).zfill(2) if self.r.random() < 0.7 else str(month)
        order = self.pick([(d, m, y), (m, d, y), (y, m, d)])
        text = sep.join(order)
        roll = self.r.random()
        if roll < 0.3:
            return self.capitalise(self.pick(self.names)) + text
        if roll < 0.4:
            return text + self.pick(SYMBOLS)
        return text

    def repeat(self):
        roll = self.r.random()
        if roll < 0.3:
            return self.pick(string.ascii_letters + string.digits + SYMBOLS) * self.r.randint(3, 12)
        if roll < 0.6:
            piece = "".join(self.pick(string.ascii_lowercase + string.digits) for _ in range(self.r.randint(2, 4)))
            return piece * self.r.randint(2, 5)
        word = self.pick(self.tv)
        return word * self.r.randint(2, 3) + (self.digits(0, 2) if self.r.random() < 0.4 else "")

    def sequence(self):
        alphabet = self.pick([string.ascii_lowercase, string.ascii_uppercase, string.digits])
        step = self.pick([1, 1, 1, 2, 3, -1, -1, -2])
        length = self.r.randint(3, min(10, len(alphabet)))
        start = self.r.randrange(len(alphabet))
        chars = [alphabet[(start + i * step) % len(alphabet)] for i in range(length)]
        text = "".join(chars)
        if self.r.random() < 0.4:
            text = self.pick(self.words) + text
        return text

    def random_string(self):
        pool = self.pick([
            string.ascii_lowercase, string.ascii_letters, string.ascii_letters + string.digits,
            string.ascii_letters + string.digits + SYMBOLS, string.digits,
        ])
        return "".join(self.r.choice(pool) for _ in range(self.r.randint(4, 20)))

    def passphrase(self):
        words = [self.pick(self.words if self.r.random() < 0.5 else self.tv) for _ in range(self.r.randint(2, 5))]
        sep = self.pick(["", "", " ", "-", ".", "_"])
        if self.r.random() < 0.3:
            words = [w.capitalize() for w in words]
        text = sep.join(words)
        if self.r.random() < 0.25:
            text += self.digits(1, 3)
        return text[:70]

    def mixture(self):
        parts = [
            self.pick([self.capitalise(self.pick(self.words)), self.pick(self.passwords[:3000]),
                       self.capitalise(self.pick(self.names))]),
            self.pick([self.digits(1, 4), self.pick(SYMBOLS), str(self.r.randint(1960, 2020)), ""]),
            self.pick(["", self.pick(self.tv), self.walk()[:5], self.pick(SYMBOLS)]),
        ]
        self.r.shuffle(parts)
        return "".join(parts)

    KINDS = ["common", "name_digits", "leet", "walk", "date", "repeat", "sequence", "random_string", "passphrase",
             "mixture"]

    def make(self, count):
        seen = set()
        out = []
        while len(out) < count:
            kind = self.KINDS[len(out) % len(self.KINDS)]
            password = getattr(self, kind)()
            if not password or len(password) > 71 or "\n" in password or "\r" in password or password in seen:
                continue
            seen.add(password)
            out.append((kind, password))
        return out


def zxcvbn_scores(passwords):
    return [zxcvbn(p) for p in passwords]


def safer_scores(safer, passwords):
    text = "".join(p + "\n" for p in passwords)
    run = subprocess.run([safer, "strength"], input=text.encode(), capture_output=True, check=True)
    lines = run.stdout.decode().splitlines()
    assert len(lines) == len(passwords), (len(lines), len(passwords))
    return [json.loads(line) for line in lines]


def swift_literal(text):
    out = []
    for c in text:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append("\\u{%x}" % ord(c))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def write_fixture(path, seed, count):
    sample = Maker(seed).make(count)
    results = zxcvbn_scores([p for _, p in sample])
    lines = [
        "// Generated by scripts/strength-agreement.py --fixture: do not edit. Passwords of every",
        "// kind (seed %d) with the score and guesses zxcvbn %s gives them." % (seed, _zxcvbn_version()),
        "",
        "/// A password and what zxcvbn makes of it.",
        "struct StrengthFixtureCase: Sendable {",
        "  let kind: String",
        "  let password: String",
        "  let score: Int",
        "  let guessesLog10: Double",
        "}",
        "",
        "enum StrengthFixture {",
        "  static let cases: [StrengthFixtureCase] = [",
    ]
    for (kind, password), result in zip(sample, results):
        fields = 'kind: "%s", password: %s, score: %d, guessesLog10: %r' % (
            kind, swift_literal(password), result["score"], float(result["guesses_log10"]))
        # Laid out as `swift format` would (lines of at most 130 columns).
        line = "    .init(" + fields + "),"
        lines.append(line if len(line) <= 130 else "    .init(\n      " + fields + "),")
    lines += ["  ]", "}", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print("wrote", path, len(sample), "passwords")


def _zxcvbn_version():
    from importlib import metadata
    return metadata.version("zxcvbn")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--safer", default=os.path.join(ROOT, ".build/debug/safer"))
    parser.add_argument("--fixture", help="write a Swift fixture here instead of comparing")
    parser.add_argument("--fixture-count", type=int, default=300)
    parser.add_argument("--fixture-seed", type=int, default=20260)
    parser.add_argument("--show", type=int, default=15, help="disagreements to print")
    args = parser.parse_args()

    if args.fixture:
        write_fixture(args.fixture, args.fixture_seed, args.fixture_count)
        return

    sample = Maker(args.seed).make(args.count)
    passwords = [p for _, p in sample]
    reference = zxcvbn_scores(passwords)
    ours = safer_scores(args.safer, passwords)

    same = 0
    close_guesses = 0
    same_feedback = 0
    confusion = Counter()
    by_kind = defaultdict(lambda: [0, 0])
    misses = []
    for (kind, password), theirs, mine in zip(sample, reference, ours):
        agree = theirs["score"] == mine["score"]
        same += agree
        by_kind[kind][0] += agree
        by_kind[kind][1] += 1
        confusion[(theirs["score"], mine["score"])] += 1
        close_guesses += abs(float(theirs["guesses_log10"]) - mine["guessesLog10"]) < 0.01
        same_feedback += (theirs["feedback"]["warning"] == mine["feedback"]["warning"]
                          and theirs["feedback"]["suggestions"] == mine["feedback"]["suggestions"])
        if not agree:
            misses.append((kind, password, theirs["score"], mine["score"], float(theirs["guesses_log10"]),
                           mine["guessesLog10"]))

    total = len(sample)
    print("zxcvbn %s vs safer strength, %d passwords (seed %d)" % (_zxcvbn_version(), total, args.seed))
    print("same score:      %d/%d = %.2f%%" % (same, total, 100.0 * same / total))
    print("guesses (log10 within 0.01): %.2f%%" % (100.0 * close_guesses / total))
    print("same feedback:   %.2f%%" % (100.0 * same_feedback / total))
    print()
    print("confusion (rows: zxcvbn's score, columns: safer's)")
    print("       " + "".join("%7d" % s for s in range(5)))
    for row in range(5):
        print("  %d    " % row + "".join("%7d" % confusion[(row, col)] for col in range(5)))
    print()
    print("per kind:")
    for kind in Maker.KINDS:
        right, count = by_kind[kind]
        print("  %-14s %4d/%-4d %.1f%%" % (kind, right, count, 100.0 * right / count if count else 0))
    if misses and args.show:
        print()
        print("first disagreements (kind, password, zxcvbn, safer, log10 guesses):")
        for miss in misses[:args.show]:
            print("  %-14s %-30r %d %d %.3f %.3f" % miss)
    sys.exit(0 if same / total >= 0.9 else 1)


if __name__ == "__main__":
    main()
