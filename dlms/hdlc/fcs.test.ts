import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex } from '../bytes/hex';
import { fcs16, fcs16Bytes, fcs16Valid, readCheck } from './fcs';

describe('FCS-16 (RFC 1662, CRC-16/X.25)', () => {
  it('gives the catalogued check value 0x906E for "123456789"', () => {
    // Reveng CRC catalogue, CRC-16/IBM-SDLC (alias X.25): check = 0x906E.
    expect(fcs16(new TextEncoder().encode('123456789'))).to.equal(0x906e);
  });

  it('matches the FCS of a recorded SNRM, sent low byte first', () => {
    // c_hdlc_none.trace line 10: 7E A0 07 03 21 93 | 0F 01 | 7E
    const frame = fromHex('7EA0070321930F017E');
    expect(fcs16(frame, 1, 6)).to.equal(0x010f);
    expect(Array.from(fcs16Bytes(frame, 1, 6))).to.deep.equal([0x0f, 0x01]);
    expect(readCheck(frame, 6)).to.equal(0x010f);
  });

  it('matches the HCS of a recorded UA with parameters', () => {
    // c_hdlc_none.trace line 11: 7E A0 1E 21 03 73 | C3 7A | 81 80 12 ...
    const frame = fromHex('7EA01E210373C37A818012050180060180070400000001080400000001533B7E');
    expect(readCheck(frame, 6)).to.equal(fcs16(frame, 1, 6));
  });

  it('accepts data followed by its own FCS and rejects any single flipped bit', () => {
    const frame = fromHex('7EA0070321930F017E');
    expect(fcs16Valid(frame, 1, 8)).to.equal(true);
    for (let bit = 8; bit < 8 * 8; bit++) {
      const bad = frame.slice();
      bad[bit >>> 3]! ^= 1 << (bit & 7);
      expect(fcs16Valid(bad, 1, 8), `bit ${bit}`).to.equal(false);
    }
  });

  it('validates any data with its appended FCS', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (data) => {
        const all = new Uint8Array(data.length + 2);
        all.set(data);
        all.set(fcs16Bytes(data), data.length);
        return fcs16Valid(all);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('treats fewer than two bytes as invalid', () => {
    expect(fcs16Valid(new Uint8Array(1))).to.equal(false);
  });
});
