import { expect } from 'chai';
import fc from 'fast-check';
import { ByteReader, ByteWriter, fromHex, toHex } from '../bytes';
import { decodeErrorOf, recordedApdu } from '../../test/support/dlms/xdlms/test-support';
import { arbRlre, arbRlrq } from '../../test/support/dlms/acse/arbitrary';
import { decodeAcseBytes, encodeAcseBytes } from '../pdu/pdu';
import { decodeRlre, decodeRlrq, encodeRlre, encodeRlrq } from './release';

describe('RLRQ and RLRE', () => {
  it('decodes the recorded release request and response (c_hdlc_none.trace lines 798, 799)', () => {
    // 62 03 80 01 00: RLRQ, reason [0] normal; 63 03 80 01 00: RLRE, reason normal
    const rlrq = recordedApdu('c_hdlc_none.trace', 798).bytes;
    const rlre = recordedApdu('c_hdlc_none.trace', 799).bytes;
    expect(decodeAcseBytes(rlrq)).to.deep.equal({ type: 'rlrq', reason: 'normal' });
    expect(decodeAcseBytes(rlre)).to.deep.equal({ type: 'rlre', reason: 'normal' });
    expect(encodeAcseBytes({ type: 'rlrq', reason: 'normal' })).to.deep.equal(rlrq);
    expect(encodeAcseBytes({ type: 'rlre', reason: 'normal' })).to.deep.equal(rlre);
  });

  it('decodes the ciphered RLRQ of the GMAC recording with its glo-initiate-request (c_wrapper_gmac.trace line 640)', () => {
    const bytes = recordedApdu('c_wrapper_gmac.trace', 640).bytes;
    const rlrq = decodeRlrq(new ByteReader(bytes));
    expect(rlrq.reason).to.equal('normal');
    expect(rlrq.userInformation?.apdu?.type).to.equal('ciphered');
    const w = new ByteWriter();
    encodeRlrq(w, rlrq);
    expect(toHex(w.finish())).to.equal(toHex(bytes));
  });

  it("reports the recorded meter's RLRE, whose lengths do not nest, as TRUNCATED inside it (c_wrapper_gmac.trace line 641)", () => {
    // 63 24 announces 36 content bytes, but BE 22 at byte 5 announces 34 from byte 7: only 31 are left in the RLRE.
    const e = decodeErrorOf(() => decodeAcseBytes(recordedApdu('c_wrapper_gmac.trace', 641).bytes));
    expect([e.code, e.offset]).to.deep.equal(['TRUNCATED', 7]);
  });

  it('names the release-response reasons apart from the request reasons', () => {
    expect(decodeAcseBytes(fromHex('6203800101'))).to.deep.equal({ type: 'rlrq', reason: 'urgent' });
    expect(decodeAcseBytes(fromHex('6303800101'))).to.deep.equal({ type: 'rlre', reason: 'not-finished' });
    expect(decodeAcseBytes(fromHex('620380011E'))).to.deep.equal({ type: 'rlrq', reason: 'user-defined' });
  });

  it('accepts an empty RLRQ (every field is optional)', () => {
    expect(decodeAcseBytes(fromHex('6200'))).to.deep.equal({ type: 'rlrq' });
  });

  it('round-trips every RLRQ and RLRE', () => {
    fc.assert(
      fc.property(arbRlrq(), arbRlre(), (rlrq, rlre) => {
        const w = new ByteWriter();
        encodeRlrq(w, rlrq);
        encodeRlre(w, rlre);
        const r = new ByteReader(w.finish());
        expect(decodeRlrq(r)).to.deep.equal(rlrq);
        expect(decodeRlre(r)).to.deep.equal(rlre);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
