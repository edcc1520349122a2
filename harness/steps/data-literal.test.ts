import { expect } from 'chai';
import { HarnessFault } from '../engine/verdict';
import type { StepContext } from './context';
import { dataOf } from './data-literal';

const ctx = { vars: new Map([['kept', { type: 'unsigned', value: 3 }]]) } as unknown as StepContext;

describe('Data values written in suites', () => {
  it('reads integers, octet-strings (hex, text, fill), strings and nested structures', () => {
    expect(dataOf({ type: 'long-unsigned', value: 4242 }, ctx)).to.deep.equal({ type: 'long-unsigned', value: 4242 });
    expect(dataOf({ type: 'octet-string', hex: '0102' }, ctx)).to.deep.equal({ type: 'octet-string', value: Uint8Array.of(1, 2) });
    expect(dataOf({ type: 'octet-string', text: 'AB' }, ctx)).to.deep.equal({ type: 'octet-string', value: Uint8Array.of(0x41, 0x42) });
    expect(dataOf({ type: 'octet-string', fill: { length: 5, hex: '0A0B' } }, ctx)).to.deep.equal({
      type: 'octet-string',
      value: Uint8Array.of(10, 11, 10, 11, 10),
    });
    expect(
      dataOf(
        {
          type: 'structure',
          items: [
            { type: 'integer', value: -1 },
            { type: 'boolean', value: true },
          ],
        },
        ctx,
      ),
    ).to.deep.equal({
      type: 'structure',
      items: [
        { type: 'integer', value: -1 },
        { type: 'boolean', value: true },
      ],
    });
    expect(dataOf({ type: 'long64-unsigned', value: '18446744073709551615' }, ctx)).to.deep.equal({ type: 'long64-unsigned', value: 18446744073709551615n });
  });

  it('takes a value kept by an earlier step', () => {
    expect(dataOf({ var: 'kept' }, ctx)).to.deep.equal({ type: 'unsigned', value: 3 });
  });

  it('refuses an integer out of its Blue Book range, an unknown variable and an octet-string without bytes', () => {
    expect(() => dataOf({ type: 'unsigned', value: 256 }, ctx)).to.throw(HarnessFault, /unsigned needs an integer 0..255/);
    expect(() => dataOf({ var: 'nothing' }, ctx)).to.throw(HarnessFault, /nothing/);
    expect(() => dataOf({ type: 'octet-string' }, ctx)).to.throw(HarnessFault);
  });
});
