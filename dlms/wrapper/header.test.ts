import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError } from '../bytes/decode-error';
import { fromHex, toHex } from '../bytes/hex';
import { ByteReader } from '../bytes/reader';
import { decodeWrapper, decodeWrapperHeader, encodeRawWrapper, encodeWrapper, type WrapperPdu } from './header';
import { thrownBy } from '../../test/helpers/thrown';

const decodeErrorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

describe('wrapper header (IEC 62056-47)', () => {
  it('encodes and decodes the recorded release request', () => {
    // c_wrapper_gmac.trace line 640: 0001 (version) 0001 (source wPort: client 1)
    // 0001 (destination wPort: server 1) 002A (42 APDU bytes) | 62 28 … (RLRQ with ciphered user-information)
    const apdu = '6228800100BE230421211F3000000B9132E2E82F22B3158DF8AC414F57049725A9377AAF0E50E2208972';
    const hex = '000100010001002A' + apdu;
    const pdu: WrapperPdu = { source: 1, destination: 1, apdu: fromHex(apdu) };
    expect(toHex(encodeWrapper(pdu))).to.equal(hex);
    expect(decodeWrapper(fromHex(hex))).to.deep.equal(pdu);
  });

  it('decodes the header of the recorded AARQ (c_wrapper_gmac.trace line 12)', () => {
    const h = decodeWrapperHeader(new ByteReader(fromHex('000100010001005F605D')));
    expect(h).to.deep.equal({ version: 1, source: 1, destination: 1, length: 0x5f });
  });

  it('round-trips every PDU', () => {
    fc.assert(
      fc.property(
        fc.record({ source: fc.integer({ min: 0, max: 0xffff }), destination: fc.integer({ min: 0, max: 0xffff }), apdu: fc.uint8Array({ maxLength: 600 }) }),
        (pdu) => {
          expect(decodeWrapper(encodeWrapper(pdu))).to.deep.equal(pdu);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('encodes every PDU to exactly the bytes of the raw encoder without overrides, and decodes it alike as a view', () => {
    fc.assert(
      fc.property(
        fc.record({ source: fc.integer({ min: 0, max: 0xffff }), destination: fc.integer({ min: 0, max: 0xffff }), apdu: fc.uint8Array({ maxLength: 600 }) }),
        (pdu) => {
          const bytes = encodeWrapper(pdu);
          expect(toHex(bytes)).to.equal(toHex(encodeRawWrapper(pdu)));
          const viewed = decodeWrapper(bytes, 0, { apduView: true });
          expect(viewed).to.deep.equal(decodeWrapper(bytes));
          expect(viewed.apdu.buffer).to.equal(bytes.buffer);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('refuses a version other than 0001', () => {
    const e = decodeErrorOf(() => decodeWrapper(encodeRawWrapper({ source: 1, destination: 1, apdu: fromHex('C0') }, { version: 2 }), 40));
    expect([e.code, e.offset]).to.deep.equal(['WRAPPER_BAD_VERSION', 40]);
  });

  it('refuses a length field that does not match the APDU, either way', () => {
    const pdu = { source: 1, destination: 1, apdu: fromHex('C00102') };
    const long = decodeErrorOf(() => decodeWrapper(encodeRawWrapper(pdu, { length: 4 })));
    expect([long.code, long.offset]).to.deep.equal(['WRAPPER_LENGTH_MISMATCH', 6]);
    expect(decodeErrorOf(() => decodeWrapper(encodeRawWrapper(pdu, { length: 2 }))).code).to.equal('WRAPPER_LENGTH_MISMATCH');
  });

  it('refuses fewer than eight header bytes', () => {
    expect(decodeErrorOf(() => decodeWrapper(fromHex('00010001000100'))).code).to.equal('WRAPPER_TRUNCATED');
  });

  it('refuses to encode an APDU longer than the 16-bit length allows', () => {
    expect(() => encodeWrapper({ source: 1, destination: 1, apdu: new Uint8Array(0x10000) })).to.throw(RangeError);
  });
});
