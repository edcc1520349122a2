/**
 * Loaded suites, kept on disk for the compiled CLI: parsing and checking the 40-odd suite files
 * costs most of `dlmsct list`'s start-up, and they rarely change. An entry is used only when the
 * suite file has the same size and modification time and dist/ the same build stamp as when it
 * was written (a rebuild may change what a step accepts), so a stale entry is never read. Under
 * ts-node (the project's tests) nothing is cached. Any trouble with the cache (unreadable,
 * unwritable, corrupt) just means loading from the YAML.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../paths';
import type { SuiteDef } from './types';

const DIST = path.join(REPO_ROOT, 'dist');
const DIR = path.join(DIST, '.suite-cache');
const STAMP = path.join(DIST, '.build-stamp');
const COMPILED = __filename.endsWith('.js') && __filename.startsWith(DIST + path.sep);

function keyOf(file: string): string | undefined {
  try {
    const s = fs.statSync(file);
    return JSON.stringify([path.resolve(file), s.size, s.mtimeMs, fs.statSync(STAMP).mtimeMs]);
  } catch {
    return undefined;
  }
}

export function cachedSuite(file: string, load: (file: string) => SuiteDef): SuiteDef {
  const key = COMPILED ? keyOf(file) : undefined;
  if (key === undefined) return load(file);
  const entry = path.join(DIR, `${createHash('sha1').update(path.resolve(file)).digest('hex')}.json`);
  try {
    const cached = JSON.parse(fs.readFileSync(entry, 'utf8')) as { key: string; suite: SuiteDef };
    if (cached.key === key) return cached.suite;
  } catch {
    // no entry yet, or one that cannot be read: load from the YAML
  }
  const suite = load(file);
  try {
    fs.mkdirSync(DIR, { recursive: true });
    const tmp = `${entry}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ key, suite }));
    fs.renameSync(tmp, entry);
  } catch {
    // a read-only install: no cache, only slower
  }
  return suite;
}
