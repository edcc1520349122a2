/**
 * The behaviour cases of the interface-class and selective-access faults, for faults.test.ts:
 * what the clean meter reads, then what the faulty one reads instead, and that a neighbouring
 * attribute did not change. They drive the GET pipeline of the server (readSelected, then the
 * onGet hook) on the default meter, without a link.
 */
import { expect } from 'chai';
import type { Data } from '../../../../dlms/axdr/data';
import { parseObis } from '../../../../dlms/cosem/obis';
import { entryDescriptorToData, rangeDescriptorToData } from '../../../../dlms/cosem/selective-access';
import type { SelectiveAccessDescriptor } from '../../../../dlms/xdlms/descriptors';
import { readSelected } from '../../../../simulator/server/get-service';
import { contextFor } from '../testing';
import type { AttributeResult } from '../../../../simulator/objects/types';
import { activeHooks } from '../../../../simulator/faults/types';
import { faultsNamed } from '../../../../simulator/faults';

const PROFILE = '1-0:99.1.0.255';
const CLOCK_COLUMN = { classId: 8, logicalName: parseObis('0-0:1.0.0.255'), attributeIndex: 2, dataIndex: 0 };

function read(
  faults: readonly string[],
  classId: number,
  obis: string,
  attribute: number,
  access?: SelectiveAccessDescriptor,
  association = 'public',
): AttributeResult {
  const hooks = activeHooks(faultsNamed(faults));
  const address = { classId, logicalName: parseObis(obis), attribute };
  return hooks.onGet(address, readSelected(address, access, contextFor(association), hooks));
}

function data(r: AttributeResult): Data {
  if (r.kind !== 'data') throw new Error(`expected data, got ${r.result}`);
  return r.data;
}

function items(d: Data | undefined): readonly Data[] {
  if (d?.type !== 'array' && d?.type !== 'structure') throw new Error(`expected an array or structure, got ${d?.type}`);
  return d.items;
}

/** Both reads, clean and faulty, of the same attribute. */
function both(fault: string, classId: number, obis: string, attribute: number, access?: SelectiveAccessDescriptor): [AttributeResult, AttributeResult] {
  return [read([], classId, obis, attribute, access), read([fault], classId, obis, attribute, access)];
}

const entries = (fromEntry: number, toEntry: number): SelectiveAccessDescriptor => ({
  accessSelector: 2,
  accessParameters: entryDescriptorToData({ fromEntry, toEntry, fromSelectedValue: 1, toSelectedValue: 0 }),
});

function range(selectedValues: (typeof CLOCK_COLUMN)[]): SelectiveAccessDescriptor {
  const rows = items(data(read([], 7, PROFILE, 2)));
  const time = (i: number) => items(rows[i])[0]!;
  return {
    accessSelector: 1,
    accessParameters: rangeDescriptorToData({ restrictingObject: CLOCK_COLUMN, fromValue: time(1), toValue: time(2), selectedValues }),
  };
}

export const CLASS_FAULT_CASES: Readonly<Record<string, () => void>> = {
  'register-unit-unknown': () => {
    const [clean, faulty] = both('register-unit-unknown', 3, '1-0:1.8.0.255', 3);
    expect(items(data(clean))[1]).to.deep.equal({ type: 'enum', value: 30 });
    expect(items(data(faulty))).to.deep.equal([
      { type: 'integer', value: 0 },
      { type: 'enum', value: 0 },
    ]);
    expect(read(['register-unit-unknown'], 3, '1-0:1.8.0.255', 2)).to.deep.equal(read([], 3, '1-0:1.8.0.255', 2));
  },
  'clock-invalid-date-time': () => {
    const [clean, faulty] = both('clock-invalid-date-time', 8, '0-0:1.0.0.255', 2);
    const c = data(clean);
    const f = data(faulty);
    if (c.type !== 'octet-string' || f.type !== 'octet-string') throw new Error('expected octet-strings');
    expect([c.value[2], f.value[2]]).to.deep.equal([11, 13]);
    expect(read(['clock-invalid-date-time'], 8, '0-0:1.0.0.255', 3)).to.deep.equal(read([], 8, '0-0:1.0.0.255', 3));
  },
  'hdlc-setup-window-out-of-range': () => {
    const [clean, faulty] = both('hdlc-setup-window-out-of-range', 23, '0-0:22.0.0.255', 3);
    expect([data(clean), data(faulty)]).to.deep.equal([
      { type: 'unsigned', value: 1 },
      { type: 'unsigned', value: 8 },
    ]);
    expect(read(['hdlc-setup-window-out-of-range'], 23, '0-0:22.0.0.255', 4)).to.deep.equal({ kind: 'data', data: { type: 'unsigned', value: 1 } });
  },
  'profile-row-length-mismatch': () => {
    const [clean, faulty] = both('profile-row-length-mismatch', 7, PROFILE, 2);
    expect([items(items(data(clean))[0]).length, items(items(data(faulty))[0]).length]).to.deep.equal([3, 2]);
    expect(items(data(read(['profile-row-length-mismatch'], 7, PROFILE, 3)))).to.have.length(3);
  },
  'profile-entries-in-use-exceeds': () => {
    const [clean, faulty] = both('profile-entries-in-use-exceeds', 7, PROFILE, 7);
    expect([data(clean), data(faulty)]).to.deep.equal([
      { type: 'double-long-unsigned', value: 96 },
      { type: 'double-long-unsigned', value: 97 },
    ]);
    expect(read(['profile-entries-in-use-exceeds'], 7, PROFILE, 8)).to.deep.equal(clean);
  },
  'range-selector-ignored': () => {
    const [clean, faulty] = both('range-selector-ignored', 7, PROFILE, 2, range([]));
    expect([items(data(clean)).length, items(data(faulty)).length]).to.deep.equal([2, 96]);
    const [byEntryClean, byEntryFaulty] = both('range-selector-ignored', 7, PROFILE, 2, entries(1, 2));
    expect(byEntryFaulty).to.deep.equal(byEntryClean);
  },
  'entry-selector-off-by-one': () => {
    const all = items(data(read([], 7, PROFILE, 2)));
    const [clean, faulty] = both('entry-selector-off-by-one', 7, PROFILE, 2, entries(2, 3));
    expect(items(data(clean))).to.deep.equal(all.slice(1, 3));
    expect(items(data(faulty))).to.deep.equal(all.slice(2, 4));
    expect(items(data(read(['entry-selector-off-by-one'], 7, PROFILE, 2, entries(95, 0))))).to.deep.equal(all.slice(95));
  },
  'selected-values-ignored': () => {
    const [clean, faulty] = both('selected-values-ignored', 7, PROFILE, 2, range([CLOCK_COLUMN]));
    expect([items(items(data(clean))[0]).length, items(items(data(faulty))[0]).length]).to.deep.equal([1, 3]);
  },
  'invalid-selector-accepted': () => {
    const odd: SelectiveAccessDescriptor = { accessSelector: 9, accessParameters: { type: 'null-data' } };
    const [clean, faulty] = both('invalid-selector-accepted', 7, PROFILE, 2, odd);
    expect(clean).to.deep.equal({ kind: 'error', result: 'other-reason' });
    expect(items(data(faulty))).to.have.length(96);
  },
  'access-rights-wrong': () => {
    const [clean, faulty] = both('access-rights-wrong', 1, '0-0:96.1.0.255', 2);
    expect(clean.kind).to.equal('data');
    expect(faulty).to.deep.equal({ kind: 'error', result: 'read-write-denied' });
    expect(read(['access-rights-wrong'], 1, '0-0:42.0.0.255', 2).kind).to.equal('data');
  },
  'extended-register-capture-time-invalid': () => {
    const [clean, faulty] = both('extended-register-capture-time-invalid', 4, '1-0:1.6.0.255', 5);
    const c = data(clean);
    const f = data(faulty);
    if (c.type !== 'octet-string' || f.type !== 'octet-string') throw new Error('expected octet-strings');
    expect([c.value[5], f.value[5]]).to.deep.equal([18, 24]);
  },
  'association-status-wrong': () => {
    const [clean, faulty] = both('association-status-wrong', 15, '0-0:40.0.0.255', 8);
    expect([data(clean), data(faulty)]).to.deep.equal([
      { type: 'enum', value: 2 },
      { type: 'enum', value: 1 },
    ]);
  },
  'sap-assignment-duplicate-sap': () => {
    const [clean, faulty] = both('sap-assignment-duplicate-sap', 17, '0-0:41.0.0.255', 2);
    expect(items(data(faulty))).to.deep.equal([...items(data(clean)), items(data(clean))[0]]);
  },
  'disconnect-output-state-inconsistent': () => {
    const [clean, faulty] = both('disconnect-output-state-inconsistent', 70, '0-0:96.3.10.255', 2);
    expect([data(clean), data(faulty)]).to.deep.equal([
      { type: 'boolean', value: true },
      { type: 'boolean', value: false },
    ]);
    expect(read(['disconnect-output-state-inconsistent'], 70, '0-0:96.3.10.255', 3)).to.deep.equal(read([], 70, '0-0:96.3.10.255', 3));
  },
};
