#!/usr/bin/env python3
"""Checks the published JSON Schemas against real files, so they never drift from the code.

- every lesson and quiz under Lessons/ validates against Schemas/lesson.schema.json or
  Schemas/quiz.schema.json;
- every record given on the command line validates against Schemas/record.schema.json;
- what `safer convert LESSON --to json` prints for every lesson under Lessons/ validates
  against Schemas/question-model.schema.json (the binary is $SAFER, else the newest of
  .build/release/safer and .build/debug/safer: build it first).

Usage: python3 scripts/validate-schemas.py [RECORD.json ...]   (exit 1 on any failure)
"""
import glob
import json
import os
import subprocess
import sys

import jsonschema
import yaml

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


def main():
    lesson, quiz, record = schema("lesson.schema.json"), schema("quiz.schema.json"), schema("record.schema.json")
    model = schema("question-model.schema.json")
    binary = safer_binary()
    failures = 0
    checked = 0
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
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for error in jsonschema.Draft202012Validator(record).iter_errors(doc):
            failures += 1
            print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
        checked += 1
    print(f"schemas: {checked} files checked, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
