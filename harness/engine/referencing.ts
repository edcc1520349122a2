/**
 * Which referencing a case speaks (Green Book 9.3: LN services GET, SET, ACTION, ACCESS; SN
 * services READ, WRITE). A case with `requires: { referencing }` speaks that one. Otherwise it
 * speaks LN, unless the profile declares no LN association and every step of the case that
 * addresses objects is one that works in either referencing (harness/steps/cosem-access.ts: the
 * object walk, the class rules, selective access): then it runs over SN, so an SN-only meter
 * gets the same depth (issue 10 item 7). On a profile with both, such a case runs in both
 * (`bothReferencings`): a meter's SN associations often list other objects with other rights, and
 * are walked too (docs/decisions/short-name-walk.md, "A profile with both").
 */
import type { Profile } from '../profile/types';
import type { CaseDef, StepCall } from '../suite/types';

/** Steps that send LN services (GET, SET, ACTION, ACCESS and the generators built on them). */
const LN_STEPS = new Set([
  'get',
  'set',
  'action',
  'access',
  'get.selected',
  'get.with-list',
  'each.object',
  'with.target',
  'check.attributes',
  'check.walk',
  'check.buffer-selection',
  'check.object-list',
  'check.sap-assignment',
  'golden.compare',
]);

/** Of those, the steps that address objects through cosem-access.ts, so speak the open association's referencing. */
const EITHER_STEPS = new Set(['get.selected', 'each.object', 'check.attributes', 'check.walk', 'check.buffer-selection']);

/** The nested steps of an `each.object`, as name and arguments. */
function nested(step: StepCall): StepCall[] {
  const steps = step.args['steps'];
  if (step.name !== 'each.object' || !Array.isArray(steps)) return [];
  return steps.flatMap((call: unknown) => {
    if (call === null || typeof call !== 'object') return [];
    const [name, args] = Object.entries(call as Record<string, unknown>)[0] ?? [];
    return name === undefined ? [] : [{ ...step, name, args: (args ?? {}) as Readonly<Record<string, unknown>> }];
  });
}

/** The first step of the case (nested ones included) that speaks LN only, if any. */
export function lnOnlyStep(def: CaseDef): string | undefined {
  for (const s of def.steps) {
    if (LN_STEPS.has(s.name) && !EITHER_STEPS.has(s.name)) return s.name;
    const inner = nested(s).find((n) => LN_STEPS.has(n.name) && !EITHER_STEPS.has(n.name));
    if (inner) return `${inner.name} (in each.object)`;
  }
  return undefined;
}

function usesObjects(def: CaseDef): boolean {
  return def.steps.some((s) => LN_STEPS.has(s.name));
}

/** Whether a case whose object steps all work in either referencing runs in both: the profile declares LN and SN associations. */
export function bothReferencings(def: CaseDef, profile: Profile): boolean {
  if (def.requires.referencing !== undefined || !usesObjects(def) || lnOnlyStep(def) !== undefined) return false;
  return profile.associations.some((a) => a.referencing === 'ln') && profile.associations.some((a) => a.referencing === 'sn');
}

/** The referencing a case's associations must use on this profile (on a profile with both, for a case run in both: LN; the plan adds its SN instances). */
export function caseReferencing(def: CaseDef, profile: Profile): 'ln' | 'sn' {
  if (def.requires.referencing) return def.requires.referencing;
  const hasLn = profile.associations.some((a) => a.referencing === 'ln');
  return !hasLn && usesObjects(def) && lnOnlyStep(def) === undefined ? 'sn' : 'ln';
}

/**
 * An LN case on a profile that declares no LN association is inapplicable, with the reason,
 * rather than sending requests an SN-only meter cannot parse (issue 10 item 7).
 */
export function referencingUnmet(def: CaseDef, profile: Profile): string | undefined {
  if (def.requires.referencing !== undefined || profile.associations.some((a) => a.referencing === 'ln')) return undefined;
  const ln = lnOnlyStep(def);
  if (!ln) return undefined;
  return `the case speaks logical-name referencing (its step ${ln} is an LN service); the profile declares short-name associations only (${profile.associations.map((a) => a.name).join(', ')})`;
}
