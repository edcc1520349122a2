import { expect } from 'chai';
import { fromHex, toHex } from '../bytes/hex';
import { clientAddress, serverAddress } from './address';
import { fcs16, fcs16Valid, readCheck } from './fcs';
import { encodeRawFrame } from './raw-frame';

const base = { destination: serverAddress(1), source: clientAddress(0x10), control: 0x93 };

describe('raw HDLC frame assembly', () => {
  it('builds a correct frame when nothing is overridden', () => {
    // c_hdlc_none.trace line 10 (SNRM).
    expect(toHex(encodeRawFrame(base))).to.equal('7EA0070321930F017E');
  });

  it('computes the FCS over a wrong length field, so the length is the only fault', () => {
    const b = encodeRawFrame({ ...base, overrides: { length: 0x20 } });
    expect(toHex(b.subarray(0, 3))).to.equal('7EA020');
    expect(fcs16Valid(b, 1, b.length - 1)).to.equal(true);
  });

  it('takes address bytes verbatim, whatever their extension bits', () => {
    const b = encodeRawFrame({ ...base, destination: fromHex('000203'), source: fromHex('21') });
    expect(toHex(b.subarray(3, 7))).to.equal('00020321');
    expect(b[2]).to.equal(b.length - 2);
  });

  it('sets a given HCS or FCS, or corrupts the correct one, or leaves it out', () => {
    const info = fromHex('E6E600');
    const withHcs = encodeRawFrame({ ...base, control: 0x10, info, overrides: { hcs: 0xbeef } });
    expect(readCheck(withHcs, 6)).to.equal(0xbeef);
    const corrupt = encodeRawFrame({ ...base, control: 0x10, info, overrides: { hcs: 'corrupt' } });
    expect(readCheck(corrupt, 6)).to.equal(fcs16(corrupt, 1, 6) ^ 0xffff);
    const noFcs = encodeRawFrame({ ...base, overrides: { fcs: 'omit' } });
    expect(toHex(noFcs)).to.equal('7EA005032193' + '7E');
    const fcsSet = encodeRawFrame({ ...base, overrides: { fcs: 0x0102 } });
    expect(toHex(fcsSet)).to.equal('7EA0070321930201' + '7E');
  });

  it('can leave out either flag or replace it', () => {
    expect(toHex(encodeRawFrame({ ...base, overrides: { openingFlag: null, closingFlag: 0x7d } }))).to.equal('A0070321930F017D');
  });

  it('sets the S bit and any format type', () => {
    const b = encodeRawFrame({ ...base, segmented: true, overrides: { formatType: 0x9 } });
    expect(b[1]).to.equal(0x98);
  });
});
