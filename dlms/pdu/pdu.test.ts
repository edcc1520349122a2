import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, DecodeError, fromHex, toHex } from '../bytes';
import { arbApdu } from '../../test/support/dlms/xdlms/arbitrary';
import { decodeErrorOf, recordedApdus } from '../../test/support/dlms/xdlms/test-support';
import { arbAcse } from '../../test/support/dlms/acse/arbitrary';
import { decodeAcseBytes, decodePdu, decodePduBytes, encodeAcseBytes, encodePduBytes, isAcse } from './pdu';

/**
 * Where the recorded independent meter is at fault (README of test/vectors): the exact error a
 * good decoder must report, by recording and line.
 */
const METER_FAULTS: Readonly<Record<string, Readonly<Record<number, readonly [string, number]>>>> = {
  'c_hdlc_none.trace': {
    309: ['TRAILING_BYTES', 18], // 18 bytes after a complete get-response (clock time)
    797: ['TRAILING_BYTES', 10], // 14 bytes after a complete get-response with-datablock
  },
  'c_wrapper_gmac.trace': {
    641: ['TRUNCATED', 7], // RLRE whose user-information length runs past the RLRE's own
  },
};

/**
 * APDUs that decode but whose re-encoding may differ: line 635 carries a Data boolean encoded as
 * 0x03, which A-XDR reads as TRUE and the Data codec writes back as 0x01.
 */
const NORMALISED: Readonly<Record<string, readonly number[]>> = { 'c_hdlc_none.trace': [635], 'c_wrapper_gmac.trace': [] };

describe('PDU dispatch (ACSE and xDLMS)', () => {
  it('tells ACSE from xDLMS by the first octet', () => {
    expect(decodePduBytes(fromHex('6203800100')).type).to.equal('rlrq');
    expect(decodePduBytes(fromHex('C401C10102')).type).to.equal('get-response');
    const e = decodeErrorOf(() => decodePduBytes(fromHex('64 00'), 3));
    expect([e.code, e.offset]).to.deep.equal(['PDU_UNKNOWN_TAG', 3]);
  });

  it('reports bytes after an ACSE APDU as TRAILING_BYTES', () => {
    const e = decodeErrorOf(() => decodePduBytes(fromHex('6203800100 AA')));
    expect([e.code, e.offset]).to.deep.equal(['TRAILING_BYTES', 5]);
    expect(decodeErrorOf(() => decodeAcseBytes(fromHex('C401C10102'))).code).to.equal('ACSE_UNKNOWN_TAG');
  });

  it('leaves the bytes after a PDU to the caller of decodePdu', () => {
    const r = new ByteReader(fromHex('6200 6300'));
    expect(decodePdu(r).type).to.equal('rlrq');
    expect(decodePdu(r).type).to.equal('rlre');
    expect(r.done).to.equal(true);
  });

  for (const name of Object.keys(METER_FAULTS)) {
    it(`decodes every APDU of ${name} and re-encodes it to the same bytes, reporting the meter's faults exactly`, () => {
      const faults: Record<number, readonly [string, number]> = {};
      const differing: number[] = [];
      let decoded = 0;
      for (const rec of recordedApdus(name)) {
        try {
          const pdu = decodePduBytes(rec.bytes);
          decoded++;
          if (toHex(encodePduBytes(pdu)) !== toHex(rec.bytes)) {
            differing.push(rec.line);
            expect(decodePduBytes(encodePduBytes(pdu)), `line ${rec.line}`).to.deep.equal(pdu);
          }
        } catch (e) {
          if (!(e instanceof DecodeError)) throw e;
          faults[rec.line] = [e.code, e.offset];
        }
      }
      expect(faults).to.deep.equal(METER_FAULTS[name]);
      expect(
        differing.every((line) => NORMALISED[name]?.includes(line)),
        `lines ${differing.join(', ')}`,
      ).to.equal(true);
      expect(decoded).to.be.greaterThan(600);
    });
  }

  it('round-trips every PDU', () => {
    fc.assert(
      fc.property(fc.oneof(arbAcse(), arbApdu()), (pdu) => {
        expect(decodePduBytes(encodePduBytes(pdu))).to.deep.equal(pdu);
        if (isAcse(pdu)) expect(decodeAcseBytes(encodeAcseBytes(pdu))).to.deep.equal(pdu);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
