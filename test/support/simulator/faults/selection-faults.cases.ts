/**
 * The behaviour cases of the selective-access edge faults (issue 10 item 6), for faults.test.ts:
 * what the clean meter selects, then what the faulty one selects instead, and that a neighbouring
 * selection did not change. They drive the GET pipeline of the server (readSelected, then the
 * onGet hook) on the default meter's load profile, without a link.
 */
import { expect } from 'chai';
import type { Data } from '../../../../dlms/axdr/data';
import { parseObis } from '../../../../dlms/cosem/obis';
import { type CaptureObjectDefinition, entryDescriptorToData, rangeDescriptorToData } from '../../../../dlms/cosem/selective-access';
import type { SelectiveAccessDescriptor } from '../../../../dlms/xdlms/descriptors';
import { faultsNamed } from '../../../../simulator/faults';
import { activeHooks } from '../../../../simulator/faults/types';
import type { AttributeResult } from '../../../../simulator/objects/types';
import { readSelected } from '../../../../simulator/server/get-service';
import { contextFor } from '../testing';

const PROFILE = '1-0:99.1.0.255';
const CLOCK: CaptureObjectDefinition = { classId: 8, logicalName: parseObis('0-0:1.0.0.255'), attributeIndex: 2, dataIndex: 0 };
const ENERGY: CaptureObjectDefinition = { classId: 3, logicalName: parseObis('1-0:1.8.0.255'), attributeIndex: 2, dataIndex: 0 };

function rows(faults: readonly string[], access?: SelectiveAccessDescriptor): readonly Data[] {
  const hooks = activeHooks(faultsNamed(faults));
  const address = { classId: 7, logicalName: parseObis(PROFILE), attribute: 2 };
  const r: AttributeResult = hooks.onGet(address, readSelected(address, access, contextFor('public'), hooks));
  if (r.kind !== 'data' || r.data.type !== 'array') throw new Error(`expected an array, got ${r.kind === 'error' ? r.result : r.data.type}`);
  return r.data.items;
}

const cell = (row: Data | undefined, i: number): Data => (row?.type === 'structure' ? row.items[i]! : { type: 'null-data' });

function range(column: CaptureObjectDefinition, fromValue: Data, toValue: Data): SelectiveAccessDescriptor {
  return { accessSelector: 1, accessParameters: rangeDescriptorToData({ restrictingObject: column, fromValue, toValue, selectedValues: [] }) };
}

function entries(fromEntry: number, toEntry: number, fromSelectedValue = 1, toSelectedValue = 0): SelectiveAccessDescriptor {
  return { accessSelector: 2, accessParameters: entryDescriptorToData({ fromEntry, toEntry, fromSelectedValue, toSelectedValue }) };
}

/** Row i's time moved by one second (the octet of seconds, within the minute of a 15-minute instant). */
function plusSecond(d: Data): Data {
  if (d.type !== 'octet-string') throw new Error('expected a date-time');
  const value = Uint8Array.from(d.value);
  value[7] = value[7]! + 1;
  return { type: 'octet-string', value };
}

const both = (fault: string, access: SelectiveAccessDescriptor) => [rows([], access), rows([fault], access)] as const;

export const SELECTION_FAULT_CASES: Readonly<Record<string, () => void>> = {
  'range-bounds-exclusive': () => {
    const all = rows([]);
    const [clean, faulty] = both('range-bounds-exclusive', range(CLOCK, cell(all[1], 0), cell(all[4], 0)));
    expect([clean.length, faulty.length]).to.deep.equal([4, 2]);
    expect(rows(['range-bounds-exclusive'], entries(2, 5))).to.deep.equal(all.slice(1, 5));
  },
  'range-restricting-object-ignored': () => {
    const all = rows([]);
    const [clean, faulty] = both('range-restricting-object-ignored', range(ENERGY, cell(all[1], 1), cell(all[4], 1)));
    expect([clean.length, faulty.length]).to.deep.equal([4, 0]);
    expect(rows(['range-restricting-object-ignored'], range(CLOCK, cell(all[1], 0), cell(all[4], 0)))).to.have.length(4);
  },
  'range-bounds-truncated': () => {
    const all = rows([]);
    const [clean, faulty] = both('range-bounds-truncated', range(CLOCK, plusSecond(cell(all[1], 0)), cell(all[4], 0)));
    expect([clean.length, faulty.length]).to.deep.equal([3, 4]);
  },
  'selection-bounds-swapped': () => {
    const all = rows([]);
    const [cleanRange, faultyRange] = both('selection-bounds-swapped', range(CLOCK, cell(all[4], 0), cell(all[1], 0)));
    const [cleanEntries, faultyEntries] = both('selection-bounds-swapped', entries(5, 2));
    expect([cleanRange.length, faultyRange.length, cleanEntries.length, faultyEntries.length]).to.deep.equal([0, 4, 0, 4]);
    expect(rows(['selection-bounds-swapped'], entries(2, 5))).to.deep.equal(all.slice(1, 5));
  },
  'entry-to-last-ignored': () => {
    const [clean, faulty] = both('entry-to-last-ignored', entries(2, 0));
    expect([clean.length, faulty.length]).to.deep.equal([95, 0]);
    expect(rows(['entry-to-last-ignored'], entries(1, 0))).to.have.length(96);
  },
  'entry-selection-padded': () => {
    const [clean, faulty] = both('entry-selection-padded', entries(97, 99));
    expect([clean.length, faulty.length]).to.deep.equal([0, 3]);
    const [cleanColumns, faultyColumns] = both('entry-selection-padded', entries(2, 3, 4, 4));
    expect([cleanColumns[0], faultyColumns[0]]).to.deep.equal([
      { type: 'structure', items: [] },
      { type: 'structure', items: [{ type: 'null-data' }] },
    ]);
    expect(rows(['entry-selection-padded'], entries(2, 5))).to.deep.equal(rows([], entries(2, 5)));
  },
};
