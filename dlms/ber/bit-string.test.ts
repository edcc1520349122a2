import { expect } from 'chai';
import fc from 'fast-check';
import { ByteWriter, DecodeError, fromHex, toHex } from '../bytes';
import { bitAt, bitStringOf, decodeBitString, encodeBitString } from './bit-string';
import { thrownBy } from '../../test/helpers/thrown';

const decodeErrorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

describe('BER BIT STRING', () => {
  it('decodes ACSE-requirements {authentication} as one set bit (8A 02 07 80)', () => {
    const bs = decodeBitString(fromHex('0780'), 0);
    expect(bs.length).to.equal(1);
    expect(bitAt(bs, 0)).to.equal(true);
    expect(bitAt(bs, 1)).to.equal(false);
    const w = new ByteWriter();
    encodeBitString(w, bitStringOf(1, [0]));
    expect(toHex(w.finish())).to.equal('0780');
  });

  it('keeps non-zero unused bits so that re-encoding is exact', () => {
    const bs = decodeBitString(fromHex('07FF'), 0);
    const w = new ByteWriter();
    encodeBitString(w, bs);
    expect(toHex(w.finish())).to.equal('07FF');
  });

  it('refuses a missing initial octet and more than 7 unused bits', () => {
    expect(decodeErrorOf(() => decodeBitString(new Uint8Array(0), 0)).code).to.equal('BER_BAD_BIT_STRING');
    expect(decodeErrorOf(() => decodeBitString(fromHex('0800'), 0)).code).to.equal('BER_BAD_BIT_STRING');
    expect(decodeErrorOf(() => decodeBitString(fromHex('01'), 0)).code).to.equal('BER_BAD_BIT_STRING');
  });

  it('round-trips every bit string', () => {
    const arb = fc
      .uint8Array({ maxLength: 8 })
      .chain((bytes) => fc.integer({ min: bytes.length === 0 ? 0 : bytes.length * 8 - 7, max: bytes.length * 8 }).map((length) => ({ length, bytes })));
    fc.assert(
      fc.property(arb, (bs) => {
        const w = new ByteWriter();
        encodeBitString(w, bs);
        expect(decodeBitString(w.finish(), 0)).to.deep.equal(bs);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
