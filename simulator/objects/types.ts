/**
 * The simulator's object model: one behaviour per interface class (one file each in this
 * folder), each reading its own keys of a meter-definition entry and answering attribute reads
 * as a pure function of a ServeContext (time is passed in, never read from a clock).
 */
import type { Data } from '../../dlms/axdr/data';
import type { Conformance } from '../../dlms/xdlms/conformance';
import type { AssociationDefinition, MeterDefinition } from '../meter/definition';
import type { Cursor } from '../../config/yaml-cursor';

/**
 * Attribute access_mode, Blue Book 4.4.3 (Association LN object_list access rights), with the
 * enum value the object list carries.
 */
export const ACCESS_MODE = {
  'no-access': 0,
  'read-only': 1,
  'write-only': 2,
  'read-and-write': 3,
} as const;
export type AccessMode = keyof typeof ACCESS_MODE;

export interface AttributeSpec {
  readonly id: number;
  readonly name: string;
  /** The most any association may be granted (the secret is never readable). */
  readonly max: AccessMode;
  /** Access selectors the attribute serves (Blue Book 4.4.3 access_selectors; Profile generic buffer: 1, 2). */
  readonly selectors?: readonly number[];
}

/**
 * Data-access-result names (Green Book 9.5, Data-Access-Result), spelled as the standard spells
 * them; the server maps them to the xDLMS enum.
 */
export type AccessResultName =
  | 'hardware-fault'
  | 'temporary-failure'
  | 'read-write-denied'
  | 'object-undefined'
  | 'object-class-inconsistent'
  | 'object-unavailable'
  | 'type-unmatched'
  | 'scope-of-access-violated'
  | 'data-block-unavailable'
  | 'long-get-aborted'
  | 'no-long-get-in-progress'
  | 'other-reason';

export type AttributeResult = { readonly kind: 'data'; readonly data: Data } | { readonly kind: 'error'; readonly result: AccessResultName };

/** The association a request is served in, as negotiated (Green Book 9.3.2). */
export interface AssociationView {
  readonly definition: AssociationDefinition;
  /** Negotiated conformance: the client's proposal ∩ the server's offer. */
  readonly conformance: Conformance;
  readonly clientMaxReceivePduSize: number;
  readonly dlmsVersion: number;
}

/** One object_list element (Blue Book 4.4.3 object_list_element) before it is encoded. */
export interface ObjectListEntry {
  readonly classId: number;
  readonly version: number;
  readonly logicalName: Uint8Array;
  readonly attributeAccess: readonly { readonly id: number; readonly mode: AccessMode; readonly selectors?: readonly number[] }[];
  readonly methodCount: number;
}

/**
 * A selective access as a GET carries it (Green Book 9.3.6 Selective-Access-Descriptor): the
 * selector and its parameters, still undecoded: what they mean is the class's business.
 */
export interface Selection {
  readonly selector: number;
  readonly parameters: Data;
}

export interface ServeContext {
  /** Milliseconds since the Unix epoch, from the simulator's `now()`. */
  readonly now: number;
  /** When the simulator started: living values (energy) grow from here. */
  readonly startedAt: number;
  readonly meter: MeterDefinition;
  readonly association: AssociationView;
  /** The object list as this association sees it (faults may have altered it). */
  readonly objectList: () => readonly ObjectListEntry[];
}

/**
 * Action-Result names (Green Book 9.5, Action-Result) a method may end with, spelled as the
 * standard spells them.
 */
export type MethodResultName = Exclude<AccessResultName, 'long-get-aborted' | 'no-long-get-in-progress'> | 'long-action-aborted' | 'no-long-action-in-progress';

/** What SET of one attribute did (Green Book 9.3.7): success, or the data-access-result. */
export type WriteResult = { readonly kind: 'success' } | { readonly kind: 'error'; readonly result: AccessResultName };

/**
 * What ACTION on one method did (Green Book 9.3.8): success with optional return data, or the
 * action-result. `notify` is a data-notification body the method pushes (Push setup, Blue Book
 * 4.4.8): the server sends it after the response, the method itself does no IO.
 */
export type MethodResult =
  | {
      readonly kind: 'success';
      readonly returnData?: Data;
      readonly notify?: Data;
      /** An attribute of this object whose new value the server reports in an event-notification-request (Green Book 9.3.x), sent after the response. */
      readonly event?: { readonly attribute: number; readonly value: Data };
    }
  | { readonly kind: 'error'; readonly result: MethodResultName };

/**
 * What a class behaviour makes of one object entry: its attribute reader, and for classes that
 * have them, a writer and methods. A behaviour without `write` refuses every SET
 * (read-write-denied); one without `invoke` knows no method (object-undefined).
 */
export interface ObjectBehaviour {
  /** `selection` only ever carries a selector the attribute declares (the store refuses others). */
  read(attribute: number, ctx: ServeContext, selection?: Selection): AttributeResult;
  write?(attribute: number, value: Data, ctx: ServeContext): WriteResult;
  invoke?(method: number, parameters: Data | undefined, ctx: ServeContext): MethodResult;
  /**
   * Runs before and after every request the meter serves: a monitor (Register monitor, Blue Book
   * 4.5.6) compares its monitored value with its thresholds after it, and runs the scripts of the
   * crossings; before it, it only learns where the value stands, the first time.
   */
  tick?(ctx: ServeContext, hooks: MonitorHooks, phase: 'before' | 'after'): void;
}

/** A threshold crossing's direction (Blue Book 4.5.6 action_up / action_down). */
export type Crossing = 'up' | 'down';

/** How a meter's monitors evaluate (a legal variant may change it). */
export interface MonitorReading {
  /** Only a change of the monitored value is a crossing; a threshold written across the value is not. */
  readonly valueChangeOnly: boolean;
  /** Requests served after the one that made a crossing before its script runs (an asynchronous meter). */
  readonly laterBy: number;
}

/** What the faults and variants make of a monitor's evaluation (simulator/faults/types.ts monitorAction, monitorReading). */
export interface MonitorHooks extends MonitorReading {
  /** The script a crossing of a monitor of class `classId` runs (undefined: none), given the one it should (a Limiter's over is up). */
  action(classId: number, crossed: Crossing, runs: Crossing | undefined): Crossing | undefined;
  /** Whether a Limiter's emergency profile is active, given whether it should be (Blue Book 4.5.9); absent: as it should. */
  emergency?(active: boolean): boolean;
}

export interface ClassBehaviour {
  /** The YAML spelling of `class:` (`register`). */
  readonly name: string;
  readonly classId: number;
  readonly version: number;
  readonly attributes: readonly AttributeSpec[];
  readonly methodCount: number;
  /** Keys this class reads from an object entry, besides the common ones. */
  readonly keys: readonly string[];
  /** Validates the entry's class-specific keys (errors carry file:line:col) and builds the reader. */
  build(entry: Cursor): ObjectBehaviour;
}

/** A shorthand for results. */
export const ok = (data: Data): AttributeResult => ({ kind: 'data', data });
export const refused = (result: AccessResultName): AttributeResult => ({ kind: 'error', result });
export const written: WriteResult = { kind: 'success' };
export const writeRefused = (result: AccessResultName): WriteResult => ({ kind: 'error', result });
export const methodRefused = (result: MethodResultName): MethodResult => ({ kind: 'error', result });
