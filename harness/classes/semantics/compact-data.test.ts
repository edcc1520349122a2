import { expect } from 'chai';
import type { Data } from '../../../dlms/axdr/data';
import { fromHex } from '../../../dlms/bytes';
import { testProfile } from '../../../test/support/harness/profiles';
import { COMPACT_DATA_SEMANTICS } from './compact-data';
import { COMMUNICATION_PORT_PROTECTION_SEMANTICS } from './communication-port-protection';

const association = testProfile().associations[0]!;
const at = (classId: number) => ({ classId, version: 1, obis: '0-0:66.0.1.255', logicalName: new Uint8Array(6), attributes: [] });
const octets = (hex: string): Data => ({ type: 'octet-string', value: fromHex(hex) });
const capture: Data = { type: 'structure', items: [] };

/** What the Compact data rules say of a buffer, a template and `captures` capture objects. */
function compact(buffer: string, template: string, captures = 2): string[] {
  const values = new Map<number, Data>([
    [2, octets(buffer)],
    [3, { type: 'array', items: Array.from({ length: captures }, () => capture) }],
    [5, octets(template)],
  ]);
  return COMPACT_DATA_SEMANTICS.check({ object: at(62), values, association }).map((p) => `${p.attribute}: ${p.expected}, got ${p.actual}`);
}

describe('Compact data and Communication port protection rules', () => {
  it('accept a buffer of zero, one or several whole captures of the template', () => {
    const template = '02021106'; // structure { unsigned, double-long-unsigned }
    expect(compact('', template)).to.deep.equal([]);
    expect(compact('4200000078', template)).to.deep.equal([]);
    expect(compact('42000000784200000079', template)).to.deep.equal([]);
    expect(compact('', '')).to.deep.equal([]);
  });

  it('refuse a buffer that ends inside a value, and say at which byte of the buffer', () => {
    const found = compact('42000000', '02021106');
    expect(found).to.have.length(1);
    expect(found[0]).to.match(/^2: compact_buffer whole values of template_description, without tags, got TRUNCATED at byte 1 of compact_buffer/);
  });

  it('refuse a template that is no type description, is no structure or does not match the capture objects', () => {
    expect(compact('', 'e0')[0]).to.match(
      /^5: template_description a type description \(Green Book 9.5\), got AXDR_UNKNOWN_TAG at byte 0 of template_description/,
    );
    expect(compact('', '11')).to.deep.equal(['5: template_description a structure, one element per capture object, got unsigned']);
    expect(compact('', '020111')).to.deep.equal(['5: template_description one element per capture object (2), got 1 element(s)']);
    expect(compact('42', '')).to.deep.equal(['2: an empty compact_buffer while template_description is empty, got 1 octet(s)']);
  });

  it('want a port locked or unlocked by its mode to have that status, and any status under lockout on failed attempts', () => {
    const check = (mode: number, status: number) =>
      COMMUNICATION_PORT_PROTECTION_SEMANTICS.check({
        object: at(124),
        values: new Map<number, Data>([
          [2, { type: 'enum', value: mode }],
          [8, { type: 'enum', value: status }],
        ]),
        association,
      }).map((p) => p.expected);
    expect([check(0, 2), check(2, 0), check(1, 0), check(1, 1), check(1, 2)]).to.deep.equal([[], [], [], [], []]);
    expect(check(0, 0)).to.deep.equal(['protection_status 2 (locked) under protection_mode 0 (locked)']);
    expect(check(2, 1)).to.deep.equal(['protection_status 0 (unlocked) under protection_mode 2 (unlocked)']);
  });
});
