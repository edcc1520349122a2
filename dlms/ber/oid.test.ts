import { expect } from 'chai';
import fc from 'fast-check';
import { ByteWriter, DecodeError, fromHex, toHex } from '../bytes';
import { decodeOid, encodeOid, isOid } from './oid';
import { thrownBy } from '../../test/helpers/thrown';

const decodeErrorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

const enc = (oid: string): string => {
  const w = new ByteWriter();
  encodeOid(w, oid);
  return toHex(w.finish());
};

describe('OBJECT IDENTIFIER', () => {
  it('encodes the DLMS application context and mechanism names (Green Book 9.4.2.2)', () => {
    // Content of A1 09 06 07 … in c_hdlc_none.trace line 3: 2.16.756.5.8.1.1, logical-name referencing.
    expect(decodeOid(fromHex('60857405080101'), 0)).to.equal('2.16.756.5.8.1.1');
    expect(enc('2.16.756.5.8.1.1')).to.equal('60857405080101');
    expect(enc('2.16.756.5.8.2.5')).to.equal('60857405080205');
  });

  it('splits the first subidentifier into two arcs (X.690 8.19.4)', () => {
    expect(decodeOid(fromHex('00'), 0)).to.equal('0.0');
    expect(decodeOid(fromHex('2B06'), 0)).to.equal('1.3.6');
    expect(decodeOid(fromHex('8837'), 0)).to.equal('2.999');
  });

  it('refuses empty content, a leading 0x80 and a last octet with bit 8 set', () => {
    expect(decodeErrorOf(() => decodeOid(new Uint8Array(0), 3)).code).to.equal('BER_BAD_OID');
    const lead = decodeErrorOf(() => decodeOid(fromHex('60 8001'), 10));
    expect([lead.code, lead.offset]).to.deep.equal(['BER_BAD_OID', 11]);
    const open = decodeErrorOf(() => decodeOid(fromHex('6085'), 10));
    expect([open.code, open.offset]).to.deep.equal(['BER_BAD_OID', 12]);
  });

  it('tells dotted OIDs from other text', () => {
    expect(isOid('2.16.756.5.8.1.1')).to.equal(true);
    expect(isOid('1.40')).to.equal(false);
    expect(isOid('3.1')).to.equal(false);
    expect(isOid('2.01')).to.equal(false);
  });

  it('round-trips every OID', () => {
    const arb = fc
      .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 39 }), fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 8 }))
      .map(([a, b, rest]) => [a, a === 2 ? b * 1000 : b, ...rest].join('.'));
    fc.assert(
      fc.property(arb, (oid) => {
        const w = new ByteWriter();
        encodeOid(w, oid);
        expect(decodeOid(w.finish(), 0)).to.equal(oid);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
