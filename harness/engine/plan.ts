/**
 * From loaded suites and a profile to the list of cases to run: filtered (suite glob, case id,
 * tag), expanded (`forEach: association` → one case per association), ordered (`order: last`
 * after the others) and judged applicable or not, with the reason. An inapplicable case stays in the plan: it is reported as skipped with
 * its reason, never silently dropped.
 */
import { designedWaitMs } from './run-case';
import type { AssociationProfile, Profile } from '../profile/types';
import type { AssociationSelector, CaseDef, Requires, SuiteDef } from '../suite/types';
import { globToRegExp } from './glob';
import { bothReferencings, caseReferencing, referencingUnmet } from './referencing';

export interface PlannedCase {
  readonly def: CaseDef;
  /** `def.id`, or `def.id[association]` when expanded per association. */
  readonly id: string;
  readonly each?: AssociationProfile;
  /**
   * The referencing this instance speaks, for a case that runs in both on a profile with both
   * (referencing.ts `bothReferencings`): its associations (`$each`, `$granted`, the default one
   * and selectors) are taken among those of this referencing.
   */
  readonly referencing?: 'ln' | 'sn';
  /** Set when the profile says the DUT lacks what the case needs. */
  readonly inapplicable?: string;
}

export interface CaseFilter {
  /** A glob over suite names (`association/*`) or suite file paths; a bare folder (`association`) takes all below it. */
  readonly suite?: string;
  /** A case id (or a glob over ids, with or without the `[association]` suffix). */
  readonly caseId?: string;
  readonly tag?: string;
  /** `--quick`: cases whose timers make them wait longer than QUICK_TIMER_MS are inapplicable, with that reason. */
  readonly quick?: boolean;
}

/** Under `--quick`, a case waiting longer than this for a timer (one step's designed wait) is skipped. */
export const QUICK_TIMER_MS = 10_000;

/** The suite glob of a CaseFilter: a suite name, a file path, or a folder that holds the suite. */
export function suiteMatches(s: SuiteDef, glob: string, re: RegExp = globToRegExp(glob)): boolean {
  return re.test(s.suite) || re.test(s.file) || s.suite.startsWith(`${glob}/`);
}

export function planCases(suites: readonly SuiteDef[], profile: Profile, filter: CaseFilter = {}): PlannedCase[] {
  const suiteRe = filter.suite === undefined ? undefined : globToRegExp(filter.suite);
  const idRe = filter.caseId === undefined ? undefined : globToRegExp(filter.caseId);
  const out: PlannedCase[] = [];
  for (const s of suites) {
    if (filter.suite !== undefined && !suiteMatches(s, filter.suite, suiteRe)) continue;
    for (const def of s.cases) {
      if (filter.tag !== undefined && !def.tags.includes(filter.tag)) continue;
      const reason = unmet(def.requires, profile) ?? referencingUnmet(def, profile);
      const expanded = instances(def, profile);
      const slow = filter.quick ? slowTimer(def, profile) : undefined;
      for (const p of expanded) {
        if (idRe && !idRe.test(p.id) && !idRe.test(def.id)) continue;
        const why = reason ?? slow;
        out.push(why === undefined ? p : { ...p, inapplicable: why });
      }
    }
  }
  // `order: last` (a state-changing case that destroys what others read) after every other case,
  // whatever the file names; file order otherwise.
  return [...out.filter((p) => p.def.order !== 'last'), ...out.filter((p) => p.def.order === 'last')];
}

/** The suffix of the SN instance of a case that runs once per referencing (`CLOCK-ATTRIBUTES[sn]`). */
export const SN_INSTANCE_SUFFIX = '[sn]';

/** The instances of a case: itself, or one per association / mechanism of its `forEach`. */
function instances(def: CaseDef, profile: Profile): PlannedCase[] {
  const both = bothReferencings(def, profile);
  // Once per referencing: the LN instance keeps the case's id, the SN one is `ID[sn]`.
  if (def.forEach === undefined)
    return both
      ? [
          { def, id: def.id, referencing: 'ln' },
          { def, id: `${def.id}${SN_INSTANCE_SUFFIX}`, referencing: 'sn' },
        ]
      : [{ def, id: def.id }];
  if ((def.forEach === 'association' || def.forEach === 'unciphered-association') && both) {
    // Every association of the profile, each in its own referencing (in profile order).
    const unciphered = def.forEach === 'unciphered-association';
    const every = profile.associations.filter((a) => !unciphered || !a.security);
    if (every.length > 0) return every.map((a) => ({ def, id: `${def.id}[${a.name}]`, each: a, referencing: a.referencing }));
  }
  if (def.forEach === 'association' || def.forEach === 'unciphered-association') {
    // The associations whose referencing the case's steps use (Green Book 9.3: LN and SN
    // services differ; default LN), without ciphering if asked. None: the case is inapplicable, once.
    const wanted = caseReferencing(def, profile);
    const unciphered = def.forEach === 'unciphered-association';
    const matching = profile.associations.filter((a) => a.referencing === wanted && (!unciphered || !a.security));
    return matching.length > 0
      ? matching.map((a) => ({ def, id: `${def.id}[${a.name}]`, each: a }))
      : [
          {
            def,
            id: def.id,
            inapplicable: `the case runs once per ${wanted.toUpperCase()} association${unciphered ? ' without ciphering' : ''}; the profile declares none`,
          },
        ];
  }
  // Per mechanism or selector: the profile's first association that fits; none, and that instance alone is inapplicable.
  const selectors: readonly AssociationSelector[] =
    'authentication' in def.forEach ? def.forEach.authentication.map((authentication) => ({ authentication })) : def.forEach.association;
  return selectors.map((sel) => {
    const id = `${def.id}[${[sel.authentication, sel.suite === undefined ? undefined : `suite-${sel.suite}`].filter(Boolean).join('-')}]`;
    const a = profile.associations.find(
      (x) => (sel.authentication === undefined || x.authentication === sel.authentication) && (sel.suite === undefined || x.security?.suite === sel.suite),
    );
    if (a) return { def, id, each: a };
    const why = sel.suite === undefined && sel.authentication ? unmet({ authentication: sel.authentication }, profile) : undefined;
    return {
      def,
      id,
      inapplicable: why ?? `the profile declares no association with security suite ${sel.suite}${sel.authentication ? ` and ${sel.authentication}` : ''}`,
    };
  });
}

function slowTimer(def: SuiteDef['cases'][number], profile: Profile): string | undefined {
  const wait = Math.max(0, ...def.steps.map((s) => designedWaitMs(s, profile)));
  return wait > QUICK_TIMER_MS
    ? `--quick: the case waits ${Math.round(wait / 1000)} s for a timer of the profile (longer than ${QUICK_TIMER_MS / 1000} s)`
    : undefined;
}

/** Why the profile does not meet `requires`, or undefined when it does. */
export function unmet(req: Requires, profile: Profile): string | undefined {
  const t = profile.transport;
  if (req.framing && t.framing !== req.framing) return `the case needs ${req.framing} framing; the profile's transport uses ${t.framing}`;
  if (req.transport && !req.transport.includes(t.kind)) return `the case needs a ${req.transport.join(' or ')} transport; the profile's is ${t.kind}`;
  for (const f of req.features ?? []) {
    if (profile.features[f] !== true) return `the case needs feature "${f}", which the profile does not declare (features: { ${f}: true })`;
  }
  if (req.authentication && !profile.associations.some((a) => a.authentication === req.authentication)) {
    return `the case needs an association with authentication ${req.authentication}; the profile declares ${profile.associations.map((a) => `${a.name} (${a.authentication})`).join(', ')}`;
  }
  if (req.referencing && !profile.associations.some((a) => a.referencing === req.referencing)) {
    return `the case needs an association with ${req.referencing.toUpperCase()} referencing; the profile declares none (referencing: ${req.referencing})`;
  }
  for (const e of req.expect ?? []) {
    if (profile.expect[e] === undefined) return `the case compares with expect.${e}, which the profile does not state`;
  }
  return undefined;
}
