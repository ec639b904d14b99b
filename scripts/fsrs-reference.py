#!/usr/bin/env python3
"""Writes the FSRS-6 reference fixture for Tests/SaferCoreTests/Review: review logs and what
py-fsrs 6 (the reference implementation, `pip install fsrs`, fuzzing off) schedules for each
line, so `safer review --replay` can be checked against it to 1e-4 and to the second.

Usage: python3 scripts/fsrs-reference.py > Tests/SaferCoreTests/Review/Fixtures/fsrs-reference.jsonl
Each output line: {"input": {"item", "at", "rating"}, "expected": {"item", "state",
"stability", "difficulty", "due"}}.
"""
import json
import random
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler

RATINGS = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
STATES = {1: "learning", 2: "review", 3: "relearning"}


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    scheduler = Scheduler(enable_fuzzing=False)
    generator = random.Random(20261206)
    start = datetime(2026, 1, 5, 8, 0, 0, tzinfo=timezone.utc)
    lines = []
    for item in range(60):
        card = Card(card_id=item + 1)
        moment = start + timedelta(minutes=generator.randrange(0, 600))
        for _ in range(generator.randrange(1, 25)):
            rating = generator.choices(list(RATINGS), weights=[2, 2, 5, 1])[0]
            lines.append((f"q{item}", moment, rating, card))
            card, _ = scheduler.review_card(card, RATINGS[rating], moment)
            lines[-1] = (f"q{item}", moment, rating, card)
            # Mostly on time; sometimes early, late, or the same day again.
            gap = card.due - moment
            choice = generator.random()
            if choice < 0.5:
                wait = gap
            elif choice < 0.65:
                wait = gap * generator.uniform(0.2, 0.9)
            elif choice < 0.85:
                wait = gap * generator.uniform(1.1, 4.0)
            else:
                wait = timedelta(minutes=generator.randrange(1, 300))
            moment = moment + timedelta(seconds=int(wait.total_seconds()))
    # Interleave items by time, as a real log is.
    lines.sort(key=lambda line: (line[1], line[0]))
    for item, moment, rating, card in lines:
        print(json.dumps({
            "input": {"item": item, "at": iso(moment), "rating": rating},
            "expected": {"item": item, "state": STATES[int(card.state)], "stability": card.stability,
                         "difficulty": card.difficulty, "due": iso(card.due)},
        }))


if __name__ == "__main__":
    main()
