#!/usr/bin/env bash
# Installs what Safer Shell needs from Debian when it is missing: libedit-dev (the line
# editor the shell is built on), tmux (the terminal the end-to-end tests drive) and
# chromium-headless-shell (the browser the HTML report is checked in).
set -euo pipefail

missing=()
[ -f /usr/include/histedit.h ] || missing+=(libedit-dev)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v chromium-headless-shell >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium-headless-shell ] ||
  missing+=(chromium-headless-shell)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${missing[*]} (needed once)…" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Please install as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
