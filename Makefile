# The two commands of the README: `make run` and `make test`. Both install what is
# missing first (libedit-dev, tmux), so they work on a fresh Debian machine.

.PHONY: run test deps release bench check lint format

deps:
	@bash scripts/ensure-deps.sh

## Start the shell on the bundled lessons (records in ~/.local/share/safer).
run: deps
	@swift build -q --product safer
	@.build/debug/safer $(ARGS)

## Run every test: unit, transcript, pseudo-terminal and crash tests.
test: deps
	swift test

release: deps
	swift build -c release

## Benchmarks, in release mode: `make bench` (add ARGS=--json for JSON lines).
bench: deps
	swift run -c release safer-bench $(ARGS)

check: deps
	swift run -q safer check Lessons

lint:
	swift format lint --strict --recursive Sources Tests Benchmarks Fuzz Package.swift

format:
	swift format --in-place --recursive Sources Tests Benchmarks Fuzz Package.swift
