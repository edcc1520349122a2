// Is dist/ (the compiled CLI, `npm run build`) up to date with the TypeScript sources? The build
// writes a stamp when tsc has finished; dist/ is fresh when no source file is newer than the
// stamp. Plain JS: bin/dlmsct.js asks this before it has anything compiled to load.
// `node bin/compiled.js --stamp` writes the stamp (the last part of `npm run build`).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
// DLMSCT_DIST points elsewhere (the tests use it to show what a missing build does).
const DIST = process.env.DLMSCT_DIST ? path.resolve(process.env.DLMSCT_DIST) : path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
/** What tsconfig.build.json compiles, and the configuration that shapes the output. */
const SOURCE_DIRS = ['config', 'dlms', 'drivers', 'client', 'simulator', 'harness', 'reports'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json'];

function newerThan(dir, limitMs) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const e of entries) {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (newerThan(file, limitMs)) return true;
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && fs.statSync(file).mtimeMs > limitMs) {
      return true;
    }
  }
  return false;
}

/** The reason dist/ cannot be used, or undefined when it is fresh. */
function staleReason() {
  let stampMs;
  try {
    stampMs = fs.statSync(STAMP).mtimeMs;
  } catch {
    return 'dist/ has not been built';
  }
  for (const f of CONFIG_FILES) {
    try {
      if (fs.statSync(path.join(ROOT, f)).mtimeMs > stampMs) return `${f} changed since the last build`;
    } catch {
      // a missing config file is tsc's to report at the next build
    }
  }
  for (const d of SOURCE_DIRS) if (newerThan(path.join(ROOT, d), stampMs)) return `${d}/ changed since the last build`;
  return undefined;
}

/**
 * tsc never deletes: the output of a source that was removed or renamed would stay in dist/, and
 * folders that load every module they hold (harness/steps/, simulator/faults/) would load it.
 */
function pruneOrphans(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) pruneOrphans(file);
    else {
      const m = /^(.*)\.js(\.map)?$/.exec(e.name);
      if (m && !fs.existsSync(path.join(ROOT, path.relative(DIST, dir), `${m[1]}.ts`))) fs.rmSync(file);
    }
  }
}

module.exports = { ROOT, DIST, STAMP, staleReason };

if (require.main === module && process.argv[2] === '--stamp') {
  fs.mkdirSync(DIST, { recursive: true });
  pruneOrphans(DIST);
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
