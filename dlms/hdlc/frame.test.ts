import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError } from '../bytes/decode-error';
import { fromHex, toHex } from '../bytes/hex';
import { clientAddress, serverAddress } from './address';
import { arbFrame } from '../../test/support/dlms/hdlc/arbitrary';
import { decodeFrame, encodeFrame, encodeRawFrame, frameControl, frameInfo, type HdlcFrame, type RawFrame } from './frame';
import { thrownBy } from '../../test/helpers/thrown';

const decodeErrorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

const server = serverAddress(1);
const client = clientAddress(0x10);

/** Golden frames, checked both ways: encode(value) == bytes and decode(bytes) == value. */
const GOLDEN: readonly { readonly source: string; readonly hex: string; readonly frame: HdlcFrame }[] = [
  {
    // c_hdlc_none.trace line 10: 7E | A0 07 (type A, S=0, length 7) | 03 (server 1) | 21 (client 16)
    // | 93 (SNRM, P) | 0F 01 (FCS) | 7E. No information field, so no HCS.
    source: 'c_hdlc_none.trace:10 SNRM',
    hex: '7EA0070321930F017E',
    frame: { type: 'SNRM', destination: server, source: client, pf: true, info: new Uint8Array(0) },
  },
  {
    // c_hdlc_none.trace line 11: A0 1E | 21 | 03 | 73 (UA, F) | C3 7A (HCS) | 81 80 12 … (parameters) | 53 3B (FCS)
    source: 'c_hdlc_none.trace:11 UA',
    hex: '7EA01E210373C37A818012050180060180070400000001080400000001533B7E',
    frame: { type: 'UA', destination: client, source: server, pf: true, info: fromHex('818012050180060180070400000001080400000001') },
  },
  {
    // c_hdlc_none.trace line 12: A0 2B | 03 | 21 | 10 (I, N(S)=0 N(R)=0 P) | FB AF (HCS) | E6 E6 00 (LLC) AARQ … | E7 25 (FCS)
    source: 'c_hdlc_none.trace:12 I (AARQ)',
    hex: '7EA02B032110FBAFE6E600601DA109060760857405080101BE10040E01000000065F1F0400401E1DFFFFE7257E',
    frame: {
      type: 'I',
      destination: server,
      source: client,
      pf: true,
      ns: 0,
      nr: 0,
      segmented: false,
      info: fromHex('E6E600601DA109060760857405080101BE10040E01000000065F1F0400401E1DFFFF'),
    },
  },
  {
    // c_hdlc_none.trace line 16: A0 07 | 03 | 21 | 51 (RR, N(R)=2, P) | 11 E4 (FCS)
    source: 'c_hdlc_none.trace:16 RR',
    hex: '7EA00703215111E47E',
    frame: { type: 'RR', destination: server, source: client, pf: true, nr: 2 },
  },
  {
    // c_hdlc_none.trace: last C2S frame: A0 07 | 03 | 21 | 53 (DISC, P) | 03 C7 (FCS)
    source: 'c_hdlc_none.trace DISC',
    hex: '7EA00703215303C77E',
    frame: { type: 'DISC', destination: server, source: client, pf: true },
  },
  {
    // DLMS UA worked examples (Gyozo Kmethy), SNRM to a four-byte server address:
    // A0 0A | 00 02 00 23 (upper 1, lower 0x11) | 21 (client 16) | 93 | 18 71 (FCS)
    source: 'DLMS UA examples (Kmethy) SNRM',
    hex: '7EA00A00020023219318717E',
    frame: { type: 'SNRM', destination: serverAddress(1, 0x11, 4), source: client, pf: true, info: new Uint8Array(0) },
  },
  {
    // The same example's UA: A0 23 | 21 | 00 02 00 23 | 73 | F6 C5 (HCS) | 81 80 14 … | CE 6A (FCS)
    source: 'DLMS UA examples (Kmethy) UA',
    hex: '7EA023210002002373F6C58180140502008006020080070400000001080400000001CE6A7E',
    frame: {
      type: 'UA',
      destination: client,
      source: serverAddress(1, 0x11, 4),
      pf: true,
      info: fromHex('8180140502008006020080070400000001080400000001'),
    },
  },
];

describe('HDLC frame codec', () => {
  for (const g of GOLDEN) {
    it(`encodes and decodes the golden ${g.source}`, () => {
      expect(toHex(encodeFrame(g.frame))).to.equal(g.hex);
      expect(decodeFrame(fromHex(g.hex))).to.deep.equal(g.frame);
    });
  }

  it('decodes a segmented I frame from the recording with its S bit, N(S) and N(R)', () => {
    // c_hdlc_none.trace line 15: A8 86 (type A, S=1, length 134) | 21 | 03 | 52 (I, N(S)=1 N(R)=2 F)
    const hex =
      '7EA8862103527F1BE6E700C402C10000000001008201DA0134020412000F110209060000280000FF0202010B02030F0116010002030F0216010002030F0316010002030F0416010002030F0516010002030F0616010002030F0716010002030F0816010002030F0916010002030F0A16010002030F0B160100010602020F01160002020F0208D47E';
    const f = decodeFrame(fromHex(hex));
    expect(f).to.include({ type: 'I', ns: 1, nr: 2, pf: true, segmented: true });
    expect(frameInfo(f).length).to.equal(134 - 2 - 1 - 1 - 1 - 2 - 2);
    expect(toHex(encodeFrame(f))).to.equal(hex);
  });

  it('round-trips every frame', () => {
    fc.assert(
      fc.property(arbFrame(), (f) => {
        expect(decodeFrame(encodeFrame(f))).to.deep.equal(f);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('encodes every frame to exactly the bytes of the raw encoder without overrides', () => {
    fc.assert(
      fc.property(arbFrame(), (f) => {
        const raw: RawFrame = {
          destination: f.destination,
          source: f.source,
          control: frameControl(f),
          segmented: 'segmented' in f && f.segmented,
          info: frameInfo(f),
        };
        expect(toHex(encodeFrame(f))).to.equal(toHex(encodeRawFrame(raw)));
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('decodes the information field as a view of the frame when asked, equal to the copy it gives otherwise', () => {
    fc.assert(
      fc.property(arbFrame(), (f) => {
        const bytes = encodeFrame(f);
        const viewed = decodeFrame(bytes, 0, { infoView: true });
        expect(viewed).to.deep.equal(decodeFrame(bytes));
        if (frameInfo(viewed).length > 0) expect(frameInfo(viewed).buffer).to.equal(bytes.buffer);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('gives each frame the control byte of its type', () => {
    expect(frameControl({ type: 'UA', destination: client, source: server, pf: false, info: new Uint8Array(0) })).to.equal(0x63);
    expect(frameControl({ type: 'I', destination: server, source: client, pf: false, ns: 7, nr: 7, segmented: false, info: new Uint8Array(1) })).to.equal(0xee);
  });
});

describe('HDLC frame decoding failures', () => {
  const ok: RawFrame = { destination: server, source: client, control: 0x10, info: fromHex('E6E600C001C1') };
  const codeOf = (raw: RawFrame | Uint8Array, base = 0): DecodeError =>
    decodeErrorOf(() => decodeFrame(raw instanceof Uint8Array ? raw : encodeRawFrame(raw), base));

  it('accepts the unaltered reference frame', () => {
    expect(decodeFrame(encodeRawFrame(ok)).type).to.equal('I');
  });

  it('refuses an empty or too short buffer', () => {
    expect(codeOf(new Uint8Array(0)).code).to.equal('HDLC_TOO_SHORT');
    expect(codeOf(fromHex('7EA0057E')).code).to.equal('HDLC_TOO_SHORT');
  });

  it('refuses a frame without its opening flag', () => {
    const e = codeOf({ ...ok, overrides: { openingFlag: null } });
    expect(e.code).to.equal('HDLC_NO_OPENING_FLAG');
    expect(e.offset).to.equal(0);
  });

  it('refuses a frame without its closing flag', () => {
    expect(codeOf({ ...ok, overrides: { closingFlag: 0x7d } }).code).to.equal('HDLC_NO_CLOSING_FLAG');
  });

  it('refuses a frame format type other than A', () => {
    const e = codeOf({ ...ok, overrides: { formatType: 0x9 } });
    expect(e.code).to.equal('HDLC_BAD_FORMAT_TYPE');
    expect(e.offset).to.equal(1);
  });

  it('refuses a length field that does not count the bytes between the flags', () => {
    const e = codeOf({ ...ok, overrides: { length: 18 } });
    expect(e.code).to.equal('HDLC_LENGTH_MISMATCH');
    expect(e.actual).to.equal('18');
  });

  it('refuses a wrong FCS and points at it', () => {
    const bytes = encodeRawFrame({ ...ok, overrides: { fcs: 'corrupt' } });
    const e = codeOf(bytes, 100);
    expect(e.code).to.equal('HDLC_BAD_FCS');
    expect(e.offset).to.equal(100 + bytes.length - 3);
  });

  it('refuses a wrong HCS behind a correct FCS', () => {
    const e = codeOf({ ...ok, overrides: { hcs: 'corrupt' } });
    expect(e.code).to.equal('HDLC_BAD_HCS');
    expect(e.offset).to.equal(6);
  });

  it('refuses a control byte that names no DLMS frame type', () => {
    const e = codeOf({ ...ok, control: 0x09 }); // REJ
    expect(e.code).to.equal('HDLC_UNKNOWN_CONTROL');
    expect(e.offset).to.equal(5);
  });

  it('refuses destination addresses of three bytes, five bytes, or without an end', () => {
    expect(codeOf({ ...ok, destination: fromHex('000203') }).code).to.equal('HDLC_ADDRESS_BAD_LENGTH');
    expect(codeOf({ ...ok, destination: fromHex('0000000003') }).code).to.equal('HDLC_ADDRESS_TOO_LONG');
    expect(codeOf({ ...ok, destination: fromHex('0202'), source: new Uint8Array(0), info: new Uint8Array(0) }).code).to.equal('HDLC_ADDRESS_UNTERMINATED');
  });

  it('refuses a source address of three bytes at its own offset', () => {
    const e = codeOf({ ...ok, source: fromHex('000221') });
    expect(e.code).to.equal('HDLC_ADDRESS_BAD_LENGTH');
    expect(e.offset).to.equal(4);
  });

  it('refuses an HCS with no information after it, and a stray byte without an HCS', () => {
    expect(codeOf({ ...ok, info: new Uint8Array(0), overrides: { hcs: 0x1234 } }).code).to.equal('HDLC_BAD_INFO_LENGTH');
    expect(codeOf({ ...ok, info: fromHex('E6'), overrides: { hcs: 'omit' } }).code).to.equal('HDLC_BAD_INFO_LENGTH');
  });

  it('refuses an information field in a frame type that carries none', () => {
    for (const control of [0x51, 0x55, 0x53, 0x1f]) {
      expect(codeOf({ ...ok, control }).code, `control ${control.toString(16)}`).to.equal('HDLC_UNEXPECTED_INFO');
    }
  });

  it('refuses the segmentation bit outside I and UI frames', () => {
    expect(codeOf({ ...ok, control: 0x93, segmented: true }).code).to.equal('HDLC_UNEXPECTED_SEGMENT');
    expect(decodeFrame(encodeRawFrame({ ...ok, control: 0x13, segmented: true })).type).to.equal('UI');
  });
});
