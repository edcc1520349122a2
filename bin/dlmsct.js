#!/usr/bin/env node
// dlmsct command line: plain JS so `npx dlmsct` needs no build step; the TypeScript runs through
// ts-node in CommonJS, transpile-only (type-checking is `npm run typecheck`, TOOLCHAIN.md).
'use strict';
const path = require('node:path');
const root = path.resolve(__dirname, '..');
require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
require('../harness/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    process.stderr.write(`dlmsct: internal error: ${e && e.stack ? e.stack : String(e)}\n`);
    process.exitCode = 70;
  });
