#!/usr/bin/env bash
# Everything a brand-new machine needs: npm packages, and socat for the serial (pty) tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v socat >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq socat >/dev/null
  else
    echo "setup: socat is missing and cannot be installed here; serial tests will be skipped with that reason" >&2
  fi
fi
if [ ! -d node_modules ] || [ package.json -nt node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm install --no-audit --no-fund
fi
