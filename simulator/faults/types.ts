/**
 * A fault breaks exactly one rule of the standard, so that a conformance case can prove it
 * detects that break. Each fault is one file exporting a `Fault`; the server consults the
 * hooks at fixed interception points and otherwise behaves correctly. Every hook receives what
 * the correct server would do and returns what the faulty one does instead.
 */
import type { ACSE_SERVICE_USER } from '../../dlms/acse/names';
import type { AttributeAddress } from '../objects/store';
import type { AttributeResult, ObjectListEntry } from '../objects/types';

/** The AARE the server is about to send (Green Book 9.3.2; result and diagnostic names as in ACSE). */
export type AarqDecision =
  | { readonly kind: 'accept' }
  | {
      readonly kind: 'reject';
      readonly result: 'rejected-permanent' | 'rejected-transient';
      /** acse-service-user diagnostic, spelled as in the standard. */
      readonly diagnostic: (typeof ACSE_SERVICE_USER.names)[number];
    };

export interface FaultHooks {
  /** HDLC (Green Book 8.4.3): process a frame whose FCS or HCS is wrong instead of discarding it. */
  readonly acceptBadFcs?: boolean;
  /** LLS (Green Book 9.2.7.3.2): whether the password check passes, given whether it matched. */
  readonly checkPassword?: (matches: boolean) => boolean;
  /** The AARE decision. */
  readonly onAarq?: (decision: AarqDecision) => AarqDecision;
  /** Whether an RLRQ is answered with an RLRE (Green Book 9.3.3). */
  readonly onRlrq?: (answer: boolean) => boolean;
  /** Serve GET before any association is established, in the first association's context. */
  readonly serveWithoutAssociation?: boolean;
  /** The object list (Association LN attribute 2) the current association sees. */
  readonly transformObjectList?: (entries: readonly ObjectListEntry[]) => readonly ObjectListEntry[];
  /** The result of reading one attribute. */
  readonly onGet?: (address: AttributeAddress, result: AttributeResult) => AttributeResult;
  /** The invoke-id a GET response carries, given the request's (Green Book 9.4.6.3). */
  readonly responseInvokeId?: (requestInvokeId: number) => number;
}

export interface Fault {
  /** Kebab-case, stable: suites name it in `detects:`. */
  readonly name: string;
  /** One sentence: what the meter does wrong. */
  readonly description: string;
  /** The clause the fault breaks. */
  readonly clause: string;
  readonly hooks: FaultHooks;
}

/** Every hook, defaulting to the correct behaviour, with several faults applied in order. */
export interface ActiveHooks {
  readonly acceptBadFcs: boolean;
  readonly checkPassword: (matches: boolean) => boolean;
  readonly onAarq: (decision: AarqDecision) => AarqDecision;
  readonly onRlrq: (answer: boolean) => boolean;
  readonly serveWithoutAssociation: boolean;
  readonly transformObjectList: (entries: readonly ObjectListEntry[]) => readonly ObjectListEntry[];
  readonly onGet: (address: AttributeAddress, result: AttributeResult) => AttributeResult;
  readonly responseInvokeId: (requestInvokeId: number) => number;
}

function chain<A extends unknown[], T>(faults: readonly Fault[], pick: (h: FaultHooks) => ((...args: [...A, T]) => T) | undefined): (...args: [...A, T]) => T {
  const fns = faults.map((f) => pick(f.hooks)).filter((f): f is (...args: [...A, T]) => T => f !== undefined);
  return (...args: [...A, T]) => {
    const lead = args.slice(0, -1) as unknown as A;
    let value = args[args.length - 1] as T;
    for (const fn of fns) value = fn(...lead, value);
    return value;
  };
}

export function activeHooks(faults: readonly Fault[]): ActiveHooks {
  return {
    acceptBadFcs: faults.some((f) => f.hooks.acceptBadFcs === true),
    checkPassword: chain<[], boolean>(faults, (h) => h.checkPassword),
    onAarq: chain<[], AarqDecision>(faults, (h) => h.onAarq),
    onRlrq: chain<[], boolean>(faults, (h) => h.onRlrq),
    serveWithoutAssociation: faults.some((f) => f.hooks.serveWithoutAssociation === true),
    transformObjectList: chain<[], readonly ObjectListEntry[]>(faults, (h) => h.transformObjectList),
    onGet: chain<[AttributeAddress], AttributeResult>(faults, (h) => h.onGet),
    responseInvokeId: chain<[], number>(faults, (h) => h.responseInvokeId),
  };
}

export const NO_FAULTS: ActiveHooks = activeHooks([]);
