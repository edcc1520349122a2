/**
 * Selective access to a Profile generic buffer (Blue Book 4.3.6, attribute 2 "buffer"):
 *
 *   selector 1, range_descriptor ::= structure {
 *     restricting_object  capture_object_definition,
 *     from_value          CHOICE (any simple type; a date-time octet-string for a clock column),
 *     to_value            CHOICE,
 *     selected_values     array capture_object_definition   -- empty: every column }
 *
 *   selector 2, entry_descriptor ::= structure {
 *     from_entry          double-long-unsigned,   -- first entry is 1
 *     to_entry            double-long-unsigned,   -- 0: the highest possible
 *     from_selected_value long-unsigned,          -- first column is 1
 *     to_selected_value   long-unsigned }         -- 0: the highest possible
 *
 *   capture_object_definition ::= structure {
 *     class_id long-unsigned, logical_name octet-string, attribute_index integer, data_index long-unsigned }
 *
 * Plain types plus converters to and from Data. Converting a received value reports the first
 * misfit as a DecodeError; when the value was decoded with `offsets` (decodeData's option) the
 * error carries the misfit's byte offset, and `expected` always names its path.
 */
import { DecodeError } from '../bytes';
import type { Data } from '../axdr/data';
import { formatData } from '../axdr/format';
import { OBIS_LENGTH, type Obis } from './obis';

/** Blue Book 4.3.6: access selectors of Profile generic attribute 2. */
export const ACCESS_SELECTOR = { range: 1, entry: 2 } as const;

export interface CaptureObjectDefinition {
  readonly classId: number;
  readonly logicalName: Obis;
  readonly attributeIndex: number;
  /** 0: the whole attribute; n: its n-th element. */
  readonly dataIndex: number;
}

export interface RangeDescriptor {
  readonly restrictingObject: CaptureObjectDefinition;
  readonly fromValue: Data;
  readonly toValue: Data;
  readonly selectedValues: readonly CaptureObjectDefinition[];
}

export interface EntryDescriptor {
  readonly fromEntry: number;
  readonly toEntry: number;
  readonly fromSelectedValue: number;
  readonly toSelectedValue: number;
}

export type AccessSelection =
  | { readonly selector: typeof ACCESS_SELECTOR.range; readonly range: RangeDescriptor }
  | { readonly selector: typeof ACCESS_SELECTOR.entry; readonly entry: EntryDescriptor };

export function captureObjectToData(c: CaptureObjectDefinition): Data {
  return {
    type: 'structure',
    items: [
      { type: 'long-unsigned', value: c.classId },
      { type: 'octet-string', value: c.logicalName },
      { type: 'integer', value: c.attributeIndex },
      { type: 'long-unsigned', value: c.dataIndex },
    ],
  };
}

export function rangeDescriptorToData(r: RangeDescriptor): Data {
  return {
    type: 'structure',
    items: [captureObjectToData(r.restrictingObject), r.fromValue, r.toValue, { type: 'array', items: r.selectedValues.map(captureObjectToData) }],
  };
}

export function entryDescriptorToData(e: EntryDescriptor): Data {
  return {
    type: 'structure',
    items: [
      { type: 'double-long-unsigned', value: e.fromEntry },
      { type: 'double-long-unsigned', value: e.toEntry },
      { type: 'long-unsigned', value: e.fromSelectedValue },
      { type: 'long-unsigned', value: e.toSelectedValue },
    ],
  };
}

/** The `{ selector, parameters }` pair a GET carries (client/api.ts AttributeRef.selector). */
export function accessSelectionToData(s: AccessSelection): { readonly selector: number; readonly parameters: Data } {
  return s.selector === ACCESS_SELECTOR.range
    ? { selector: s.selector, parameters: rangeDescriptorToData(s.range) }
    : { selector: s.selector, parameters: entryDescriptorToData(s.entry) };
}

type Offsets = WeakMap<Data, number> | undefined;

class Locator {
  constructor(
    readonly offsets: Offsets,
    readonly base: number,
  ) {}

  fail(node: Data, code: string, path: string, expected: string): never {
    throw new DecodeError(code, this.offsets?.get(node) ?? this.base, `${expected} at ${path}`, formatData(node, { maxItems: 4 }));
  }

  items(node: Data, type: 'structure' | 'array', path: string, count?: number): readonly Data[] {
    if (node.type !== type || (count !== undefined && node.items.length !== count)) {
      this.fail(node, 'SELECTIVE_ACCESS_BAD_SHAPE', path, count === undefined ? `an ${type}` : `a ${type} of ${count} elements`);
    }
    return node.items;
  }

  num(node: Data, type: 'long-unsigned' | 'double-long-unsigned' | 'integer', path: string): number {
    // A comparison with a variable does not narrow the union, hence the cast after the check.
    if (node.type !== type) this.fail(node, 'SELECTIVE_ACCESS_BAD_TYPE', path, type);
    return (node as { readonly value: number }).value;
  }

  obis(node: Data, path: string): Obis {
    if (node.type !== 'octet-string') this.fail(node, 'SELECTIVE_ACCESS_BAD_TYPE', path, 'octet-string');
    if (node.value.length !== OBIS_LENGTH) this.fail(node, 'SELECTIVE_ACCESS_BAD_OBIS', path, 'an octet-string of 6 bytes');
    return node.value.slice() as Obis;
  }
}

function captureObject(l: Locator, node: Data, path: string): CaptureObjectDefinition {
  const [classId, logicalName, attributeIndex, dataIndex] = l.items(node, 'structure', path, 4) as [Data, Data, Data, Data];
  return {
    classId: l.num(classId, 'long-unsigned', `${path}.class_id`),
    logicalName: l.obis(logicalName, `${path}.logical_name`),
    attributeIndex: l.num(attributeIndex, 'integer', `${path}.attribute_index`),
    dataIndex: l.num(dataIndex, 'long-unsigned', `${path}.data_index`),
  };
}

/** Reads a range_descriptor; `offsets` from decodeData locate errors, else they sit at `base`. */
export function rangeDescriptorFromData(data: Data, offsets?: WeakMap<Data, number>, base = 0): RangeDescriptor {
  const l = new Locator(offsets, base);
  const [restricting, fromValue, toValue, selected] = l.items(data, 'structure', 'range_descriptor', 4) as [Data, Data, Data, Data];
  return {
    restrictingObject: captureObject(l, restricting, 'range_descriptor.restricting_object'),
    fromValue,
    toValue,
    selectedValues: l.items(selected, 'array', 'range_descriptor.selected_values').map((c, i) => captureObject(l, c, `range_descriptor.selected_values[${i}]`)),
  };
}

export function entryDescriptorFromData(data: Data, offsets?: WeakMap<Data, number>, base = 0): EntryDescriptor {
  const l = new Locator(offsets, base);
  const [fromEntry, toEntry, fromSel, toSel] = l.items(data, 'structure', 'entry_descriptor', 4) as [Data, Data, Data, Data];
  return {
    fromEntry: l.num(fromEntry, 'double-long-unsigned', 'entry_descriptor.from_entry'),
    toEntry: l.num(toEntry, 'double-long-unsigned', 'entry_descriptor.to_entry'),
    fromSelectedValue: l.num(fromSel, 'long-unsigned', 'entry_descriptor.from_selected_value'),
    toSelectedValue: l.num(toSel, 'long-unsigned', 'entry_descriptor.to_selected_value'),
  };
}

/** Reads the parameters of a selective access by its selector; an unknown selector is SELECTIVE_ACCESS_BAD_SELECTOR. */
export function accessSelectionFromData(selector: number, parameters: Data, offsets?: WeakMap<Data, number>, base = 0): AccessSelection {
  switch (selector) {
    case ACCESS_SELECTOR.range:
      return { selector, range: rangeDescriptorFromData(parameters, offsets, base) };
    case ACCESS_SELECTOR.entry:
      return { selector, entry: entryDescriptorFromData(parameters, offsets, base) };
    default:
      throw new DecodeError('SELECTIVE_ACCESS_BAD_SELECTOR', base, 'access selector 1 (range) or 2 (entry)', String(selector));
  }
}
