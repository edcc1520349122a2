/**
 * Targets a services case finds on the DUT (issue 10 item 5, docs/decisions/discovered-targets.md):
 * the services cases judge a service, not an object, so each takes whatever object of the
 * meter's object list can carry the service — a writable attribute of a simple type, an attribute
 * readable but not writable, a long attribute, a method with access — instead of the reference
 * meter's own test objects. What can be decided without the wire lives here; with-target.ts reads.
 */
import type { Data } from '../../dlms/axdr/data';
import { classById } from '../../dlms/cosem/catalogue/catalogue';
import { type ClassFilter, type CosemObject, matchesClass, readAccess } from '../classes/object-list';
import { WALK_SKIPS_WRITE, writeAccess } from './object-walk-rules';

export const TARGET_KINDS = ['writable', 'read-only', 'long', 'method', 'undefined-method'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface TargetQuery {
  readonly kind: TargetKind;
  /** Only objects of these classes. */
  readonly class?: ClassFilter;
  /** `long`, `writable`: the encoded value is at least this many bytes. */
  readonly minLength?: number;
  /** `method`: the object grants access to every one of these methods. */
  readonly methods?: readonly number[];
}

export interface AttributeCandidate {
  readonly object: CosemObject;
  readonly attribute: number;
}

/** What a kind means, in words, without an article: "the object list holds no …". */
export function describeQuery(q: TargetQuery): string {
  const length = q.minLength === undefined ? '' : ` of at least ${q.minLength} bytes`;
  switch (q.kind) {
    case 'writable':
      return `attribute with plain read and write access, of a simple type${q.minLength === undefined ? ' (at most 64 bytes)' : length}, whose value holds still`;
    case 'read-only':
      return 'attribute other than logical_name with plain read access and no write access';
    case 'long':
      return `readable attribute${length} whose value holds still (the association objects and profile buffers aside)`;
    case 'method':
      return `object granting access to method${(q.methods ?? []).length > 1 ? 's' : ''} ${(q.methods ?? []).join(', ')}`;
    case 'undefined-method':
      return 'object of a class version the catalogue knows (to name a method index its class does not define)';
    default: {
      const never: never = q.kind;
      return never;
    }
  }
}

/**
 * Classes whose values are measurements, buffers or the association itself: never written to
 * find a target, even with write access (a SET of another value would falsify a reading).
 */
const NOT_A_WRITE_TARGET = new Set([3, 4, 5, 7, 8, 12, 15, 18, 26, 61, 64]);
/**
 * The meter's identity (Blue Book 7.4.x: logical device name 0-0:42.0.0.255, device ids
 * 0-0:96.1.x.255, firmware identifiers and signatures x-0:0.2.x.255) is never changed to find a
 * target, even for a moment.
 */
const IDENTITY = /^(0-0:(42\.0\.0|96\.1\.\d+)|\d+-0:0\.2\.\d+)\.255$/;

/** Read in full to find a long attribute would cost too much (buffers) or is another case's subject (object lists). */
const NOT_A_LONG_TARGET = new Set([7, 12, 15]);

/** Data objects first (attribute 2, a setting), then the others in object-list order. */
function preferData(a: AttributeCandidate, b: AttributeCandidate): number {
  const rank = (c: AttributeCandidate) => (c.object.classId === 1 && c.attribute === 2 ? 0 : 1);
  return rank(a) - rank(b);
}

/** The attributes a query may use, before any value is read, in the order they are tried. */
export function attributeCandidates(objects: readonly CosemObject[], listVersion: number, q: TargetQuery): AttributeCandidate[] {
  const out: AttributeCandidate[] = [];
  for (const object of objects) {
    if (!matchesClass(q.class, object.classId)) continue;
    for (const a of object.attributes) {
      if (a.id === 1 || readAccess(listVersion, a.mode) !== 'plain') continue;
      const write = writeAccess(listVersion, a.mode);
      if (
        q.kind === 'writable' &&
        (write !== 'plain' || NOT_A_WRITE_TARGET.has(object.classId) || IDENTITY.test(object.obis) || WALK_SKIPS_WRITE(object.classId, a.id))
      )
        continue;
      if (q.kind === 'read-only' && write !== 'none') continue;
      if (q.kind === 'long' && NOT_A_LONG_TARGET.has(object.classId)) continue;
      out.push({ object, attribute: a.id });
    }
  }
  return out.sort(preferData);
}

/** Blue Book 4.4.3 method access_mode: 1 (access; bit 0 in version 3) without protection. */
export function methodAccessible(listVersion: number, mode: number): boolean {
  return listVersion >= 3 ? mode === 0x01 : mode === 1;
}

/** The first object granting plain access to every method the query names. */
export function methodTarget(objects: readonly CosemObject[], listVersion: number, q: TargetQuery): CosemObject | undefined {
  return objects.find(
    (o) => matchesClass(q.class, o.classId) && (q.methods ?? []).every((m) => o.methods?.some((x) => x.id === m && methodAccessible(listVersion, x.mode))),
  );
}

/**
 * An object whose class version the catalogue knows, with the first method index past those it
 * defines (and past those the object list shows): the association objects aside, whose methods
 * touch the association itself.
 */
export function undefinedMethodTarget(objects: readonly CosemObject[], q: TargetQuery): { readonly object: CosemObject; readonly method: number } | undefined {
  for (const object of objects) {
    if (!matchesClass(q.class, object.classId) || object.classId === 12 || object.classId === 15) continue;
    const def = classById(object.classId, object.version);
    if (!def) continue;
    const method = Math.max(0, ...def.methods.map((m) => m.index), ...(object.methods ?? []).map((m) => m.id)) + 1;
    if (method <= 127) return { object, method };
  }
  return undefined;
}

const INTEGER_RANGE: Readonly<Partial<Record<Data['type'], readonly [number, number]>>> = {
  integer: [-128, 127],
  unsigned: [0, 255],
  long: [-32768, 32767],
  'long-unsigned': [0, 65535],
  'double-long': [-2147483648, 2147483647],
  'double-long-unsigned': [0, 4294967295],
};

/** The neighbour of n inside [min, max]: n + 1, or n - 1 at the top. */
function neighbour(n: number, [min, max]: readonly [number, number]): number {
  return n < max ? n + 1 : Math.max(min, n - 1);
}

/**
 * A value of the same Data type and size as `held` but different from it, the smallest change
 * that shows whether a SET was stored: an integer one step away, the other boolean, the last
 * octet or character changed. Undefined for types where any other value may mean something else
 * (enum, date-time, structures): those are not targets.
 */
export function otherValue(held: Data): Data | undefined {
  const range = INTEGER_RANGE[held.type];
  if (range && 'value' in held && typeof held.value === 'number') return { ...held, value: neighbour(held.value, range) } as Data;
  switch (held.type) {
    case 'long64':
      return { type: 'long64', value: held.value + 1n };
    case 'long64-unsigned':
      return { type: 'long64-unsigned', value: held.value + 1n };
    case 'boolean':
      return { type: 'boolean', value: !held.value };
    case 'octet-string': {
      if (held.value.length === 0) return undefined;
      const value = Uint8Array.from(held.value);
      value[value.length - 1] = (value[value.length - 1]! ^ 0x01) & 0xff;
      return { type: 'octet-string', value };
    }
    case 'visible-string': {
      if (held.value.length === 0) return undefined;
      const last = held.value.at(-1) === '0' ? '1' : '0';
      return { type: 'visible-string', value: held.value.slice(0, -1) + last };
    }
    default:
      return undefined;
  }
}
