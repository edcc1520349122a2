/**
 * The class-specific rules, by class_id, found by this folder rather than by a hand-kept list:
 * adding the rules of a class is adding a file that exports one `ClassSemantics`. Files here that
 * are not a class's rules (this index, the shared types and helpers, tests) are named below. A
 * class without a file has only its catalogue types checked.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClassSemantics } from './types';

export type { ClassSemantics, Problem, Reference, SemanticInput } from './types';

const NOT_RULES = new Set(['index', 'types', 'date-time', 's-fsk-address']);

function isSemantics(v: unknown): v is ClassSemantics {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<ClassSemantics>;
  return typeof s.classId === 'number' && typeof s.clause === 'string' && typeof s.check === 'function';
}

/** One file per class, sorted by file name; TypeScript under ts-node, JavaScript when compiled. */
function discover(dir: string): ReadonlyMap<number, ClassSemantics & { readonly file: string }> {
  const modules = fs
    .readdirSync(dir)
    .filter((f) => /^[a-z0-9-]+\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !/\.test\.(ts|js)$/.test(f))
    .map((f) => f.replace(/\.(ts|js)$/, ''))
    .filter((name, i, all) => !NOT_RULES.has(name) && all.indexOf(name) === i)
    .sort();
  const byClass = new Map<number, ClassSemantics & { readonly file: string }>();
  for (const name of modules) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- discovery by folder needs a dynamic require
    const exported = Object.values(require(path.join(dir, name)) as Record<string, unknown>).filter(isSemantics);
    if (exported.length !== 1) throw new Error(`harness/classes/semantics/${name}: expected one exported ClassSemantics, found ${exported.length}`);
    const rules = exported[0]!;
    const other = byClass.get(rules.classId);
    if (other) throw new Error(`harness/classes/semantics/${name}: class ${rules.classId} already has its rules in ${other.file}`);
    byClass.set(rules.classId, { ...rules, file: name });
  }
  return byClass;
}

const FOUND = discover(__dirname);

/** The rules of every class that has them, by class_id. */
export const SEMANTICS: Readonly<Record<number, ClassSemantics & { readonly file: string }>> = Object.fromEntries(FOUND);
