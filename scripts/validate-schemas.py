#!/usr/bin/env python3
"""Checks the published JSON Schemas against real files, so they never drift from the code.

- every lesson and quiz under Lessons/ validates against Schemas/lesson.schema.json or
  Schemas/quiz.schema.json;
- every record given on the command line (`users/<id>.json`) validates against
  Schemas/record.schema.json, every line of its journal (`users/<id>.jsonl`, if any) against
  Schemas/journal.schema.json, and the record with the journal replayed (`replay`, the
  reference for other tools) against the record schema again;
- what `safer convert LESSON --to json` prints for every lesson under Lessons/ validates
  against Schemas/question-model.schema.json (the binary is $SAFER, else the newest of
  .build/release/safer and .build/debug/safer: build it first);
- every live class results file (`DATA/classes/*.json`, written by `safer class host`) in
  the data folder of each record given (the folder above its `users/`), and in each data
  folder given itself as an argument, validates against Schemas/class-results.schema.json;
- every schema under Schemas/ is itself a valid JSON Schema (draft 2020-12).

Usage: python3 scripts/validate-schemas.py [RECORD.json | DATA ...]   (exit 1 on any failure)
"""
import glob
import json
import os
import subprocess
import sys

import jsonschema
import yaml
from referencing import Registry, Resource

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def schema(name):
    with open(os.path.join(ROOT, "Schemas", name), encoding="utf-8") as f:
        return json.load(f)


def safer_binary():
    """The `safer` to run: $SAFER, else the most recently built one."""
    if os.environ.get("SAFER"):
        return os.environ["SAFER"]
    built = [os.path.join(ROOT, ".build", mode, "safer") for mode in ("release", "debug")]
    built = [path for path in built if os.access(path, os.X_OK)]
    return max(built, key=os.path.getmtime) if built else None


def question_model_problems(path, model, binary):
    """Problems of `safer convert PATH --to json` against the question-model schema."""
    name = os.path.relpath(path, ROOT)
    run = subprocess.run([binary, "convert", path, "--to", "json"], capture_output=True, text=True)
    if run.returncode != 0:
        return [f"{name}: safer convert --to json failed ({run.returncode}): {run.stderr.strip()}"]
    doc = json.loads(run.stdout)
    return [
        f"{name} (--to json): {'/'.join(map(str, error.path))}: {error.message}"
        for error in jsonschema.Draft202012Validator(model).iter_errors(doc)
    ]


def report(name, errors):
    """Prints schema errors; returns how many."""
    count = 0
    for error in errors:
        count += 1
        print(f"{name}: {'/'.join(map(str, error.path))}: {error.message}")
    return count


def data_folders(arguments):
    """The data folders named by the arguments, in order, once each: a folder given as an
    argument, or the folder above `users/` of a record given."""
    folders = []
    for path in arguments:
        if os.path.isdir(path):
            folder = path
        else:
            users = os.path.dirname(os.path.abspath(path))
            if os.path.basename(users) != "users":
                continue
            folder = os.path.dirname(users)
        if os.path.abspath(folder) not in map(os.path.abspath, folders):
            folders.append(folder)
    return folders


def replay(record, entries):
    """The record with its journal applied, as Schemas/journal.schema.json describes."""
    record = json.loads(json.dumps(record)) if record else {"schemaVersion": 2, "mastery": {}, "attempts": []}
    record.setdefault("attempts", [])
    record.setdefault("mastery", {})
    seq = record.get("journalSeq", 0)
    for entry in entries:
        if entry["seq"] <= seq:
            continue
        if entry["seq"] != seq + 1:
            raise ValueError(f"journal entry {entry['seq']} follows {seq}")
        seq = entry["seq"]
        if "profile" in entry:
            record["profile"] = entry["profile"]
        if "resume" in entry:
            record["resume"] = entry["resume"] if "attemptID" in entry["resume"] else None
        by_id = {attempt["id"]: index for index, attempt in enumerate(record["attempts"])}
        for attempt in entry.get("attempts", []):
            if attempt["id"] in by_id:
                record["attempts"][by_id[attempt["id"]]] = attempt
            else:
                by_id[attempt["id"]] = len(record["attempts"])
                record["attempts"].append(attempt)
        for step in entry.get("progress", []):
            attempt = record["attempts"][by_id[step["id"]]]
            attempt["answers"].extend(step["newAnswers"])
            for key in ("position", "score", "maxScore", "status", "finished", "passed", "questionOpened", "questionDeadline"):
                if step.get(key) is not None:
                    attempt[key] = step[key]
                else:
                    attempt.pop(key, None)
        if entry.get("reviews"):
            record.setdefault("reviews", {}).update(entry["reviews"])
        for topic, changed in entry.get("mastery", {}).items():
            mastery = record["mastery"].setdefault(topic, {"latest": {}})
            mastery["latest"].update(changed)
            latest = mastery["latest"].values()
            mastery["questionsAnswered"] = len(latest)
            mastery["questionsRight"] = sum(1 for result in latest if result["correct"])
            available = sum(result["maxPoints"] for result in latest)
            mastery["level"] = sum(result["points"] for result in latest) / available if available else 0
    record["journalSeq"] = seq
    return record


def main():
    lesson, quiz, record = schema("lesson.schema.json"), schema("quiz.schema.json"), schema("record.schema.json")
    journal = schema("journal.schema.json")
    model = schema("question-model.schema.json")
    class_results = schema("class-results.schema.json")
    binary = safer_binary()
    failures = 0
    checked = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "Schemas", "*.schema.json"))):
        with open(path, encoding="utf-8") as f:
            candidate = json.load(f)
        for error in jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA).iter_errors(candidate):
            failures += 1
            print(f"{os.path.relpath(path, ROOT)} (as a schema): {'/'.join(map(str, error.path))}: {error.message}")
        checked += 1
    if binary is None:
        failures += 1
        print("no safer binary to check `safer convert --to json` with: run `swift build` first, or set SAFER")
    for path in sorted(glob.glob(os.path.join(ROOT, "Lessons", "**", "*.y*ml"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        is_quiz = isinstance(doc, dict) and doc.get("kind") == "quiz"
        target = quiz if is_quiz else lesson
        for error in jsonschema.Draft202012Validator(target).iter_errors(doc):
            failures += 1
            print(f"{os.path.relpath(path, ROOT)}: {'/'.join(map(str, error.path))}: {error.message}")
        checked += 1
        if binary and not is_quiz:
            for problem in question_model_problems(path, model, binary):
                failures += 1
                print(problem)
            checked += 1
    registry = Registry().with_resources(
        [(s["$id"], Resource.from_contents(s)) for s in (record, journal)]
        + [("record.schema.json", Resource.from_contents(record))]
    )
    for path in sys.argv[1:]:
        if os.path.isdir(path):
            continue
        doc = {}
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            failures += report(path, jsonschema.Draft202012Validator(record).iter_errors(doc))
            checked += 1
        journal_path = path[: -len(".json")] + ".jsonl"
        entries = []
        if os.path.exists(journal_path):
            with open(journal_path, encoding="utf-8") as f:
                for number, line in enumerate(f.read().split("\n")[:-1], start=1):
                    if not line.strip():
                        continue
                    entry = json.loads(line)
                    failures += report(
                        f"{journal_path}:{number}",
                        jsonschema.Draft202012Validator(journal, registry=registry).iter_errors(entry),
                    )
                    entries.append(entry)
            checked += 1
        if entries:
            failures += report(f"{path} + journal", jsonschema.Draft202012Validator(record).iter_errors(replay(doc, entries)))
    # Live class results left in the same data folders by `safer class host`.
    for folder in data_folders(sys.argv[1:]):
        for path in sorted(glob.glob(os.path.join(folder, "classes", "*.json"))):
            try:
                with open(path, encoding="utf-8") as f:
                    doc = json.load(f)
            except (OSError, ValueError) as error:
                failures += 1
                print(f"{path}: not readable JSON: {error}")
                continue
            failures += report(path, jsonschema.Draft202012Validator(class_results).iter_errors(doc))
            checked += 1
    print(f"schemas: {checked} files checked, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
