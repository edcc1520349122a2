import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError, fromHex, toHex } from '../bytes';
import { formatObis, obisEquals, obisFromBytes, parseObis } from './obis';
import { thrownBy } from '../../test/helpers/thrown';

const errorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

describe('OBIS codes', () => {
  it('parses every accepted text form of 1-0:1.8.0.255 to the same 6 bytes', () => {
    for (const text of ['1-0:1.8.0.255', '1-0:1.8.0*255', '1-0:1.8.0', '1.0.1.8.0.255', '1.0.1.8.0', '0100010800FF', '0100010800ff']) {
      expect(toHex(parseObis(text)), text).to.equal('0100010800FF');
    }
  });

  it('keeps a group F other than 255', () => {
    expect(toHex(parseObis('0-0:96.1.0.0'))).to.equal('000060010000');
    expect(toHex(parseObis('1-1:21.25.0*101'))).to.equal('010115190065');
  });

  it('formats the logical names the independent meter listed (c_hdlc_none.trace)', () => {
    expect(formatObis(fromHex('0000280000FF'))).to.equal('0-0:40.0.0.255');
    expect(formatObis(fromHex('0101151900FF'))).to.equal('1-1:21.25.0.255');
  });

  it('reports the character index of what is wrong', () => {
    let e = errorOf(() => parseObis('1-0:1.8.0.256'));
    expect([e.code, e.offset]).to.deep.equal(['OBIS_BAD_TEXT', 10]);
    e = errorOf(() => parseObis('1-0:1.8'));
    expect([e.code, e.offset, e.actual]).to.deep.equal(['OBIS_BAD_TEXT', 7, 'end of text']);
    e = errorOf(() => parseObis('1-0;1.8.0.255'));
    expect(e.offset).to.equal(3);
    e = errorOf(() => parseObis('1-0:1.8.0.255x'));
    expect(e.offset).to.equal(13);
    e = errorOf(() => parseObis('1.0.1.8.0*255'));
    expect(e.offset).to.equal(9);
    e = errorOf(() => parseObis(''));
    expect([e.code, e.offset]).to.deep.equal(['OBIS_BAD_TEXT', 0]);
  });

  it('refuses bytes that are not 6 long', () => {
    expect(errorOf(() => formatObis(fromHex('0000280000'))).code).to.equal('OBIS_BAD_LENGTH');
    expect(errorOf(() => obisFromBytes(fromHex('00'), 12)).offset).to.equal(12);
  });

  it('round-trips every 6 bytes through the text form', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (b) => {
        expect(obisEquals(parseObis(formatObis(b)), b)).to.equal(true);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('throws only DecodeError for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789-:.*abcF '.split('')), maxLength: 20 }), (text) => {
        try {
          parseObis(text);
        } catch (e) {
          if (!(e instanceof DecodeError)) throw e;
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
