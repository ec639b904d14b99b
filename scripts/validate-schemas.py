#!/usr/bin/env python3
"""Checks the published JSON Schemas against real files, so they never drift from the code.

- every lesson and quiz under Lessons/ validates against Schemas/lesson.schema.json or
  Schemas/quiz.schema.json;
- every record given on the command line validates against Schemas/record.schema.json.

Usage: python3 scripts/validate-schemas.py [RECORD.json ...]   (exit 1 on any failure)
"""
import glob
import json
import os
import sys

import jsonschema
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def schema(name):
    with open(os.path.join(ROOT, "Schemas", name), encoding="utf-8") as f:
        return json.load(f)


def main():
    lesson, quiz, record = schema("lesson.schema.json"), schema("quiz.schema.json"), schema("record.schema.json")
    failures = 0
    checked = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "Lessons", "**", "*.y*ml"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        target = quiz if isinstance(doc, dict) and doc.get("kind") == "quiz" else lesson
        for error in jsonschema.Draft202012Validator(target).iter_errors(doc):
            failures += 1
            print(f"{os.path.relpath(path, ROOT)}: {'/'.join(map(str, error.path))}: {error.message}")
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
