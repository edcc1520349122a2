import { expect } from 'chai';
import fc from 'fast-check';
import { fromHex } from '../dlms/bytes/hex';
import {
  CLIENT_ISN,
  DLMS_TCP_PORT,
  DUT_ISN,
  MAX_TCP_PAYLOAD,
  SYNTHETIC_CLIENT_PORT,
  SyntheticTcpStream,
  encodeIpv4Tcp,
  internetChecksum,
} from './synthetic-tcp';

/** Reads the fields a test checks back out of one datagram (RFC 791 / RFC 793 layouts). */
function parse(d: Uint8Array): {
  total: number;
  proto: number;
  src: string;
  dst: string;
  sport: number;
  dport: number;
  seq: number;
  ack: number;
  flags: number;
  payload: Uint8Array;
} {
  const v = new DataView(d.buffer, d.byteOffset, d.byteLength);
  return {
    total: v.getUint16(2),
    proto: v.getUint8(9),
    src: [...d.subarray(12, 16)].join('.'),
    dst: [...d.subarray(16, 20)].join('.'),
    sport: v.getUint16(20),
    dport: v.getUint16(22),
    seq: v.getUint32(24),
    ack: v.getUint32(28),
    flags: v.getUint8(33),
    payload: d.subarray(40),
  };
}

/** The TCP checksum recomputed over pseudo-header + segment as sent: 0 when it is right. */
function tcpChecksumOf(d: Uint8Array): number {
  const segment = d.subarray(20);
  const pseudo = Uint8Array.of(...d.subarray(12, 20), 0, 6, segment.length >>> 8, segment.length & 0xff);
  return internetChecksum(pseudo, segment);
}

describe('synthetic IPv4/TCP around wrapper PDUs', () => {
  describe('internetChecksum', () => {
    it('gives 220D for the worked example of RFC 1071 section 3 (sum DDF2)', () => {
      // RFC 1071 3 "Numerical Examples": bytes 00 01 F2 03 F4 F5 F6 F7 sum to DDF2; the checksum is its complement.
      expect(internetChecksum(fromHex('0001F203F4F5F6F7'))).to.equal(0x220d);
    });

    it('gives B861 for the classic IPv4 header example 4500 0073 0000 4000 4011 .... C0A8 0001 C0A8 00C7', () => {
      // The header checksum example used in most IPv4 references (192.168.0.1 → 192.168.0.199, UDP, length 0x73).
      expect(internetChecksum(fromHex('450000730000400040110000C0A80001C0A800C7'))).to.equal(0xb861);
      expect(internetChecksum(fromHex('45000073000040004011B861C0A80001C0A800C7'))).to.equal(0);
    });

    it('pads an odd last byte with zero', () => {
      expect(internetChecksum(Uint8Array.of(0x12))).to.equal(~0x1200 & 0xffff);
      expect(internetChecksum(Uint8Array.of(0x12, 0x34), Uint8Array.of(0x56))).to.equal(internetChecksum(Uint8Array.of(0x12, 0x34, 0x56, 0)));
    });
  });

  describe('encodeIpv4Tcp', () => {
    const payload = fromHex('000100100001000DC001C1000100002A0000FF0200');

    it('addresses a client segment from 192.0.2.1:port to 192.0.2.2:4059 with PSH+ACK and the given numbers', () => {
      const d = encodeIpv4Tcp({ fromClient: true, srcPort: SYNTHETIC_CLIENT_PORT, dstPort: DLMS_TCP_PORT, seq: 7, ack: 9, ipId: 3, payload });
      const p = parse(d);
      expect(p).to.deep.include({
        total: 40 + payload.length,
        proto: 6,
        src: '192.0.2.1',
        dst: '192.0.2.2',
        sport: 49152,
        dport: 4059,
        seq: 7,
        ack: 9,
        flags: 0x18,
      });
      expect(p.payload).to.deep.equal(payload);
      expect(d[0]).to.equal(0x45);
    });

    it('writes an IPv4 header checksum and a TCP checksum that both verify', () => {
      const d = encodeIpv4Tcp({ fromClient: false, srcPort: DLMS_TCP_PORT, dstPort: SYNTHETIC_CLIENT_PORT, seq: 0xfffffff0, ack: 1, ipId: 0, payload });
      expect(internetChecksum(d.subarray(0, 20))).to.equal(0);
      expect(tcpChecksumOf(d)).to.equal(0);
      expect(parse(d)).to.deep.include({ src: '192.0.2.2', dst: '192.0.2.1', seq: 0xfffffff0 });
    });

    it('verifies both checksums for any payload (property)', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), fc.nat(), fc.nat(), (bytes, fromClient, seq, ack) => {
          const d = encodeIpv4Tcp({ fromClient, srcPort: 1, dstPort: 2, seq, ack, ipId: seq & 0xffff, payload: bytes });
          return internetChecksum(d.subarray(0, 20)) === 0 && tcpChecksumOf(d) === 0 && parse(d).payload.length === bytes.length;
        }),
        { seed: 42, numRuns: 500 },
      );
    });
  });

  describe('SyntheticTcpStream', () => {
    it('advances each side by its payload length and acknowledges what the peer sent', () => {
      const s = new SyntheticTcpStream(SYNTHETIC_CLIENT_PORT);
      const a = parse(s.segments(true, new Uint8Array(31))[0]!);
      const b = parse(s.segments(false, new Uint8Array(43))[0]!);
      const c = parse(s.segments(true, new Uint8Array(13))[0]!);
      expect([a.seq, a.ack]).to.deep.equal([CLIENT_ISN, DUT_ISN]);
      expect([b.seq, b.ack]).to.deep.equal([DUT_ISN, CLIENT_ISN + 31]);
      expect([c.seq, c.ack]).to.deep.equal([CLIENT_ISN + 31, DUT_ISN + 43]);
    });

    it('splits a PDU longer than one IPv4 datagram can carry, sequence numbers continuing', () => {
      const s = new SyntheticTcpStream(SYNTHETIC_CLIENT_PORT);
      const parts = s.segments(false, new Uint8Array(MAX_TCP_PAYLOAD + 10)).map(parse);
      expect(parts.map((p) => p.payload.length)).to.deep.equal([MAX_TCP_PAYLOAD, 10]);
      expect(parts[1]!.seq).to.equal(DUT_ISN + MAX_TCP_PAYLOAD);
      expect(parts[0]!.total).to.equal(0xffff);
    });

    it('still makes one (empty) segment for an empty PDU', () => {
      expect(new SyntheticTcpStream(SYNTHETIC_CLIENT_PORT).segments(true, new Uint8Array(0))).to.have.length(1);
    });
  });
});
