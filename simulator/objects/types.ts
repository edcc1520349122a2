/**
 * The simulator's object model: one behaviour per interface class (one file each in this
 * folder), each reading its own keys of a meter-definition entry and answering attribute reads
 * as a pure function of a ServeContext (time is passed in, never read from a clock).
 */
import type { Data } from '../../dlms/axdr/data';
import type { Conformance } from '../../dlms/xdlms/conformance';
import type { AssociationDefinition, MeterDefinition } from '../meter/definition';
import type { Cursor } from '../meter/yaml-cursor';

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

export type AttributeResult =
  | { readonly kind: 'data'; readonly data: Data }
  | { readonly kind: 'error'; readonly result: AccessResultName };

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
  readonly attributeAccess: readonly { readonly id: number; readonly mode: AccessMode }[];
  readonly methodCount: number;
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

/** What a class behaviour makes of one object entry: its attribute reader. */
export interface ObjectBehaviour {
  read(attribute: number, ctx: ServeContext): AttributeResult;
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
