/**
 * What the object walk (object-walk.ts) decides without the wire: which attributes it may write
 * back safely, what value has the wrong type for an attribute, how access modes read, and how a
 * remark is left while the engine's remark API is on its way.
 */
import { bytesEqual } from '../../dlms/bytes';
import type { Data } from '../../dlms/axdr/data';
import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import { checkType, type TypeSpec } from '../../dlms/cosem/catalogue/type-spec';
import type { StepContext } from './context';

/** Encoding for encoding: what the meter holds is what it sent (Green Book 9.5). */
export function valuesEqual(a: Data, b: Data): boolean {
  return bytesEqual(encodeDataBytes(a), encodeDataBytes(b));
}

export type WriteAccess = 'plain' | 'protected' | 'none';

/**
 * Blue Book 4.4.3 access_mode. Versions 0..2 (enum): 2 write-only, 3 read-and-write; 5 and 6 the
 * authenticated variants. Version 3 (bit map): bit 1 write, bits 2.. ask for protection.
 */
export function writeAccess(associationVersion: number, mode: number): WriteAccess {
  if (associationVersion >= 3) {
    if ((mode & 0x02) === 0) return 'none';
    return (mode & ~0x03) === 0 ? 'plain' : 'protected';
  }
  if (mode === 2 || mode === 3) return 'plain';
  if (mode === 5 || mode === 6) return 'protected';
  return 'none';
}

/**
 * Attributes never written back even with write access, each for its reason: writing the value
 * read would change the meter (time moves on) or touch what the association itself stands on.
 */
const NEVER_WRITTEN: Readonly<Record<number, { readonly attributes?: readonly number[]; readonly why: string }>> = {
  8: { attributes: [2], why: 'the clock moves on between the read and the write' },
  12: { why: 'the association object the walk runs in' },
  15: { why: 'the association object the walk runs in' },
  18: { why: 'image transfer state belongs to the state-changing cases' },
  64: { why: 'security setup belongs to the security cases' },
};

/** Why the walk leaves this attribute unwritten, or undefined when it writes it back. */
export function WALK_SKIPS_WRITE(classId: number, attribute: number): string | undefined {
  if (attribute === 1) return 'logical_name';
  const rule = NEVER_WRITTEN[classId];
  if (!rule || (rule.attributes && !rule.attributes.includes(attribute))) return undefined;
  return rule.why;
}

/** Candidates for a wrongly typed value, the first that the attribute's type refuses is used. */
const CANDIDATES: readonly Data[] = [
  { type: 'visible-string', value: 'dlmsct' },
  { type: 'boolean', value: true },
  { type: 'structure', items: [] },
];

/**
 * A value the attribute's catalogue type refuses and that differs in Data type from the value
 * read; undefined when the type admits anything (`any`, so no value is wrong).
 */
export function wrongTypeFor(spec: TypeSpec, current: Data): Data | undefined {
  if (spec.kind === 'any') return undefined;
  return CANDIDATES.find((c) => c.type !== current.type && checkType(c, spec).length > 0);
}

/**
 * A remark: an allowed but not preferred answer (DESIGN.md, Verdicts). Uses the engine's
 * `ctx.remark(text, clause)` when the engine offers it, else notes it so the record keeps it.
 */
export function remark(ctx: StepContext, text: string, clause: string): void {
  const withRemark = ctx as StepContext & { remark?: (text: string, clause: string) => void };
  if (typeof withRemark.remark === 'function') withRemark.remark(text, clause);
  else ctx.note(`remark: ${text} (${clause})`);
}
