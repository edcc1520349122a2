import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex } from '../bytes';
import { arbData } from '../../test/support/dlms/axdr/arbitrary';
import type { Data } from './data';
import { decodeDataBytes } from './data-codec';
import { dataToJson, formatData } from './format';

describe('formatData', () => {
  it('writes a structure on one line with OBIS hints for 6-byte octet-strings', () => {
    const d: Data = {
      type: 'structure',
      items: [
        { type: 'long-unsigned', value: 8 },
        { type: 'octet-string', value: fromHex('0000010000FF') },
      ],
    };
    expect(formatData(d)).to.equal('structure{ long-unsigned 8, octet-string 0000010000FF (0-0:1.0.0.255) }');
  });

  it('shows printable octet-strings as text and 12-byte date-times as dates', () => {
    expect(formatData(decodeDataBytes(fromHex('0906477572757831')))).to.equal('octet-string 477572757831 ("Gurux1")');
    expect(formatData(decodeDataBytes(fromHex('090C07EA0B1802120A1A00000000')))).to.equal(
      'octet-string 07EA0B1802120A1A00000000 (2026-11-24 (Tue) 18:10:26.00 deviation 0 status 0x00)',
    );
    expect(formatData({ type: 'octet-string', value: new Uint8Array() })).to.equal('octet-string (empty)');
  });

  it('shows bit-strings as bits, strings quoted, integers in decimal', () => {
    expect(formatData(decodeDataBytes(fromHex('0406FC')))).to.equal('bit-string(6) 111111');
    expect(formatData({ type: 'visible-string', value: 'a"b' })).to.equal('visible-string "a\\"b"');
    expect(formatData({ type: 'long64', value: -5n })).to.equal('long64 -5');
    expect(formatData({ type: 'array', items: [] })).to.equal('array{}');
  });

  it('names the contents-description of a compact-array', () => {
    const d = decodeDataBytes(fromHex('13 02021206 0C 000100000064 0002000000C8'));
    expect(formatData(d)).to.equal(
      'compact-array<structure{long-unsigned, double-long-unsigned}>{ structure{ long-unsigned 1, double-long-unsigned 100 }, structure{ long-unsigned 2, double-long-unsigned 200 } }',
    );
  });

  it('cuts long containers after maxItems', () => {
    const d: Data = { type: 'array', items: Array.from({ length: 5 }, (_, i) => ({ type: 'unsigned', value: i })) };
    expect(formatData(d, { maxItems: 2 })).to.equal('array{ unsigned 0, unsigned 1, … 3 more }');
  });

  it('formats every generated value without throwing', () => {
    fc.assert(
      fc.property(arbData(), (d) => {
        expect(formatData(d)).to.be.a('string');
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('dataToJson', () => {
  it('makes bigint, bytes, non-finite floats and unspecified fields JSON-safe', () => {
    expect(dataToJson({ type: 'long64-unsigned', value: 2n ** 64n - 1n })).to.deep.equal({ type: 'long64-unsigned', value: '18446744073709551615' });
    expect(dataToJson({ type: 'octet-string', value: fromHex('00ff') })).to.deep.equal({ type: 'octet-string', value: '00FF' });
    expect(dataToJson({ type: 'float64', value: NaN })).to.deep.equal({ type: 'float64', value: 'NaN' });
    expect(dataToJson(decodeDataBytes(fromHex('1BFF0000FF')))).to.deep.equal({ type: 'time', value: { hour: null, minute: 0, second: 0, hundredths: null } });
  });

  it('survives JSON.stringify for every generated value', () => {
    fc.assert(
      fc.property(arbData(), (d) => {
        expect(JSON.parse(JSON.stringify(dataToJson(d)))).to.deep.equal(dataToJson(d));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
