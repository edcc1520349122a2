import { expect } from 'chai';
import type { Data } from '../../../dlms/axdr/data';
import { testProfile } from '../../../test/support/harness/profiles';
import { ASSOCIATION_LN_SEMANTICS } from './association-ln';

const [publicAssociation, reader] = testProfile().associations as [never, never];
const object = { classId: 15, version: 0, obis: '0-0:40.0.0.255', logicalName: new Uint8Array(6), attributes: [] };
const octets = (...b: number[]): Data => ({ type: 'octet-string', value: Uint8Array.from(b) });
const partners = (client: number): Data => ({
  type: 'structure',
  items: [
    { type: 'integer', value: client },
    { type: 'long-unsigned', value: 1 },
  ],
});
const xdlms = (bits: number, version: number): Data => ({
  type: 'structure',
  items: [
    { type: 'bit-string', length: bits, bytes: new Uint8Array(Math.ceil(bits / 8)) },
    { type: 'long-unsigned', value: 1024 },
    { type: 'long-unsigned', value: 1024 },
    { type: 'unsigned', value: version },
    { type: 'integer', value: 0 },
    octets(),
  ],
});
const GOOD: [number, Data][] = [
  [3, partners(16)],
  [4, octets(0x60, 0x85, 0x74, 0x05, 0x08, 0x01, 0x01)],
  [5, xdlms(24, 6)],
  [6, octets(0x60, 0x85, 0x74, 0x05, 0x08, 0x02, 0x00)],
  [8, { type: 'enum', value: 2 }],
];

describe('Association LN rules', () => {
  it('accept a self-description that matches the association used', () => {
    expect(ASSOCIATION_LN_SEMANTICS.check({ object, values: new Map(GOOD), association: publicAssociation })).to.deep.equal([]);
  });

  it('compare partners and mechanism with the association used', () => {
    const problems = ASSOCIATION_LN_SEMANTICS.check({ object, values: new Map(GOOD), association: reader });
    expect(problems.map((p) => p.attribute)).to.deep.equal([3, 6]);
    expect(problems[1]?.expected).to.equal('authentication_mechanism_name 2.16.756.5.8.2.1 (low, as associated)');
  });

  it('refuse an SN context, a short conformance block, another DLMS version and a status other than associated', () => {
    const values = new Map(GOOD);
    values.set(4, octets(0x60, 0x85, 0x74, 0x05, 0x08, 0x01, 0x02));
    values.set(5, xdlms(16, 5));
    values.set(8, { type: 'enum', value: 1 });
    expect(ASSOCIATION_LN_SEMANTICS.check({ object, values, association: publicAssociation }).map((p) => p.attribute)).to.deep.equal([4, 5, 5, 8]);
  });
});
