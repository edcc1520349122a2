#!/usr/bin/env node
// dlmsct command line. It runs the compiled JavaScript in dist/ (`npm run build`, done by
// scripts/setup.sh and `npm test`), which starts in a fraction of a second. When dist/ is missing
// or older than the sources, it runs the TypeScript through ts-node instead (transpile-only,
// seconds to start): correct, only slow. DLMSCT_FROM=dist refuses that fallback (the build test).
'use strict';
const path = require('node:path');
const { DIST, ROOT, staleReason } = require('./compiled');

function load() {
  const from = process.env.DLMSCT_FROM;
  const stale = from === 'ts' ? 'DLMSCT_FROM=ts' : staleReason();
  if (stale === undefined) return require(path.join(DIST, 'harness', 'cli', 'main.js'));
  if (from === 'dist') {
    process.stderr.write(`dlmsct: DLMSCT_FROM=dist but ${stale}; run \`npm run build\`\n`);
    process.exit(70);
  }
  if (process.stderr.isTTY && from !== 'ts')
    process.stderr.write(`dlmsct: ${stale}; running the TypeScript sources (slow start). \`npm run build\` compiles them.\n`);
  require('ts-node').register({ transpileOnly: true, project: path.join(ROOT, 'tsconfig.json') });
  return require('../harness/cli/main.ts');
}

load()
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    process.stderr.write(`dlmsct: internal error: ${e && e.stack ? e.stack : String(e)}\n`);
    process.exitCode = 70;
  });
