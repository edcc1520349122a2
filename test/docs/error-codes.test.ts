/**
 * Every error code the code raises is documented: the codes are an interface (suites, known
 * deviations and users' scripts match on them), so an undocumented one is a bug.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE_DIRS = ['config', 'dlms', 'client', 'drivers', 'harness', 'simulator', 'reports'];
// `new DecodeError('X'`, `.fail('X'`, `fail('X'`, `ConfigError…('X'`, `code: 'X'` in error constructors.
const RAISE = /(?:DecodeError|EncodeError|ConfigError(?:\.at)?|\bfail|failAt|SecurityError)\(\s*'([A-Z][A-Z0-9_]{2,})'/g;

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('docs/error-codes', () => {
  it('documents every error code the sources raise', () => {
    const docs = fs
      .readdirSync(path.join(ROOT, 'docs/error-codes'))
      .map((f) => fs.readFileSync(path.join(ROOT, 'docs/error-codes', f), 'utf8'))
      .join('\n');
    const missing = new Map<string, string>();
    for (const file of SOURCE_DIRS.flatMap((d) => sources(path.join(ROOT, d)))) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(RAISE)) {
        const code = m[1]!;
        if (!docs.includes(`\`${code}\``) && !missing.has(code)) missing.set(code, path.relative(ROOT, file));
      }
    }
    expect(Object.fromEntries(missing), 'codes raised but not listed in docs/error-codes/*.md').to.deep.equal({});
  });
});
