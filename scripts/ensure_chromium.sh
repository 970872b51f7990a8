#!/usr/bin/env bash
# Make sure Debian's chromium (and a font with Vietnamese glyphs) is installed for the browser tests.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi dejavu; then
  exit 0
fi
packages="chromium fonts-dejavu-core"
if [ "$(id -u)" = "0" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
else
  echo "chromium is missing: install Debian's 'chromium' and 'fonts-dejavu-core' packages (needs root)" >&2
  exit 1
fi
