#!/usr/bin/env python3
"""Measures how guessable the lessons' answers are, without knowing the subject.

Reads every lesson and bank YAML file under the folders given (default: Lessons/;
quiz files, which only select questions, are skipped) and prints, per folder and
overall:

- the share of single-answer and scenario questions whose right answer is the longest
  choice (strictly longest, or tied for longest with another choice), and, so that the
  opposite habit shows too, the shortest;
- where the right answers sit (a, b, c, d, ...), for single and for scenario questions;
- how many true/false statements are true and how many false;
- how many questions there are per age band and per kind.

A curriculum that cannot be guessed keeps the right answer the longest choice in at most
a third of single and scenario questions, spreads right answers evenly over the letters,
and has between 40% and 60% true statements.

Usage: python3 scripts/answer-bias.py [FOLDER ...]   (needs PyYAML: pip install pyyaml)
Choices are shown in file order, so a choice's letter is its place in the file.
"""
import glob
import os
import signal
import string
import sys
from collections import Counter, OrderedDict

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHOICE_KINDS = ("single", "scenario")


class Tally:
    def __init__(self):
        self.choice_questions = 0  # single + scenario with at least one right choice
        self.longest_strict = 0
        self.longest_joint = 0
        self.shortest = 0  # the opposite habit: the right answer the shortest choice
        self.positions = {"single": Counter(), "scenario": Counter()}
        self.true_false = Counter()
        self.bands = Counter()
        self.kinds = Counter()
        self.lessons = 0

    def add(self, other):
        self.choice_questions += other.choice_questions
        self.longest_strict += other.longest_strict
        self.longest_joint += other.longest_joint
        self.shortest += other.shortest
        for kind in self.positions:
            self.positions[kind].update(other.positions[kind])
        self.true_false.update(other.true_false)
        self.bands.update(other.bands)
        self.kinds.update(other.kinds)
        self.lessons += other.lessons


def is_right(choice):
    if choice.get("correct") is True:
        return True
    weight = choice.get("weight")
    return isinstance(weight, (int, float)) and weight >= 100


def choice_text(choice):
    return str(choice.get("text", "")).strip()


def tally_file(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    tally = Tally()
    if not isinstance(doc, dict) or doc.get("kind") == "quiz":
        return None
    tally.lessons = 1
    band = str(doc.get("level", "no age band"))
    steps = doc.get("steps") or doc.get("questions") or []
    for step in steps:
        if not isinstance(step, dict) or "kind" not in step:
            continue
        kind = step["kind"]
        tally.kinds[kind] += 1
        tally.bands[band] += 1
        if kind == "truefalse":
            tally.true_false["true" if step.get("answer") is True else "false"] += 1
        if kind in CHOICE_KINDS:
            choices = step.get("choices") or []
            right = [i for i, c in enumerate(choices) if is_right(c)]
            if not right:
                continue
            tally.choice_questions += 1
            lengths = [len(choice_text(c)) for c in choices]
            longest = max(lengths)
            longest_at = [i for i, n in enumerate(lengths) if n == longest]
            if any(i in longest_at for i in right):
                tally.longest_joint += 1
                if len(longest_at) == 1:
                    tally.longest_strict += 1
            if any(lengths[i] == min(lengths) for i in right):
                tally.shortest += 1
            for i in right:
                tally.positions[kind][letter(i)] += 1
    return tally


def letter(index):
    return string.ascii_lowercase[index] if index < 26 else str(index + 1)


def percent(part, whole):
    return f"{100 * part / whole:.0f}%" if whole else "-"


def spread(counter):
    if not counter:
        return "none"
    total = sum(counter.values())
    return "  ".join(f"{k} {counter[k]} ({percent(counter[k], total)})" for k in sorted(counter))


def report(name, t, out):
    out.write(f"{name}: {t.lessons} lessons and banks, {sum(t.kinds.values())} questions\n")
    out.write(f"  right answer is the longest choice: {t.longest_joint} of {t.choice_questions} "
              f"single and scenario questions ({percent(t.longest_joint, t.choice_questions)}; "
              f"strictly longest {t.longest_strict}, {percent(t.longest_strict, t.choice_questions)})\n")
    out.write(f"  right answer is the shortest choice: {t.shortest} of {t.choice_questions} "
              f"({percent(t.shortest, t.choice_questions)})\n")
    out.write(f"  right answer's letter, single:   {spread(t.positions['single'])}\n")
    out.write(f"  right answer's letter, scenario: {spread(t.positions['scenario'])}\n")
    tf = sum(t.true_false.values())
    out.write(f"  true/false: {t.true_false['true']} true, {t.true_false['false']} false "
              f"({percent(t.true_false['true'], tf)} true)\n")
    out.write("  per age band: " + ", ".join(f"{b} {n}" for b, n in sorted(t.bands.items())) + "\n")
    out.write("  per kind: " + ", ".join(f"{k} {n}" for k, n in sorted(t.kinds.items())) + "\n")


def main(args):
    folders = args or [os.path.join(ROOT, "Lessons")]
    per_folder = OrderedDict()
    for folder in folders:
        paths = []
        for pattern in ("*.yaml", "*.yml"):
            paths += glob.glob(os.path.join(folder, "**", pattern), recursive=True)
        for path in sorted(paths):
            tally = tally_file(path)
            if tally is None:
                continue
            key = os.path.relpath(os.path.dirname(path))
            per_folder.setdefault(key, Tally()).add(tally)
    overall = Tally()
    for name, tally in per_folder.items():
        report(name, tally, sys.stdout)
        overall.add(tally)
    report("overall", overall, sys.stdout)


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    main(sys.argv[1:])
