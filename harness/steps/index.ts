/**
 * Registers every step, found by this folder rather than by a hand-kept list: each step is one
 * file that calls `defineStep` when loaded, so adding a step is adding a file. Import this
 * before loading suites or running cases.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

for (const file of fs.readdirSync(__dirname).sort()) {
  if (!/^[a-z0-9-]+\.(ts|js)$/.test(file) || file.endsWith('.d.ts') || /^index\./.test(file)) continue;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- discovery by folder needs a dynamic require
  require(path.join(__dirname, file));
}

export { getStep, listSteps, registerStep, argsSchema } from './registry';
export type { StepDefinition } from './registry';
export type { StepContext, LastOutcome } from './context';
