# The two commands of the README: `make run` and `make test`. Both install what is
# missing first (libedit-dev, tmux), so they work on a fresh Debian machine.

.PHONY: run test deps release bench check lint format install

# `make install` puts `safer` in $(PREFIX)/bin and the lessons in $(PREFIX)/share/safer,
# where the installed binary looks for them.
PREFIX ?= $(HOME)/.local

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

## Install `safer` (release build) into $(PREFIX)/bin, lessons into $(PREFIX)/share/safer.
install: deps
	@swift build -q -c release --product safer
	@mkdir -p "$(PREFIX)/bin" "$(PREFIX)/share/safer"
	@install -m 755 .build/release/safer "$(PREFIX)/bin/safer"
	@rm -rf "$(PREFIX)/share/safer/Lessons"
	@cp -R Lessons "$(PREFIX)/share/safer/Lessons"
	@echo "Installed $(PREFIX)/bin/safer. If \`safer\` is not found, add $(PREFIX)/bin to your PATH."

## Benchmarks, in release mode: `make bench` (add ARGS=--json for JSON lines).
bench: deps
	swift run -c release safer-bench $(ARGS)

check: deps
	swift run -q safer check Lessons

lint:
	swift format lint --strict --recursive Sources Tests Benchmarks Fuzz Package.swift

format:
	swift format --in-place --recursive Sources Tests Benchmarks Fuzz Package.swift
