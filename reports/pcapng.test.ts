import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex, toHex } from '../dlms/bytes/hex';
import type { TraceRecord } from '../dlms/trace';
import { BLOCK_TYPE, EPB_DIRECTION, LINKTYPE, OPTION, traceToPcapng, utf8Within } from './pcapng';
import { DLMS_TCP_PORT, SYNTHETIC_CLIENT_PORT } from './synthetic-tcp';

/** A minimal big-endian pcapng reader, enough to check what the writer produced. */
interface Block {
  readonly type: number;
  readonly body: Uint8Array;
}
interface Option {
  readonly code: number;
  readonly value: Uint8Array;
}
interface Packet {
  readonly iface: number;
  readonly micros: bigint;
  readonly data: Uint8Array;
  readonly comments: string[];
  readonly flags: number | undefined;
}

function blocks(file: Uint8Array): Block[] {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const out: Block[] = [];
  for (let at = 0; at < file.length;) {
    const type = v.getUint32(at);
    const total = v.getUint32(at + 4);
    expect(total % 4, 'block length is a multiple of 4').to.equal(0);
    expect(v.getUint32(at + total - 4), 'trailing block length').to.equal(total);
    out.push({ type, body: file.subarray(at + 8, at + total - 4) });
    at += total;
  }
  return out;
}

function options(bytes: Uint8Array): Option[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Option[] = [];
  for (let at = 0; at < bytes.length;) {
    const code = v.getUint16(at);
    const length = v.getUint16(at + 2);
    if (code === OPTION.endOfOptions) {
      expect(at + 4, 'opt_endofopt closes the options').to.equal(bytes.length);
      break;
    }
    out.push({ code, value: bytes.subarray(at + 4, at + 4 + length) });
    at += 4 + length + ((4 - (length % 4)) % 4);
  }
  return out;
}

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

function packets(file: Uint8Array): Packet[] {
  return blocks(file)
    .filter((b) => b.type === BLOCK_TYPE.enhancedPacket)
    .map((b) => {
      const v = new DataView(b.body.buffer, b.body.byteOffset, b.body.byteLength);
      const captured = v.getUint32(12);
      expect(v.getUint32(16), 'original length').to.equal(captured);
      const opts = options(b.body.subarray(20 + captured + ((4 - (captured % 4)) % 4)));
      const flags = opts.find((o) => o.code === OPTION.epbFlags)?.value;
      return {
        iface: v.getUint32(0),
        micros: (BigInt(v.getUint32(4)) << 32n) | BigInt(v.getUint32(8)),
        data: b.body.subarray(20, 20 + captured),
        comments: opts.filter((o) => o.code === OPTION.comment).map((o) => text(o.value)),
        flags: flags && new DataView(flags.buffer, flags.byteOffset).getUint32(0),
      };
    });
}

function interfaces(file: Uint8Array): { linkType: number; name: string }[] {
  return blocks(file)
    .filter((b) => b.type === BLOCK_TYPE.interfaceDescription)
    .map((b) => ({ linkType: (b.body[0]! << 8) | b.body[1]!, name: text(options(b.body.subarray(8)).find((o) => o.code === OPTION.ifName)!.value) }));
}

const hdlc = (at: number, dir: 'tx' | 'rx', hex: string, summary: string, note?: string): TraceRecord => ({
  at,
  dir,
  bytes: fromHex(hex),
  layers: [{ layer: 'hdlc', summary }],
  ...(note === undefined ? {} : { note }),
});
const wrapper = (at: number, dir: 'tx' | 'rx', hex: string): TraceRecord => ({
  at,
  dir,
  bytes: fromHex(hex),
  layers: [
    { layer: 'wrapper', summary: 'wrapper' },
    { layer: 'apdu', summary: 'x' },
  ],
});
const event = (at: number, note: string): TraceRecord => ({ at, dir: 'event', layers: [], note });

// An SNRM and its UA, bytes from this project's own HDLC trace (client/simulator, addresses 1 and 16).
const SNRM = '7EA0070321930F017E';
const UA = '7EA00721037301407E';
const START = Date.UTC(2024, 0, 2, 3, 4, 5, 678);

describe('traceToPcapng', () => {
  it('writes an empty trace as exactly one section header block (golden bytes, pcapng 4.1)', () => {
    const file = traceToPcapng([], { startedAtMs: START });
    expect(toHex(file)).to.equal(
      [
        '0A0D0D0A', // block type: Section Header Block
        '0000002C', // block total length 44
        '1A2B3C4D', // byte-order magic, big-endian
        '0001', // major version 1
        '0000', // minor version 0
        'FFFFFFFFFFFFFFFF', // section length: not given
        '0004', // shb_userappl
        '0006', // 6 bytes
        '646C6D736374', // "dlmsct"
        '0000', // padding to 32 bits
        '00000000', // opt_endofopt
        '0000002C', // block total length again
      ].join(''),
    );
    expect(blocks(file).map((b) => b.type)).to.deep.equal([BLOCK_TYPE.sectionHeader]);
  });

  it('carries each HDLC frame verbatim on one LINKTYPE_USER0 interface, timestamped start + at in microseconds', () => {
    const file = traceToPcapng([hdlc(2.697, 'tx', SNRM, 'SNRM P/F=1'), hdlc(20.254, 'rx', UA, 'UA P/F=1')], { startedAtMs: START });
    expect(interfaces(file)).to.deep.equal([{ linkType: LINKTYPE.user0, name: 'hdlc' }]);
    const ps = packets(file);
    expect(ps.map((p) => toHex(p.data))).to.deep.equal([SNRM, UA]);
    expect(ps.map((p) => p.micros)).to.deep.equal([BigInt(START) * 1000n + 2697n, BigInt(START) * 1000n + 20254n]);
    expect(ps.map((p) => p.iface)).to.deep.equal([0, 0]);
  });

  it('marks tx as outbound and rx as inbound in epb_flags', () => {
    const ps = packets(traceToPcapng([hdlc(1, 'tx', SNRM, 'SNRM'), hdlc(2, 'rx', UA, 'UA')], { startedAtMs: START }));
    expect(ps.map((p) => p.flags)).to.deep.equal([EPB_DIRECTION.outbound, EPB_DIRECTION.inbound]);
  });

  it("keeps a record's note as a comment and folds events into the next packet's comments, in order", () => {
    const ps = packets(
      traceToPcapng([event(0.5, 'connected: memory'), event(0.7, 'associate public'), hdlc(1, 'tx', SNRM, 'SNRM', 'retransmission'), hdlc(2, 'rx', UA, 'UA')], {
        startedAtMs: START,
      }),
    );
    expect(ps[0]!.comments).to.deep.equal(['event at 0.500 ms: connected: memory', 'event at 0.700 ms: associate public', 'retransmission']);
    expect(ps[1]!.comments).to.deep.equal([]);
  });

  it('puts events after the last packet into the section header comments, after the caller comment', () => {
    const file = traceToPcapng([hdlc(1, 'tx', SNRM, 'SNRM'), event(2000, 'no answer within 2000 ms')], { startedAtMs: START, comment: 'HDLC-X1 a title' });
    const shb = blocks(file)[0]!;
    const comments = options(shb.body.subarray(16))
      .filter((o) => o.code === OPTION.comment)
      .map((o) => text(o.value));
    expect(comments).to.deep.equal(['HDLC-X1 a title', 'event at 2000.000 ms: no answer within 2000 ms']);
  });

  it('wraps each wrapper PDU in IPv4/TCP on a LINKTYPE_RAW interface, to and from port 4059', () => {
    const pdu1 = '0001001000010005C001C10001';
    const pdu2 = '000100010010000AC401C1000903444C4D';
    const file = traceToPcapng([wrapper(1, 'tx', pdu1), wrapper(2, 'rx', pdu2)], { startedAtMs: START });
    expect(interfaces(file)).to.deep.equal([{ linkType: LINKTYPE.raw, name: 'tcp-4059' }]);
    const [a, b] = packets(file).map((p) => p.data);
    expect(toHex(a!.subarray(40))).to.equal(pdu1);
    expect(toHex(b!.subarray(40))).to.equal(pdu2);
    const ports = (d: Uint8Array): number[] => [(d[20]! << 8) | d[21]!, (d[22]! << 8) | d[23]!];
    expect(ports(a!)).to.deep.equal([SYNTHETIC_CLIENT_PORT, DLMS_TCP_PORT]);
    expect(ports(b!)).to.deep.equal([DLMS_TCP_PORT, SYNTHETIC_CLIENT_PORT]);
  });

  it('starts a new synthetic connection (the next client port) at a second `connected` event', () => {
    const file = traceToPcapng(
      [event(0, 'connected: tcp #1'), wrapper(1, 'tx', '0001001000010001C0'), event(5, 'connected: tcp #2'), wrapper(6, 'tx', '0001001000010001C0')],
      { startedAtMs: START },
    );
    const sport = (d: Uint8Array): number => (d[20]! << 8) | d[21]!;
    expect(packets(file).map((p) => sport(p.data))).to.deep.equal([SYNTHETIC_CLIENT_PORT, SYNTHETIC_CLIENT_PORT + 1]);
  });

  it('declares one interface per carrier when a trace holds both, each packet on its own', () => {
    const file = traceToPcapng([hdlc(1, 'tx', SNRM, 'SNRM'), wrapper(2, 'tx', '0001001000010001C0')], { startedAtMs: START });
    expect(interfaces(file).map((i) => i.linkType)).to.deep.equal([LINKTYPE.user0, LINKTYPE.raw]);
    expect(packets(file).map((p) => p.iface)).to.deep.equal([0, 1]);
  });

  it('carries bytes the framer discarded (no decoded layer) on the trace framing, or the one given', () => {
    const junk: TraceRecord = { at: 3, dir: 'rx', bytes: Uint8Array.of(1, 2, 3), layers: [], note: 'discarded by the framer (garbage)' };
    expect(interfaces(traceToPcapng([hdlc(1, 'tx', SNRM, 'SNRM'), junk], { startedAtMs: START })).map((i) => i.linkType)).to.deep.equal([LINKTYPE.user0]);
    expect(interfaces(traceToPcapng([junk], { startedAtMs: START, framing: 'wrapper' })).map((i) => i.linkType)).to.deep.equal([LINKTYPE.raw]);
  });

  it('cuts an over-long comment at a character boundary within the 16-bit option length', () => {
    const cut = utf8Within('é'.repeat(40000), 0xffff);
    expect(cut.length).to.equal(0xfffe);
    expect(text(cut)).to.equal('é'.repeat(0x7fff));
    expect(() => traceToPcapng([hdlc(1, 'tx', SNRM, 'SNRM', 'x'.repeat(70000))], { startedAtMs: START })).not.to.throw();
  });

  it('round-trips any HDLC trace: one packet per frame record, same bytes, direction and order (property)', () => {
    const record = fc.record({
      at: fc.double({ min: 0, max: 1e6, noNaN: true }),
      dir: fc.constantFrom<'tx' | 'rx' | 'event'>('tx', 'rx', 'event'),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      note: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), (rs) => {
        const trace: TraceRecord[] = rs
          .sort((a, b) => a.at - b.at)
          .map((r) =>
            r.dir === 'event'
              ? { at: r.at, dir: 'event', layers: [], note: r.note ?? 'e' }
              : { at: r.at, dir: r.dir, bytes: r.bytes, layers: [{ layer: 'hdlc', summary: 's' }], ...(r.note === undefined ? {} : { note: r.note }) },
          );
        const frames = trace.filter((r) => r.dir !== 'event');
        const ps = packets(traceToPcapng(trace, { startedAtMs: START }));
        expect(ps.map((p) => toHex(p.data))).to.deep.equal(frames.map((r) => toHex(r.bytes!)));
        expect(ps.map((p) => p.flags)).to.deep.equal(frames.map((r) => (r.dir === 'tx' ? EPB_DIRECTION.outbound : EPB_DIRECTION.inbound)));
        expect(ps.map((p) => p.micros)).to.deep.equal(frames.map((r) => BigInt(Math.round((START + r.at) * 1000))));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
