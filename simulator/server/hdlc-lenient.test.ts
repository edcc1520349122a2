import { expect } from 'chai';
import { toHex } from '../../dlms/bytes';
import { clientAddress, serverAddress } from '../../dlms/hdlc/address';
import { craftFrame, oddAddressBytes } from '../../dlms/hdlc/craft';
import type { HdlcFrame } from '../../dlms/hdlc/frame';
import { FlagFramer, readLeniently } from './hdlc-lenient';

const own = serverAddress(1, 16);
const disc: HdlcFrame = { type: 'DISC', destination: serverAddress(1), source: clientAddress(16), pf: true };

describe('careless HDLC reading (for simulator faults only)', () => {
  it('cuts the stream at flags whatever the length field says', () => {
    const f = new FlagFramer();
    const events = f.feed(Uint8Array.of(0x7e, 0xa0, 0x05, 0x03, 0x21, 0x53, 0x7e, 0x7e, 0x01, 0x7e), 0);
    expect(events.map((e) => (e.type === 'frame' ? toHex(e.bytes) : e.type))).to.deep.equal(['7EA0050321537E', '7E017E']);
    expect(f.deadline()).to.equal(undefined);
  });

  it('reads the addresses and control of frames with a wrong format, length or no FCS', () => {
    for (const c of ['too-short', 'wrong-format-type', 'wrong-length', 'bad-fcs'] as const) {
      expect(readLeniently(craftFrame(disc, c), { format: true, addressLength: false, own }), c).to.deep.equal(disc);
    }
  });

  it('takes a 3- or 5-byte destination as its own address only when told to', () => {
    const bytes = craftFrame(disc, undefined, { destinationBytes: oddAddressBytes(own, 3) });
    expect(readLeniently(bytes, { format: false, addressLength: false, own })).to.equal(undefined);
    expect(readLeniently(bytes, { format: false, addressLength: true, own })).to.deep.equal({ ...disc, destination: own });
  });
});
