import { expect } from 'chai';
import fc from 'fast-check';
import { ByteWriter, DecodeError, fromHex, toHex } from '../bytes';
import { decodeInteger, encodeInteger } from './integer';
import { thrownBy } from '../../test/helpers/thrown';

const decodeErrorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

const enc = (n: number): string => {
  const w = new ByteWriter();
  encodeInteger(w, n);
  return toHex(w.finish());
};

describe('BER INTEGER', () => {
  it("uses the shortest two's complement form (X.690 8.3)", () => {
    expect([enc(0), enc(127), enc(128), enc(256), enc(-1), enc(-128), enc(-129)]).to.deep.equal(['00', '7F', '0080', '0100', 'FF', '80', 'FF7F']);
    expect(decodeInteger(fromHex('0080'), 0)).to.equal(128);
    expect(decodeInteger(fromHex('FF7F'), 0)).to.equal(-129);
  });

  it('refuses a non-minimal form, which could not be re-encoded to the same bytes', () => {
    const e = decodeErrorOf(() => decodeInteger(fromHex('0001'), 9));
    expect([e.code, e.offset]).to.deep.equal(['BER_INTEGER_NOT_MINIMAL', 9]);
    expect(decodeErrorOf(() => decodeInteger(fromHex('FF80'), 0)).code).to.equal('BER_INTEGER_NOT_MINIMAL');
  });

  it('refuses empty and over-long content', () => {
    expect(decodeErrorOf(() => decodeInteger(new Uint8Array(0), 0)).code).to.equal('BER_BAD_INTEGER');
    expect(decodeErrorOf(() => decodeInteger(fromHex('01020304050607'), 0)).code).to.equal('BER_INTEGER_TOO_LARGE');
  });

  it('round-trips every integer it can hold', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 47) + 1, max: 2 ** 47 - 1 }), (n) => {
        const w = new ByteWriter();
        encodeInteger(w, n);
        expect(decodeInteger(w.finish(), 0)).to.equal(n);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
