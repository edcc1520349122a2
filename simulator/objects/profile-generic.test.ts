import { expect } from 'chai';
import type { Data } from '../../dlms/axdr/data';
import { dateTimeFromOctetString, formatDateTime } from '../../dlms/axdr/datetime';
import { parseObis } from '../../dlms/cosem/obis';
import { captureObjectToData, entryDescriptorToData, rangeDescriptorToData } from '../../dlms/cosem/selective-access';
import { contextFor } from '../../test/support/simulator/testing';
import { readAttribute } from './store';
import type { AttributeResult, Selection } from './types';

const PROFILE = { classId: 7, logicalName: parseObis('1-0:99.1.0.255'), attribute: 2 };
const CLOCK_COLUMN = { classId: 8, logicalName: parseObis('0-0:1.0.0.255'), attributeIndex: 2, dataIndex: 0 };
const EXPORT_COLUMN = { classId: 3, logicalName: parseObis('1-0:2.8.0.255'), attributeIndex: 2, dataIndex: 0 };

function itemsOf(d: Data | undefined): readonly Data[] {
  if (d?.type !== 'structure' && d?.type !== 'array') throw new Error(`expected a structure or array, got ${d?.type}`);
  return d.items;
}

function rows(r: AttributeResult): readonly Data[] {
  if (r.kind !== 'data' || r.data.type !== 'array') throw new Error(`expected an array, got ${JSON.stringify(r)}`);
  return r.data.items;
}

function timeOf(row: Data | undefined): string {
  const cell = row?.type === 'structure' ? row.items[0] : undefined;
  if (cell?.type !== 'octet-string') throw new Error('expected a date-time column first');
  return formatDateTime(dateTimeFromOctetString(cell.value));
}

const read = (selection?: Selection) => readAttribute(PROFILE, contextFor('public'), selection);
const byEntry = (fromEntry: number, toEntry: number, fromSelectedValue = 1, toSelectedValue = 0): Selection => ({
  selector: 2,
  parameters: entryDescriptorToData({ fromEntry, toEntry, fromSelectedValue, toSelectedValue }),
});

describe('profile generic (class 7), the load profile 1-0:99.1.0.255', () => {
  it('holds 96 rows of 15 minutes, oldest first, the last at the capture before now (T0 18:10:27)', () => {
    const all = rows(read());
    expect(all).to.have.length(96);
    expect(timeOf(all[0])).to.equal('2026-11-23 (Mon) 18:15:00.00 deviation 0 status 0x00');
    expect(timeOf(all[95])).to.equal('2026-11-24 (Tue) 18:00:00.00 deviation 0 status 0x00');
  });

  it('gives living registers a history that grows from row to row', () => {
    const energy = rows(read()).map((r) => (r.type === 'structure' && r.items[1]?.type === 'double-long-unsigned' ? r.items[1].value : -1));
    expect(energy.every((v, i) => i === 0 || v > energy[i - 1]!)).to.equal(true);
  });

  it('describes its capture objects, period, fifo sort and a full buffer', () => {
    const attr = (attribute: number) => readAttribute({ ...PROFILE, attribute }, contextFor('public'));
    expect(attr(3)).to.deep.include({ kind: 'data' });
    expect(rows(attr(3))[0]).to.deep.equal(captureObjectToData(CLOCK_COLUMN));
    expect(attr(4)).to.deep.equal({ kind: 'data', data: { type: 'double-long-unsigned', value: 900 } });
    expect(attr(5)).to.deep.equal({ kind: 'data', data: { type: 'enum', value: 1 } });
    expect(attr(7)).to.deep.equal(attr(8));
  });

  it('serves entries from..to counted from 1, and columns from..to', () => {
    const all = rows(read());
    expect(rows(read(byEntry(2, 5)))).to.deep.equal(all.slice(1, 5));
    expect(rows(read(byEntry(95, 0)))).to.deep.equal(all.slice(94));
    const second = rows(read(byEntry(1, 2, 2, 2)));
    expect(second).to.deep.equal(all.slice(0, 2).map((r) => ({ type: 'structure', items: [itemsOf(r)[1]] })));
    expect(rows(read(byEntry(200, 300)))).to.deep.equal([]);
  });

  it('serves a range on the clock column, bounds included, with selected values in their order', () => {
    const all = rows(read());
    const at = (i: number) => itemsOf(all[i])[0]!;
    const range = (selectedValues: (typeof CLOCK_COLUMN)[]): Selection => ({
      selector: 1,
      parameters: rangeDescriptorToData({ restrictingObject: CLOCK_COLUMN, fromValue: at(3), toValue: at(6), selectedValues }),
    });
    expect(rows(read(range([])))).to.deep.equal(all.slice(3, 7));
    const picked = rows(read(range([EXPORT_COLUMN, CLOCK_COLUMN])));
    expect(picked[0]).to.deep.equal({ type: 'structure', items: [itemsOf(all[3])[2], at(3)] });
  });

  it('refuses a selector it does not declare with other-reason, and parameters that do not fit with type-unmatched', () => {
    expect(read({ selector: 9, parameters: { type: 'null-data' } })).to.deep.equal({ kind: 'error', result: 'other-reason' });
    expect(read({ selector: 2, parameters: { type: 'structure', items: [] } })).to.deep.equal({ kind: 'error', result: 'type-unmatched' });
    const notAColumn = { ...CLOCK_COLUMN, logicalName: parseObis('0-0:1.0.1.255') };
    const r = read({
      selector: 1,
      parameters: rangeDescriptorToData({
        restrictingObject: notAColumn,
        fromValue: { type: 'null-data' },
        toValue: { type: 'null-data' },
        selectedValues: [],
      }),
    });
    expect(r).to.deep.equal({ kind: 'error', result: 'other-reason' });
  });

  it('refuses a selective access to an attribute that has no selectors', () => {
    expect(readAttribute({ ...PROFILE, attribute: 3 }, contextFor('public'), byEntry(1, 1))).to.deep.equal({ kind: 'error', result: 'other-reason' });
  });
});
