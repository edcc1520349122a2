/**
 * The shape most class-rule faults share: one attribute of one class reads otherwise than the
 * object holds. `alter` receives the value the correct server would send and returns the faulty
 * one (undefined: leave it). Not a fault itself (index.ts names this file among its helpers).
 */
import type { Data } from '../../dlms/axdr/data';
import type { FaultHooks } from './types';

export function alterAttribute(classId: number, attribute: number, alter: (value: Data) => Data | undefined): FaultHooks {
  return {
    onGet: (address, r) => {
      if (address.classId !== classId || address.attribute !== attribute || r.kind !== 'data') return r;
      const changed = alter(r.data);
      return changed ? { kind: 'data', data: changed } : r;
    },
  };
}

/** The elements of an array or structure (none for another value). */
export function items(d: Data | undefined): readonly Data[] {
  return d?.type === 'array' || d?.type === 'structure' ? d.items : [];
}

/** `d` with element `i` replaced (an array or structure; another value is returned unchanged). */
export function withItem(d: Data, i: number, value: Data): Data {
  if (d.type !== 'array' && d.type !== 'structure') return d;
  return { ...d, items: d.items.map((x, j) => (j === i ? value : x)) };
}

export const obisValue = (...bytes: number[]): Data => ({ type: 'octet-string', value: Uint8Array.from(bytes) });

/** A Schedule entry (Blue Book 4.5.3) at `index` switching at `hour`:00 every weekday, for faults that need one. */
export function scheduleEntry(index: number, hour: number): Data {
  return {
    type: 'structure',
    items: [
      { type: 'long-unsigned', value: index },
      { type: 'boolean', value: true },
      obisValue(0, 0, 10, 0, 100, 255),
      { type: 'long-unsigned', value: 1 },
      { type: 'octet-string', value: Uint8Array.from([hour, 0, 0, 0]) },
      { type: 'long-unsigned', value: 0xffff },
      { type: 'bit-string', length: 7, bytes: Uint8Array.from([0xfe]) },
      { type: 'bit-string', length: 0, bytes: new Uint8Array(0) },
      { type: 'octet-string', value: Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff]) },
      { type: 'octet-string', value: Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff]) },
    ],
  };
}
