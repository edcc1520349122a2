/**
 * The behaviour cases of the HDLC link faults, for faults.test.ts: what the clean meter answers
 * to a frame, then what the faulty one answers instead. They drive the sans-IO server
 * connection (framer, link machine, session) with crafted frames, no transport.
 */
import { expect } from 'chai';
import { clientAddress, serverAddress, type HdlcAddress } from '../../../../dlms/hdlc/address';
import { craftFrame, oddAddressBytes, type Corruption, type CraftOptions } from '../../../../dlms/hdlc/craft';
import { decodeFrame, type HdlcFrame } from '../../../../dlms/hdlc/frame';
import { addLlc } from '../../../../dlms/hdlc/llc';
import { infoOfParameters, parameterList, parametersOfInfo, settingsOf } from '../../../../dlms/hdlc/parameters';
import { createServerConnection, type ServerConnection } from '../../../../simulator/server/connection';
import { aarqBytes, DEFAULT, getBytes, T0 } from '../testing';
import { activeHooks } from '../../../../simulator/faults/types';
import { faultsNamed } from '../../../../simulator/faults';

const CLIENT = clientAddress(16);
const SERVER = serverAddress(1);
const MAXIMUM = { maxInfoFieldLengthTransmit: 2030, maxInfoFieldLengthReceive: 2030, windowSizeTransmit: 7, windowSizeReceive: 7 };

type Fields = Record<string, unknown> & { type: HdlcFrame['type'] };

class Line {
  readonly conn: ServerConnection;
  constructor(faults: readonly string[]) {
    this.conn = createServerConnection({ meter: DEFAULT, framing: 'hdlc', hooks: activeHooks(faultsNamed(faults)), startedAt: T0 });
  }

  bytes(b: Uint8Array, now = T0): HdlcFrame[] {
    return this.conn.receive(b, now).map((x) => decodeFrame(x));
  }

  send(f: Fields, o: { corrupt?: Corruption; craft?: CraftOptions; now?: number; destination?: HdlcAddress; source?: HdlcAddress } = {}): HdlcFrame[] {
    const frame = { destination: o.destination ?? SERVER, source: o.source ?? CLIENT, pf: true, ...f } as HdlcFrame;
    return this.bytes(craftFrame(frame, o.corrupt, o.craft ?? {}), o.now);
  }

  /** SNRM/UA, optionally an AARQ in I(0,0) answered by the AARE. */
  static connected(faults: readonly string[], associated = false): Line {
    const l = new Line(faults);
    expect(l.send({ type: 'SNRM', info: new Uint8Array(0) }).map((f) => f.type)).to.deep.equal(['UA']);
    if (associated) expect(l.send({ type: 'I', ns: 0, nr: 0, segmented: false, info: addLlc('request', aarqBytes()) }).map((f) => f.type)).to.deep.equal(['I']);
    return l;
  }
}

const types = (frames: readonly HdlcFrame[]): string[] => frames.map((f) => f.type);
const GET_LDN = (ns: number, nr: number): Fields => ({ type: 'I', ns, nr, segmented: false, info: addLlc('request', getBytes(1, '0-0:42.0.0.255', 2)) });
const GET_LIST = (ns: number, nr: number): Fields => ({ type: 'I', ns, nr, segmented: false, info: addLlc('request', getBytes(15, '0-0:40.0.0.255', 2)) });

/** Both lines, clean and faulty, after `setup`, then what `probe` returns on each. */
function both<T>(fault: string, setup: (faults: string[]) => Line, probe: (l: Line) => T): [T, T] {
  return [probe(setup([])), probe(setup([fault]))];
}

export const HDLC_FAULT_CASES: Readonly<Record<string, () => void>> = {
  'hdlc-ignores-inter-frame-timeout': () => {
    const [clean, faulty] = both(
      'hdlc-ignores-inter-frame-timeout',
      (f) => Line.connected(f),
      (l) => {
        l.send({ type: 'DISC' }, { corrupt: 'missing-closing-flag' });
        return types(l.send({ type: 'RR', nr: 0 }, { now: T0 + 500 }));
      },
    );
    expect(clean).to.deep.equal(['RR']);
    expect(faulty[0]).to.equal('UA');
  },

  'hdlc-ignores-inactivity-timeout': () => {
    const [clean, faulty] = both(
      'hdlc-ignores-inactivity-timeout',
      (f) => Line.connected(f),
      (l) => types(l.send({ type: 'DISC' }, { now: T0 + DEFAULT.hdlc.inactivityTimeoutS * 1000 + 100 })),
    );
    expect(clean).to.deep.equal(['DM']);
    expect(faulty).to.deep.equal(['UA']);
  },

  'hdlc-accepts-malformed-frames': () => {
    for (const corrupt of ['too-short', 'wrong-format-type', 'wrong-length'] as const) {
      const [clean, faulty] = both(
        'hdlc-accepts-malformed-frames',
        (f) => Line.connected(f),
        (l) => types(l.send({ type: 'DISC' }, { corrupt })),
      );
      expect(clean, corrupt).to.deep.equal([]);
      expect(faulty, corrupt).to.deep.equal(['UA']);
    }
  },

  'hdlc-accepts-bad-address-length': () => {
    const craft = { destinationBytes: oddAddressBytes(serverAddress(1, 16), 3) };
    const [clean, faulty] = both(
      'hdlc-accepts-bad-address-length',
      (f) => new Line(f),
      (l) => types(l.send({ type: 'SNRM', info: new Uint8Array(0) }, { craft })),
    );
    expect(clean).to.deep.equal([]);
    expect(faulty).to.deep.equal(['UA']);
  },

  'hdlc-unknown-control-disconnects': () => {
    const [clean, faulty] = both(
      'hdlc-unknown-control-disconnects',
      (f) => Line.connected(f),
      (l) => types(l.send({ type: 'RR', nr: 0 }, { corrupt: 'unknown-control' })),
    );
    expect(clean).to.deep.equal([]);
    expect(faulty).to.deep.equal(['UA']);
  },

  'hdlc-answers-other-address': () => {
    const [clean, faulty] = both(
      'hdlc-answers-other-address',
      (f) => new Line(f),
      (l) => types(l.send({ type: 'SNRM', info: new Uint8Array(0) }, { destination: serverAddress(0x5a) })),
    );
    expect(clean).to.deep.equal([]);
    expect(faulty).to.deep.equal(['UA']);
  },

  'hdlc-accepts-any-address-size': () => {
    const [clean, faulty] = both(
      'hdlc-accepts-any-address-size',
      (f) => new Line(f),
      (l) => types(l.send({ type: 'SNRM', info: new Uint8Array(0) }, { destination: serverAddress(1, 16, 4) })),
    );
    expect(clean).to.deep.equal([]);
    expect(faulty).to.deep.equal(['UA']);
  },

  'hdlc-no-dm-in-ndm': () => {
    const [clean, faulty] = both(
      'hdlc-no-dm-in-ndm',
      (f) => new Line(f),
      (l) => types(l.send({ type: 'DISC' })),
    );
    expect(clean).to.deep.equal(['DM']);
    expect(faulty).to.deep.equal([]);
  },

  'hdlc-serves-in-ndm': () => {
    const aarq: Fields = { type: 'I', ns: 0, nr: 0, segmented: false, info: addLlc('request', aarqBytes()) };
    const [clean, faulty] = both(
      'hdlc-serves-in-ndm',
      (f) => new Line(f),
      (l) => [...types(l.send(aarq)), ...types(l.send({ type: 'RR', nr: 0 }))],
    );
    expect(clean).to.deep.equal(['DM', 'DM']);
    expect(faulty).to.deep.equal(['I', 'RR']);
  },

  'hdlc-accepts-long-client-address': () => {
    const source: HdlcAddress = { size: 2, upper: 16, lower: 1 };
    const [clean, faulty] = both(
      'hdlc-accepts-long-client-address',
      (f) => new Line(f),
      (l) => types(l.send({ type: 'SNRM', info: new Uint8Array(0) }, { source })),
    );
    expect(clean).to.deep.equal([]);
    expect(faulty).to.deep.equal(['UA']);
  },

  'hdlc-wrong-response-address': () => {
    const [clean, faulty] = both(
      'hdlc-wrong-response-address',
      (f) => new Line(f),
      (l) => l.send({ type: 'SNRM', info: new Uint8Array(0) })[0]?.source,
    );
    expect(clean).to.deep.equal(SERVER);
    expect(faulty?.size).to.equal(2);
  },

  'hdlc-ua-exceeds-proposal': () => {
    const info = infoOfParameters(
      parameterList({ maxInfoFieldLengthTransmit: 64, maxInfoFieldLengthReceive: 64, windowSizeTransmit: 1, windowSizeReceive: 1 }),
    );
    const [clean, faulty] = both(
      'hdlc-ua-exceeds-proposal',
      (f) => new Line(f),
      (l) => {
        const ua = l.send({ type: 'SNRM', info })[0];
        return ua?.type === 'UA' ? settingsOf(parametersOfInfo(ua.info)).maxInfoFieldLengthTransmit : undefined;
      },
    );
    expect(clean).to.equal(64);
    expect(faulty).to.equal(2030);
  },

  'hdlc-ua-params-mismatch': () => {
    const info = infoOfParameters(parameterList(MAXIMUM));
    const [clean, faulty] = both(
      'hdlc-ua-params-mismatch',
      (f) => new Line(f),
      (l) => {
        const ua = l.send({ type: 'SNRM', info })[0];
        return ua?.type === 'UA' ? settingsOf(parametersOfInfo(ua.info)).maxInfoFieldLengthReceive : undefined;
      },
    );
    expect(clean).to.equal(DEFAULT.hdlc.maxInfoRx);
    expect(faulty).to.equal(DEFAULT.hdlc.maxInfoRx - 1);
  },

  'hdlc-oversized-info-field': () => {
    const [clean, faulty] = both(
      'hdlc-oversized-info-field',
      (f) => Line.connected(f, true),
      (l) => l.send(GET_LIST(1, 1)).map((f) => (f.type === 'I' ? f.info.length : 0)),
    );
    expect(Math.max(...clean)).to.equal(DEFAULT.hdlc.maxInfoTx);
    expect(Math.max(...faulty)).to.equal(DEFAULT.hdlc.maxInfoTx + 16);
  },

  'hdlc-ignores-window': () => {
    const [clean, faulty] = both(
      'hdlc-ignores-window',
      (f) => Line.connected(f, true),
      (l) => types(l.send(GET_LIST(1, 1))).length,
    );
    expect(clean).to.equal(DEFAULT.hdlc.windowTx);
    expect(faulty).to.equal(7);
  },

  'hdlc-accepts-oversized-info': () => {
    const info = new Uint8Array(DEFAULT.hdlc.maxInfoRx + 1);
    info.set(addLlc('request', getBytes(1, '0-0:42.0.0.255', 2)));
    const [clean, faulty] = both(
      'hdlc-accepts-oversized-info',
      (f) => Line.connected(f),
      (l) => types(l.send({ type: 'I', ns: 0, nr: 0, segmented: false, info })),
    );
    expect(clean).to.deep.equal(['FRMR']);
    expect(faulty).to.deep.equal(['I']);
  },

  'hdlc-ignores-invalid-nr': () => {
    const [clean, faulty] = both(
      'hdlc-ignores-invalid-nr',
      (f) => Line.connected(f),
      (l) => types(l.send(GET_LDN(0, 4))),
    );
    expect(clean).to.deep.equal(['FRMR']);
    expect(faulty).to.deep.equal(['I']);
  },

  'hdlc-wrong-ns': () => {
    const [clean, faulty] = both(
      'hdlc-wrong-ns',
      (f) => Line.connected(f),
      (l) => types(l.send(GET_LDN(2, 0))),
    );
    expect(clean).to.deep.equal(['RR']);
    expect(faulty).to.deep.equal(['I']);
  },

  'hdlc-bad-send-sequence': () => {
    const [clean, faulty] = both(
      'hdlc-bad-send-sequence',
      (f) => Line.connected(f, true),
      (l) => l.send(GET_LDN(1, 1)).map((f) => (f.type === 'I' ? f.ns : -1)),
    );
    expect(clean).to.deep.equal([1]);
    expect(faulty).to.deep.equal([3]);
  },

  'hdlc-repeated-frame-processed': () => {
    const again: Fields = { type: 'I', ns: 0, nr: 0, segmented: false, info: addLlc('request', aarqBytes()) };
    const [clean, faulty] = both(
      'hdlc-repeated-frame-processed',
      (f) => Line.connected(f, true),
      (l) => l.send(again).map((f) => (f.type === 'I' ? `${f.ns}/${f.nr}` : f.type)),
    );
    expect(clean).to.deep.equal(['0/1']);
    expect(faulty).to.deep.equal(['0/2']);
  },

  'hdlc-no-reassembly': () => {
    const aarq = addLlc('request', aarqBytes());
    const [clean, faulty] = both(
      'hdlc-no-reassembly',
      (f) => Line.connected(f),
      (l) => types(l.send({ type: 'I', ns: 0, nr: 0, segmented: true, info: aarq.subarray(0, 20) })),
    );
    expect(clean).to.deep.equal(['RR']);
    expect(faulty).to.deep.equal(['I']);
  },
};
