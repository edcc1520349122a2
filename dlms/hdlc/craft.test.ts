import { expect } from 'chai';
import { ByteReader } from '../bytes/reader';
import { isDecodeError } from '../bytes/decode-error';
import { toHex } from '../bytes/hex';
import { clientAddress, decodeAddress, serverAddress } from './address';
import { craftFrame, CORRUPTIONS, oddAddressBytes, type Corruption } from './craft';
import { decodeFrame, type HdlcFrame } from './frame';

const disc: HdlcFrame = { type: 'DISC', destination: serverAddress(1), source: clientAddress(16), pf: true };
const withInfo: HdlcFrame = {
  type: 'I',
  destination: serverAddress(1),
  source: clientAddress(16),
  pf: true,
  ns: 0,
  nr: 0,
  segmented: false,
  info: Uint8Array.of(0xe6, 0xe6, 0x00, 0x01),
};

function codeOf(bytes: Uint8Array): string | undefined {
  try {
    decodeFrame(bytes);
    return undefined;
  } catch (e) {
    if (isDecodeError(e)) return e.code;
    throw e;
  }
}

describe('crafted HDLC frames', () => {
  it('encodes an intact frame exactly as the codec does', () => {
    // c_hdlc_none.trace, last client frame: 7E A007 03 21 53 03C7 7E (DISC from 16 to 1).
    expect(toHex(craftFrame(disc))).to.equal('7EA0070321530 3C77E'.replace(/ /g, ''));
  });

  it('breaks exactly the named field, which the decoder then names', () => {
    const expected: Record<Corruption, string> = {
      'missing-opening-flag': 'HDLC_NO_OPENING_FLAG',
      'missing-closing-flag': 'HDLC_NO_CLOSING_FLAG',
      'missing-flags': 'HDLC_NO_OPENING_FLAG',
      'too-short': 'HDLC_TOO_SHORT',
      'wrong-format-type': 'HDLC_BAD_FORMAT_TYPE',
      'wrong-length': 'HDLC_LENGTH_MISMATCH',
      'unknown-control': 'HDLC_UNKNOWN_CONTROL',
      'bad-hcs': 'HDLC_BAD_HCS',
      'bad-fcs': 'HDLC_BAD_FCS',
    };
    for (const c of CORRUPTIONS) expect(codeOf(craftFrame(withInfo, c)), c).to.equal(expected[c]);
  });

  it('cuts a too-short frame after the control byte: 7 bytes with one-byte addresses', () => {
    expect(toHex(craftFrame(disc, 'too-short'))).to.equal('7EA00503215 37E'.replace(/ /g, ''));
  });

  it('sends address bytes of lengths the standard does not allow', () => {
    const three = oddAddressBytes(serverAddress(1, 16), 3);
    expect(toHex(three)).to.equal('020021');
    expect(() => decodeAddress(new ByteReader(three)))
      .to.throw()
      .with.property('code', 'HDLC_ADDRESS_BAD_LENGTH');
    const five = oddAddressBytes(serverAddress(1, 16), 5);
    expect(toHex(five)).to.equal('0200000021');
    expect(codeOf(craftFrame(disc, undefined, { destinationBytes: five }))).to.equal('HDLC_ADDRESS_TOO_LONG');
  });
});
