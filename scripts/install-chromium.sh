#!/usr/bin/env bash
# Installs Debian's Chromium and a small CJK font for the browser tests, when they are missing.
# Never a browser download by a test tool: this machine reaches only the npm and Debian registries.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy"; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing chromium and fonts-wqy-microhei (about 25 s)…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
