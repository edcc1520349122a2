#!/usr/bin/env bash
# Builds the independent C++ client that comes with the interop meter's source (the Gurux
# GuruxDLMSClientExample, in ../shared/meters/gurux-cpp/source.tar.xz, GPL-2.0) into OUT, for
# `npm run bench` to time against the same meter: issue 11's "≤ 1.0× the independent C client".
# A tool beside the project, as the meter is: built in out/ (git-ignored), never shipped, copied
# into the sources or linked with them.
# Usage: scripts/build-gurux-client.sh SOURCE_TAR_XZ OUT   → prints the client binary's path.
# Built once: a binary already in OUT that is newer than the tarball is reused.
# Flags as the meter's README gives for the meter (-O2 -DNDEBUG); the library takes some minutes
# on two cores, so the make runs with nice.
set -euo pipefail
if [ $# -ne 2 ]; then echo "usage: $0 SOURCE_TAR_XZ OUT" >&2; exit 2; fi
TAR=$1
OUT=$2
BIN=$OUT/src/GuruxDLMSClientExample/bin/gurux.dlms.client.bin
if [ -x "$BIN" ] && [ "$BIN" -nt "$TAR" ]; then echo "$BIN"; exit 0; fi
for tool in tar xz make g++; do
  command -v "$tool" >/dev/null 2>&1 || { echo "cannot build the C client: $tool is not installed" >&2; exit 1; }
done
[ -r "$TAR" ] || { echo "cannot build the C client: $TAR is not readable" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT"
tar -xJf "$TAR" -C "$OUT"
for d in src/development src/GuruxDLMSClientExample; do
  [ -f "$OUT/$d/makefile" ] || { echo "cannot build the C client: the source has no $d/makefile" >&2; exit 1; }
done
JOBS=$(nproc 2>/dev/null || echo 1)
# The library (a static archive), then the example that links it; the makefiles want their
# object and output folders to exist.
mkdir -p "$OUT/src/development/obj" "$OUT/src/development/lib"
nice -n 10 make -s -C "$OUT/src/development" -j "$JOBS" CFLAGS="-O2 -DNDEBUG -fPIC -w" >"$OUT/build.log" 2>&1 \
  || { echo "cannot build the C client: the library did not compile (see $OUT/build.log)" >&2; exit 1; }
mkdir -p "$OUT/src/GuruxDLMSClientExample/obj" "$OUT/src/GuruxDLMSClientExample/bin"
nice -n 10 make -s -C "$OUT/src/GuruxDLMSClientExample" CFLAGS="-c -O2 -DNDEBUG -w" >>"$OUT/build.log" 2>&1 \
  || { echo "cannot build the C client: the example did not compile (see $OUT/build.log)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "cannot build the C client: no $BIN after make" >&2; exit 1; }
echo "$BIN"
