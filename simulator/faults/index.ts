/**
 * The fault catalogue: every named fault, one file each, found by this folder rather than by a
 * hand-kept list: adding a fault is adding a file that exports a `Fault`. Files here that are not
 * faults (this index, the hook types) are named below; the rest must each export exactly one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Fault } from './types';

export type { Fault, FaultHooks, ActiveHooks, AarqDecision } from './types';
export { activeHooks, NO_FAULTS } from './types';

const NOT_FAULTS = new Set(['index', 'types', 'hdlc-hooks', 'security-hooks', 'attribute-hook', 'selection-rewrite']);

function isFault(v: unknown): v is Fault {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Partial<Fault>;
  return typeof f.name === 'string' && typeof f.description === 'string' && typeof f.clause === 'string' && typeof f.hooks === 'object';
}

/** Fault modules (TypeScript under ts-node, JavaScript when compiled), sorted by file name. */
function discover(dir: string): readonly Fault[] {
  const modules = fs
    .readdirSync(dir)
    .filter((f) => /^[a-z0-9-]+\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => f.replace(/\.(ts|js)$/, ''))
    .filter((name, i, all) => !NOT_FAULTS.has(name) && all.indexOf(name) === i)
    .sort();
  return modules.map((name) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- discovery by folder needs a dynamic require
    const exported = Object.values(require(path.join(dir, name)) as Record<string, unknown>).filter(isFault);
    if (exported.length !== 1) throw new Error(`simulator/faults/${name}: expected one exported Fault, found ${exported.length}`);
    const fault = exported[0]!;
    if (fault.name !== name) throw new Error(`simulator/faults/${name}: the fault is named ${JSON.stringify(fault.name)}; a fault's file carries its name`);
    return fault;
  });
}

export const FAULTS: readonly Fault[] = discover(__dirname);

const BY_NAME: ReadonlyMap<string, Fault> = new Map(FAULTS.map((f) => [f.name, f]));

export class UnknownFaultError extends Error {
  override readonly name = 'UnknownFaultError';
  constructor(readonly fault: string) {
    super(`unknown simulator fault ${JSON.stringify(fault)}; known faults: ${FAULTS.map((f) => f.name).join(', ')}`);
  }
}

/** The faults named, in order; an unknown name is an error that lists the known ones. */
export function faultsNamed(names: readonly string[]): readonly Fault[] {
  return names.map((n) => {
    const f = BY_NAME.get(n);
    if (!f) throw new UnknownFaultError(n);
    return f;
  });
}
