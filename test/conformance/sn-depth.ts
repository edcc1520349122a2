/**
 * The cases that run over short names as deep as over logical names (issue 10 item 7), and the
 * faults of theirs that cannot reach SN.
 */
import type { CaseResult } from '../../harness/engine/result';
import type { CaseDef, SuiteDef } from '../../harness/suite/types';

/** The object walk, class rules and selective access cases that must run over SN and pass (issue 10, Done when); `[short]` for per-association ones. */
export const SN_DEPTH = [
  'OBJECT-WALK-COUNTS[short]',
  'OBJECT-WALK-READ-REFUSED[short]',
  'OBJECT-WALK-COUNTS[reader]',
  'OBJECT-WALK-READ-REFUSED[reader]',
  'OBJECT-WALK-WRITE-BACK',
  'OBJECT-WALK-METHODS-WITHOUT-ACCESS[short]',
  'OBJECT-WALK-METHODS-WITHOUT-ACCESS[reader]',
  'OBJECT-WALK-UNDEFINED-METHOD[short]',
  'OBJECT-WALK-UNDEFINED-METHOD[reader]',
  'OBJECTS-READABLE-AS-LISTED[short]',
  'DATA-ATTRIBUTES',
  'REGISTER-ATTRIBUTES',
  'EXTENDED-REGISTER-ATTRIBUTES',
  'CLOCK-ATTRIBUTES',
  'PROFILE-GENERIC-ATTRIBUTES',
  'DISCONNECT-CONTROL-ATTRIBUTES',
  'SAP-ASSIGNMENT-ATTRIBUTES',
  'HDLC-SETUP-ATTRIBUTES',
  'CLASS-RULES-SECURITY-SETUP',
  'SA-RANGE-WHOLE',
  'SA-RANGE-BETWEEN-INSTANTS',
  'SA-RANGE-NON-CLOCK',
  'SA-RANGE-REVERSED',
  'SA-ENTRY-ONE',
  'SA-ENTRY-TO-LAST',
  'SA-ENTRY-REVERSED',
  'SA-ENTRY-PAST-END',
  'SA-ENTRY-COLUMNS-OUT-OF-RANGE',
  'SA-RANGE[short]',
  'SA-RANGE-SELECTED-VALUES[short]',
  'SA-RANGE-EMPTY[short]',
  'SA-ENTRY[short]',
  'SA-ENTRY-COLUMNS[short]',
  'SA-INVALID-SELECTOR[short]',
];

/**
 * Faults a case names that cannot reach it over short names (Green Book 9.3: READ and WRITE carry
 * no get-response or set-response), and why. The SN instance of such a case (an SN-only profile,
 * or the SN side of a profile with both) is not required to fail under them.
 */
export const LN_ONLY_FAULTS: Readonly<Record<string, string>> = {
  'response-trailing-bytes': 'alters the bytes of a get-response (an LN encoding)',
  'method-refusal-truncated': 'alters the bytes of an action-response (an LN encoding); a READ of a method name is answered by a ReadResponse',
  'profile-buffer-error-with-stray-bytes': 'alters the bytes of a get-response (an LN encoding)',
  'entry-selector-refused': 'alters the get-response to a GET with selective access (an LN encoding)',
  'write-access-not-applied': 'alters a set-response (an LN encoding); the WriteResponse it stands for is not altered',
  'wrong-type-write-accepted': 'alters a set-response (an LN encoding); the WriteResponse it stands for is not altered',
  'written-value-read-back-altered': 'is armed by a set-response (an LN encoding), not by a WriteResponse',
  'unreadable-attribute-served': "the reference meter's SN association may read every attribute it lists: there is no refusal to break",
};

/**
 * Faults of the short-name side alone (a ReadResponse's encoding): the LN instance of a case run
 * in both referencings is not required to fail under them; its SN instance is.
 */
export const SN_ONLY_FAULTS: Readonly<Record<string, string>> = {
  'sn-read-date-time-day-zero': 'alters a ReadResponse (an SN encoding); the get-response of the same attribute is right',
};

/** A case of SN_DEPTH and one fault it names that can reach it over short names. */
export interface SnDepthFault {
  readonly suite: SuiteDef;
  readonly def: CaseDef;
  readonly fault: string;
}

/** Every (case, fault) the SN instances of SN_DEPTH must fail under: faults of LN encodings aside. */
export function snDepthFaults(suites: readonly SuiteDef[]): SnDepthFault[] {
  return suites.flatMap((suite) =>
    suite.cases
      .filter((def) => SN_DEPTH.some((id) => id.replace(/\[.*\]$/, '') === def.id))
      .flatMap((def) => def.detects.filter((fault) => !LN_ONLY_FAULTS[fault]).map((fault) => ({ suite, def, fault }))),
  );
}

/** Why `r` does not fail at the step its case names for `fault`, or undefined when it does. */
export function missedAtStep(r: CaseResult | undefined, { def, fault }: SnDepthFault, label = def.id): string | undefined {
  const at = (r?.steps.findIndex((x) => x.status === 'failed') ?? -1) + 1;
  if (r?.status === 'failed' && at === def.detectsAt?.[fault]) return undefined;
  return `${label} under ${fault}: ${r?.status} at step ${at}, expected failed at step ${def.detectsAt?.[fault]}`;
}
