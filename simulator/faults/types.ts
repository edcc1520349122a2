/**
 * A fault breaks exactly one rule of the standard, so that a conformance case can prove it
 * detects that break. Each fault is one file exporting a `Fault`; the server consults the
 * hooks at fixed interception points and otherwise behaves correctly. Every hook receives what
 * the correct server would do and returns what the faulty one does instead.
 */
import type { Aarq } from '../../dlms/acse/aarq';
import type { ACSE_SERVICE_PROVIDER, ACSE_SERVICE_USER } from '../../dlms/acse/names';
import type { Conformance } from '../../dlms/xdlms/conformance';
import type { Apdu } from '../../dlms/xdlms/apdu';
import type { ActionResult } from '../../dlms/xdlms/results';
import type { ConformanceBit } from '../../dlms/xdlms/conformance';
import type { DataNotification, EventNotificationRequest } from '../../dlms/xdlms/notification';
import type { AttributeAddress } from '../objects/store';
import { activeSecurityHooks, type ActiveSecurityHooks, type SecurityHooks } from './security-hooks';
import { activeHdlcHooks, type ActiveHdlcHooks, type HdlcFaultHooks } from './hdlc-hooks';
import type { AttributeResult, Crossing, MethodResult, MonitorReading, ObjectListEntry, Selection } from '../objects/types';
import type { Data } from '../../dlms/axdr/data';

/** The AARE the server is about to send (Green Book 9.3.2; result and diagnostic names as in ACSE). */
export type AarqDecision =
  | { readonly kind: 'accept' }
  | {
      readonly kind: 'reject';
      readonly result: 'rejected-permanent' | 'rejected-transient';
      readonly source?: 'acse-service-user';
      /** acse-service-user diagnostic, spelled as in the standard. */
      readonly diagnostic: (typeof ACSE_SERVICE_USER.names)[number];
      /** Why the xDLMS context was refused: the AARE user-information carries confirmed-service-error initiateError / initiate with this value. */
      readonly initiateError?: InitiateErrorName;
    }
  | {
      readonly kind: 'reject';
      readonly result: 'rejected-permanent' | 'rejected-transient';
      readonly source: 'acse-service-provider';
      readonly diagnostic: (typeof ACSE_SERVICE_PROVIDER.names)[number];
    };

/** ServiceError initiate values (Green Book 9.5). */
export type InitiateErrorName = 'other' | 'dlms-version-too-low' | 'incompatible-conformance' | 'pdu-size-too-short' | 'refused-by-the-VDE-Handler';

/** The rules the server checks an AARQ against, one name each (simulator/server/association.ts). */
export type AarqCheck =
  | 'protocol-version'
  | 'application-context'
  | 'titles'
  | 'acse-requirements'
  | 'mechanism-name'
  | 'authentication-value'
  | 'dedicated-key'
  | 'quality-of-service'
  | 'dlms-version'
  | 'conformance'
  | 'client-pdu-size';

export interface FaultHooks {
  /** HDLC link faults (hdlc-hooks.ts): framing, decoding, frames in and out, settings after the UA. */
  readonly hdlc?: HdlcFaultHooks;
  /** HDLC (Green Book 8.4.3): process a frame whose FCS or HCS is wrong instead of discarding it. */
  readonly acceptBadFcs?: boolean;
  /** LLS (Green Book 9.2.7.3.2): whether the password check passes, given whether it matched. */
  readonly checkPassword?: (matches: boolean) => boolean;
  /** The AARE decision. */
  readonly onAarq?: (decision: AarqDecision) => AarqDecision;
  /** Whether one AARQ rule holds, given whether it does (Green Book 9.3.2, 9.4.6). */
  readonly checkAarq?: (check: AarqCheck, aarq: Aarq, passes: boolean) => boolean;
  /** The negotiated conformance block, given the proposal and the offer (Green Book 9.4.6.1). */
  readonly negotiateConformance?: (proposed: Conformance, offered: Conformance, negotiated: Conformance) => Conformance;
  /** Whether an RLRQ is answered with an RLRE (Green Book 9.3.3). */
  readonly onRlrq?: (answer: boolean) => boolean;
  /** An AARQ the server refuses (its AARE says so) opens the association all the same. */
  readonly openOnRefusal?: boolean;
  /** Serve GET before any association is established, in the first unauthenticated association's context. */
  readonly serveWithoutAssociation?: boolean;
  /** The object list (Association LN attribute 2) the current association sees. */
  readonly transformObjectList?: (entries: readonly ObjectListEntry[]) => readonly ObjectListEntry[];
  /** The result of reading one attribute. */
  readonly onGet?: (address: AttributeAddress, result: AttributeResult) => AttributeResult;
  /** The selective access the server acts on, given the one the GET carried (undefined: read it whole). */
  readonly transformSelection?: (address: AttributeAddress, selection: Selection | undefined) => Selection | undefined;
  /** The invoke-id a GET response carries, given the request's (Green Book 9.4.6.3). */
  readonly responseInvokeId?: (requestInvokeId: number) => number;
  /** Whether a service is served, given whether the negotiated conformance grants it (Green Book 9.4.6.1). */
  readonly serveService?: (service: ConformanceBit, granted: boolean) => boolean;
  /** The largest APDU the server sends, given its own max PDU size and the client's max receive PDU size (Green Book 9.4.6.2). */
  readonly responsePduLimit?: (serverMax: number, clientMax: number) => number;
  /** The APDU size of the blocks a long GET is cut into, given the largest allowed (a legal variant chooses smaller). */
  readonly blockSize?: (largest: number) => number;
  /** Whether a SET the object accepted is kept (a faulty server answers success and forgets it). */
  readonly keepWrite?: (kept: boolean) => boolean;
  /** Whether a method is answered success without being run (a meter that ignores it), given whether it is. */
  readonly ignoreMethod?: (classId: number, method: number, ignored: boolean) => boolean;
  /** The method the server runs for an ACTION on `method` of a class (a meter that confuses its methods), given the one it would. */
  readonly redirectMethod?: (classId: number, method: number, runs: number) => number;
  /**
   * An ACTION on one method (after ignoreMethod and redirectMethod): the fault may refuse it before
   * it runs, or change what `run` answered; `call.read` reads an attribute of the same object as
   * the meter holds it (a meter whose state machine breaks one rule: image transfer).
   */
  readonly interceptMethod?: (call: MethodCall, run: () => MethodResult) => MethodResult;
  /** The script a threshold crossing of a monitor of class `classId` runs (undefined: none), given the one it should (Blue Book 4.5.6, 4.5.9; a Limiter's over is up). */
  readonly monitorAction?: (classId: number, crossed: Crossing, runs: Crossing | undefined) => Crossing | undefined;
  /** Whether a Limiter's emergency profile is active, given whether it should be (Blue Book 4.5.9). */
  readonly limiterEmergency?: (active: boolean) => boolean;
  /** How the monitors evaluate (a legal variant: only on value changes, or later). */
  readonly monitorReading?: (reading: MonitorReading) => MonitorReading;
  /**
   * The result of a method invoked by READ or WRITE of its short name (SN referencing, Green
   * Book 9.3), as it goes out: what transformResponse does to an action-response's result.
   */
  readonly onSnMethod?: (result: ActionResult) => ActionResult;
  /** The LN service response about to go out (GET/SET/ACTION/ACCESS), given its request. */
  readonly transformResponse?: (request: Apdu, response: Apdu) => Apdu;
  /**
   * The same response encoded, before any ciphering: a byte-level defect that must reach every
   * association, ciphered ones included (onApduOut sees ciphertext there).
   */
  readonly transformResponseBytes?: (request: Apdu, response: Uint8Array) => Uint8Array;
  /** The data-notification a push sends; undefined sends nothing (Blue Book 4.4.8). */
  readonly onPush?: (notification: DataNotification) => DataNotification | undefined;
  /** The event-notification-request a method's event sends; undefined sends nothing (Green Book 9.3.x EventNotification). */
  readonly onEvent?: (notification: EventNotificationRequest) => EventNotificationRequest | undefined;
  /** The security layer's decisions (HLS, ciphering, counters, policy): security-hooks.ts. */
  readonly security?: SecurityHooks;
  /** The AARE decision, seeing the AARQ (after onAarq): a refusal code chosen by what was proposed. */
  readonly refineAarq?: (aarq: Aarq, decision: AarqDecision) => AarqDecision;
  /**
   * Every response APDU as it leaves the application layer (after ciphering), given the request
   * and whether an association was open when it came; undefined sends nothing.
   */
  readonly onApduOut?: (request: Uint8Array, response: Uint8Array, associated: boolean) => Uint8Array | undefined;
  /** When the server closes the connection itself (the transport, e.g. TCP): after an RLRE, after the UA to a DISC. */
  readonly hangUp?: { readonly afterRelease?: boolean; readonly afterDisc?: boolean };
}

/** What interceptMethod sees of an ACTION. */
export interface MethodCall {
  readonly classId: number;
  readonly method: number;
  readonly parameters: Data | undefined;
  read(attribute: number): Data | undefined;
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

/**
 * Every hook, defaulting to the correct behaviour, with several faults applied in order: the
 * hooks of FaultHooks made required (the HDLC and security groups combined by their own modules,
 * the hang-up flags each decided), so a hook added to FaultHooks cannot be forgotten here.
 */
export type ActiveHooks = {
  readonly [K in keyof FaultHooks]-?: K extends 'hdlc'
    ? ActiveHdlcHooks
    : K extends 'security'
      ? ActiveSecurityHooks
      : K extends 'hangUp'
        ? Required<NonNullable<FaultHooks[K]>>
        : NonNullable<FaultHooks[K]>;
};

function chain<A extends unknown[], T>(faults: readonly Fault[], pick: (h: FaultHooks) => ((...args: [...A, T]) => T) | undefined): (...args: [...A, T]) => T {
  const fns = faults.map((f) => pick(f.hooks)).filter((f): f is (...args: [...A, T]) => T => f !== undefined);
  return (...args: [...A, T]) => {
    const lead = args.slice(0, -1) as unknown as A;
    let value = args[args.length - 1] as T;
    for (const fn of fns) value = fn(...lead, value);
    return value;
  };
}

/** Like chain, for a hook whose "nothing" (undefined) ends the chain. */
function chainOptional<T>(faults: readonly Fault[], pick: (h: FaultHooks) => ((value: T) => T | undefined) | undefined): (value: T) => T | undefined {
  const fns = faults.map((f) => pick(f.hooks)).filter((f): f is (value: T) => T | undefined => f !== undefined);
  return (value: T) => {
    let v: T | undefined = value;
    for (const fn of fns) if (v !== undefined) v = fn(v);
    return v;
  };
}

export function activeHooks(faults: readonly Fault[]): ActiveHooks {
  return {
    hdlc: activeHdlcHooks(faults.map((f) => f.hooks.hdlc)),
    acceptBadFcs: faults.some((f) => f.hooks.acceptBadFcs === true),
    checkPassword: chain<[], boolean>(faults, (h) => h.checkPassword),
    onAarq: chain<[], AarqDecision>(faults, (h) => h.onAarq),
    checkAarq: chain<[AarqCheck, Aarq], boolean>(faults, (h) => h.checkAarq),
    negotiateConformance: chain<[Conformance, Conformance], Conformance>(faults, (h) => h.negotiateConformance),
    onRlrq: chain<[], boolean>(faults, (h) => h.onRlrq),
    serveWithoutAssociation: faults.some((f) => f.hooks.serveWithoutAssociation === true),
    openOnRefusal: faults.some((f) => f.hooks.openOnRefusal === true),
    transformObjectList: chain<[], readonly ObjectListEntry[]>(faults, (h) => h.transformObjectList),
    onGet: chain<[AttributeAddress], AttributeResult>(faults, (h) => h.onGet),
    transformSelection: chain<[AttributeAddress], Selection | undefined>(faults, (h) => h.transformSelection),
    responseInvokeId: chain<[], number>(faults, (h) => h.responseInvokeId),
    serveService: chain<[ConformanceBit], boolean>(faults, (h) => h.serveService),
    responsePduLimit: chain<[number], number>(faults, (h) => h.responsePduLimit),
    blockSize: chain<[], number>(faults, (h) => h.blockSize),
    keepWrite: chain<[], boolean>(faults, (h) => h.keepWrite),
    ignoreMethod: chain<[number, number], boolean>(faults, (h) => h.ignoreMethod),
    redirectMethod: chain<[number, number], number>(faults, (h) => h.redirectMethod),
    interceptMethod: faults.reduce<NonNullable<FaultHooks['interceptMethod']>>(
      (outer, f) => {
        const hook = f.hooks.interceptMethod;
        return hook ? (call, run) => hook(call, () => outer(call, run)) : outer;
      },
      (_call, run) => run(),
    ),
    monitorAction: chain<[number, Crossing], Crossing | undefined>(faults, (h) => h.monitorAction),
    monitorReading: chain<[], MonitorReading>(faults, (h) => h.monitorReading),
    limiterEmergency: chain<[], boolean>(faults, (h) => h.limiterEmergency),
    onSnMethod: chain<[], ActionResult>(faults, (h) => h.onSnMethod),
    transformResponse: chain<[Apdu], Apdu>(faults, (h) => h.transformResponse),
    transformResponseBytes: chain<[Apdu], Uint8Array>(faults, (h) => h.transformResponseBytes),
    onPush: chainOptional(faults, (h) => h.onPush),
    onEvent: chainOptional(faults, (h) => h.onEvent),
    security: activeSecurityHooks(faults.map((f) => f.hooks.security)),
    refineAarq: chain<[Aarq], AarqDecision>(faults, (h) => h.refineAarq),
    onApduOut: (request, response, associated) => {
      let out: Uint8Array | undefined = response;
      for (const f of faults) if (out !== undefined && f.hooks.onApduOut) out = f.hooks.onApduOut(request, out, associated);
      return out;
    },
    hangUp: {
      afterRelease: faults.some((f) => f.hooks.hangUp?.afterRelease === true),
      afterDisc: faults.some((f) => f.hooks.hangUp?.afterDisc === true),
    },
  };
}

export const NO_FAULTS: ActiveHooks = activeHooks([]);
