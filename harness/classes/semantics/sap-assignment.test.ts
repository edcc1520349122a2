import { expect } from 'chai';
import type { Data } from '../../../dlms/axdr/data';
import { testProfile } from '../../../test/support/harness/profiles';
import { IEC_HDLC_SETUP_SEMANTICS } from './iec-hdlc-setup';
import { SAP_ASSIGNMENT_SEMANTICS } from './sap-assignment';

const association = testProfile().associations[0]!;
const object = { classId: 23, version: 1, obis: '0-0:22.0.0.255', logicalName: new Uint8Array(6), attributes: [] };
const n = (type: 'unsigned' | 'long-unsigned' | 'enum', value: number): Data => ({ type, value });
const sap = (s: number, name: string): Data => ({
  type: 'structure',
  items: [n('long-unsigned', s), { type: 'octet-string', value: new TextEncoder().encode(name) }],
});

describe('IEC HDLC setup and SAP assignment rules', () => {
  it('accept HDLC parameters in range and name each one out of range', () => {
    const good: [number, Data][] = [
      [2, n('enum', 5)],
      [3, n('unsigned', 1)],
      [4, n('unsigned', 7)],
      [5, n('long-unsigned', 128)],
      [6, n('long-unsigned', 2030)],
      [7, n('long-unsigned', 25)],
      [9, n('long-unsigned', 16)],
    ];
    expect(IEC_HDLC_SETUP_SEMANTICS.check({ object, values: new Map(good), association })).to.deep.equal([]);
    const bad: [number, Data][] = [
      [3, n('unsigned', 8)],
      [5, n('long-unsigned', 31)],
      [7, n('long-unsigned', 10)],
      [9, n('long-unsigned', 0x3ffe)],
    ];
    expect(IEC_HDLC_SETUP_SEMANTICS.check({ object, values: new Map(bad), association }).map((p) => p.expected)).to.deep.equal([
      'window_size_transmit in 1..7',
      'max_info_field_length_transmit in 32..2030',
      'inter_octet_time_out (ms) in 20..6000',
      'device_address in 16..16381',
    ]);
  });

  it('want each SAP once, the management device listed, names of 3..16 octets', () => {
    const check = (items: Data[]) =>
      SAP_ASSIGNMENT_SEMANTICS.check({ object, values: new Map([[2, { type: 'array', items }]]), association }).map((p) => p.expected);
    expect(check([sap(1, 'DLM0000000001'), sap(17, 'DLM0000000002')])).to.deep.equal([]);
    expect(check([sap(1, 'DLM'), sap(1, 'DLM')])).to.deep.equal(['each SAP listed once']);
    expect(check([sap(2, 'AB')])).to.deep.equal(['SAP_assignment_list[0].logical_device_name of 3..16 octets', 'the management logical device (SAP 1) listed']);
  });
});
