import { expect } from 'chai';
import { CONTROL, controlByte, FRAME_TYPES, frameTypeOfControl, parseControl } from './control';

describe('HDLC control field', () => {
  it('gives the control bytes of Green Book 8.4.3.4 with P/F set', () => {
    const expected = { SNRM: 0x93, DISC: 0x53, UA: 0x73, DM: 0x1f, FRMR: 0x97, UI: 0x13 } as const;
    for (const [type, byte] of Object.entries(expected)) {
      expect(controlByte({ type: type as keyof typeof expected, pf: true, ns: 0, nr: 0 }), type).to.equal(byte);
    }
  });

  it('places N(S) and N(R) in I frames and N(R) in RR and RNR', () => {
    // c_hdlc_none.trace: 0x10 = I N(S)=0 N(R)=0 P=1 (the AARQ); 0x51 = RR N(R)=2 P=1.
    expect(controlByte({ type: 'I', pf: true, ns: 0, nr: 0 })).to.equal(0x10);
    expect(parseControl(0x32)).to.deep.equal({ type: 'I', pf: true, ns: 1, nr: 1 });
    expect(parseControl(0x51)).to.deep.equal({ type: 'RR', pf: true, ns: 0, nr: 2 });
    expect(controlByte({ type: 'RNR', pf: false, ns: 5, nr: 7 })).to.equal(0xe5);
  });

  it('maps each of the 256 control bytes to at most one type and back', () => {
    for (let b = 0; b < 256; b++) {
      const f = parseControl(b);
      if (f === undefined) continue;
      expect(controlByte(f), `0x${b.toString(16)}`).to.equal(b);
    }
  });

  it('knows no type for REJ, SREJ and undefined unnumbered codes', () => {
    expect(frameTypeOfControl(0x09)).to.equal(undefined); // REJ
    expect(frameTypeOfControl(0x0d)).to.equal(undefined); // SREJ
    expect(frameTypeOfControl(0xff)).to.equal(undefined);
  });

  it('has a table row for every frame type', () => {
    expect(Object.keys(CONTROL).sort()).to.deep.equal([...FRAME_TYPES].sort());
  });
});
