import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError, fromHex, toHex } from '../bytes';
import type { Data } from '../axdr/data';
import { decodeDataBytes, encodeDataBytes } from '../axdr/data-codec';
import { dateTimeToOctetString } from '../axdr/datetime';
import type { Obis } from './obis';
import { parseObis } from './obis';
import {
  accessSelectionFromData,
  accessSelectionToData,
  entryDescriptorFromData,
  entryDescriptorToData,
  rangeDescriptorFromData,
  rangeDescriptorToData,
  type EntryDescriptor,
  type RangeDescriptor,
} from './selective-access';
import { thrownBy } from '../../test/helpers/thrown';

const errorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

const clockTime = (hour: number): Data => ({
  type: 'octet-string',
  value: dateTimeToOctetString({
    date: { year: 2026, month: 11, dayOfMonth: 24, dayOfWeek: 2 },
    time: { hour, minute: 0, second: 0, hundredths: 0 },
    deviation: 0,
    clockStatus: 0,
  }),
});

const RANGE: RangeDescriptor = {
  restrictingObject: { classId: 8, logicalName: parseObis('0-0:1.0.0.255'), attributeIndex: 2, dataIndex: 0 },
  fromValue: clockTime(0),
  toValue: clockTime(12),
  selectedValues: [],
};

describe('selective access (Blue Book 4.3.6)', () => {
  it('encodes a range_descriptor over the clock as the structure of 4 the Blue Book gives', () => {
    // 02 04 | restricting_object 02 04 12 0008 09 06 0000010000FF 0F 02 12 0000
    //       | from_value 09 0C 07EA0B1802000000 00 0000 00 | to_value … 0C … | selected_values 01 00
    const hex = '0204' + '0204' + '120008' + '09060000010000FF' + '0F02' + '120000' + '090C07EA0B180200000000000000' + '090C07EA0B18020C000000000000' + '0100';
    expect(toHex(encodeDataBytes(rangeDescriptorToData(RANGE)))).to.equal(hex);
    expect(rangeDescriptorFromData(decodeDataBytes(fromHex(hex)))).to.deep.equal(RANGE);
  });

  it('encodes an entry_descriptor as double-long-unsigned, double-long-unsigned, long-unsigned, long-unsigned', () => {
    const entry: EntryDescriptor = { fromEntry: 1, toEntry: 0, fromSelectedValue: 1, toSelectedValue: 0 };
    const hex = '0204' + '0600000001' + '0600000000' + '120001' + '120000';
    expect(toHex(encodeDataBytes(entryDescriptorToData(entry)))).to.equal(hex);
    expect(entryDescriptorFromData(decodeDataBytes(fromHex(hex)))).to.deep.equal(entry);
  });

  it('pairs the selector with its parameters both ways', () => {
    const sel = accessSelectionToData({ selector: 1, range: RANGE });
    expect(sel.selector).to.equal(1);
    expect(accessSelectionFromData(sel.selector, sel.parameters)).to.deep.equal({ selector: 1, range: RANGE });
    expect(errorOf(() => accessSelectionFromData(3, sel.parameters, undefined, 17))).to.include({ code: 'SELECTIVE_ACCESS_BAD_SELECTOR', offset: 17 });
  });

  it('locates a misfit by its byte offset and its path', () => {
    // entry_descriptor whose to_entry is a long-unsigned: the misfit starts at byte 7.
    const offsets = new WeakMap<Data, number>();
    const d = decodeDataBytes(fromHex('0204 0600000001 120000 120001 120000'), 0, { offsets });
    const e = errorOf(() => entryDescriptorFromData(d, offsets));
    expect(e.code).to.equal('SELECTIVE_ACCESS_BAD_TYPE');
    expect(e.offset).to.equal(7);
    expect(e.expected).to.equal('double-long-unsigned at entry_descriptor.to_entry');
  });

  it('refuses a restricting object whose logical name is not 6 bytes, and a structure of the wrong size', () => {
    const bad: Data = rangeDescriptorToData({ ...RANGE, restrictingObject: { ...RANGE.restrictingObject, logicalName: fromHex('0000') as Obis } });
    expect(errorOf(() => rangeDescriptorFromData(bad)).code).to.equal('SELECTIVE_ACCESS_BAD_OBIS');
    const e = errorOf(() => rangeDescriptorFromData({ type: 'structure', items: [] }));
    expect(e.code).to.equal('SELECTIVE_ACCESS_BAD_SHAPE');
    expect(e.expected).to.equal('a structure of 4 elements at range_descriptor');
  });

  it('round-trips every entry descriptor through Data and bytes', () => {
    const arb = fc.record({
      fromEntry: fc.integer({ min: 0, max: 0xffffffff }),
      toEntry: fc.integer({ min: 0, max: 0xffffffff }),
      fromSelectedValue: fc.integer({ min: 0, max: 0xffff }),
      toSelectedValue: fc.integer({ min: 0, max: 0xffff }),
    });
    fc.assert(
      fc.property(arb, (e) => {
        expect(entryDescriptorFromData(decodeDataBytes(encodeDataBytes(entryDescriptorToData(e))))).to.deep.equal(e);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('round-trips every range descriptor through Data and bytes', () => {
    const cod = fc.record({
      classId: fc.integer({ min: 0, max: 0xffff }),
      logicalName: fc.uint8Array({ minLength: 6, maxLength: 6 }).map((b) => b as Obis),
      attributeIndex: fc.integer({ min: -128, max: 127 }),
      dataIndex: fc.integer({ min: 0, max: 0xffff }),
    });
    const value = fc.oneof(
      fc.integer({ min: 0, max: 0xffffffff }).map((value): Data => ({ type: 'double-long-unsigned', value })),
      fc.uint8Array({ minLength: 12, maxLength: 12 }).map((value): Data => ({ type: 'octet-string', value })),
    );
    const arb = fc.record({ restrictingObject: cod, fromValue: value, toValue: value, selectedValues: fc.array(cod, { maxLength: 3 }) });
    fc.assert(
      fc.property(arb, (r) => {
        expect(rangeDescriptorFromData(decodeDataBytes(encodeDataBytes(rangeDescriptorToData(r))))).to.deep.equal(r);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
