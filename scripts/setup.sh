#!/usr/bin/env bash
# Everything a brand-new machine needs: npm packages; socat for the serial (pty) tests, tshark
# for the Wireshark dissector test (test/e2e/wireshark.test.ts, tools/wireshark/dlms.lua) and
# chromium for the report privacy test (test/e2e/report-privacy.test.ts, through playwright-core);
# python3 for the bench's line-speed pty bridge (bench/line-bridge.py); then the compiled CLI.
# Where a system package cannot be installed, the tests that need it are skipped with that reason.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v socat >/dev/null 2>&1 || missing+=(socat)
command -v tshark >/dev/null 2>&1 || missing+=(tshark)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null || echo "setup: apt-get update failed; trying the installs anyway" >&2
    for pkg in "${missing[@]}"; do
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null \
        || echo "setup: could not install $pkg; the tests that need it will be skipped with that reason" >&2
    done
  else
    echo "setup: ${missing[*]} missing and cannot be installed here; the tests that need them will be skipped with that reason" >&2
  fi
fi
if [ ! -d node_modules ] || [ package.json -nt node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm install --no-audit --no-fund
fi
# The compiled CLI (dist/): bin/dlmsct.js starts from it in a fraction of a second.
npm run build --silent
