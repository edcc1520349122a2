import { expect } from 'chai';
import type { Data } from '../../../dlms/axdr/data';
import { testProfile } from '../../../test/support/harness/profiles';
import { DATA_SEMANTICS } from './data';
import { DISCONNECT_CONTROL_SEMANTICS } from './disconnect-control';

const association = testProfile().associations[0]!;
const at = (obis: string, classId: number) => ({ classId, version: 0, obis, logicalName: new Uint8Array(6), attributes: [] });

describe('Data and Disconnect control rules', () => {
  it('want the logical device name to have 3..16 octets, and leave other Data alone', () => {
    const name = (text: string): Map<number, Data> => new Map([[2, { type: 'octet-string', value: new TextEncoder().encode(text) }]]);
    expect(DATA_SEMANTICS.check({ object: at('0-0:42.0.0.255', 1), values: name('DLM0000000001'), association })).to.deep.equal([]);
    expect(DATA_SEMANTICS.check({ object: at('0-0:42.0.0.255', 1), values: name('DLM00000000000001'), association })[0]?.attribute).to.equal(2);
    expect(DATA_SEMANTICS.check({ object: at('0-0:96.1.0.255', 1), values: name(''), association })).to.deep.equal([]);
  });

  it('want the output closed exactly when the disconnector is connected', () => {
    const check = (output: boolean, state: number) =>
      DISCONNECT_CONTROL_SEMANTICS.check({
        object: at('0-0:96.3.10.255', 70),
        values: new Map<number, Data>([
          [2, { type: 'boolean', value: output }],
          [3, { type: 'enum', value: state }],
        ]),
        association,
      });
    expect([check(true, 1), check(false, 0), check(false, 2)]).to.deep.equal([[], [], []]);
    expect(check(false, 1)).to.deep.equal([{ attribute: 2, expected: 'output_state true with control_state 1', actual: 'false' }]);
    expect(check(false, 3).map((p) => p.expected)).to.deep.equal(['control_state in 0..2']);
  });
});
