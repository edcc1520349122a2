/**
 * Synthetic IPv4 + TCP headers around wrapper PDUs, so that a trace taken above the socket reads
 * in Wireshark as DLMS over TCP port 4059 (IEC 62056-47 / Green Book 7.3.3: the IANA port for
 * DLMS/COSEM). The packets never existed on a wire: no handshake, no retransmission, no window;
 * one PSH+ACK segment per PDU (split only past the IPv4 size limit), sequence numbers advancing by
 * the payload length, every checksum correct so Wireshark's validation stays quiet.
 *
 * Addresses are from TEST-NET-1 (RFC 5737), reserved for documentation, so a synthetic packet is
 * never mistaken for a real host.
 */
import { ByteWriter } from '../dlms/bytes/writer';

/** IANA-registered port for DLMS/COSEM over TCP and UDP (Green Book 7.3.3). */
export const DLMS_TCP_PORT = 4059;
/** RFC 5737 TEST-NET-1: 192.0.2.1 stands for the harness, 192.0.2.2 for the device under test. */
export const SYNTHETIC_CLIENT_IP = Uint8Array.of(192, 0, 2, 1);
export const SYNTHETIC_DUT_IP = Uint8Array.of(192, 0, 2, 2);
/** First ephemeral port (RFC 6335); a reconnection in the trace takes the next one. */
export const SYNTHETIC_CLIENT_PORT = 49152;
/** Initial sequence numbers; arbitrary, distinct so the two directions are told apart at a glance. */
export const CLIENT_ISN = 0x10000000;
export const DUT_ISN = 0x20000000;

const IPV4_HEADER_LENGTH = 20;
const TCP_HEADER_LENGTH = 20;
/** RFC 791: total length is 16 bits, so one datagram carries at most this much TCP payload. */
export const MAX_TCP_PAYLOAD = 0xffff - IPV4_HEADER_LENGTH - TCP_HEADER_LENGTH;
const PROTOCOL_TCP = 6;
const TTL = 64;
const FLAG_DONT_FRAGMENT = 0x4000;
const TCP_PSH_ACK = 0x18;
const TCP_WINDOW = 0xffff;

/**
 * RFC 1071 Internet checksum: the one's complement of the one's-complement sum of 16-bit words.
 * Parts are summed as if concatenated; each part but the last must have an even length (headers
 * and the pseudo-header do), so padding an odd last byte with zero is exactly RFC 1071's rule.
 */
export function internetChecksum(...parts: readonly Uint8Array[]): number {
  let sum = 0;
  for (const bytes of parts) {
    for (let i = 0; i < bytes.length; i += 2) sum += ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  }
  // Arithmetic, not bit operators: the sum of a large segment can pass 2^31.
  while (sum > 0xffff) sum = (sum % 0x10000) + Math.floor(sum / 0x10000);
  return ~sum & 0xffff;
}

export interface TcpSegment {
  readonly fromClient: boolean;
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  readonly ack: number;
  /** IPv4 identification: a per-direction counter. */
  readonly ipId: number;
  readonly payload: Uint8Array;
}

/** One IPv4 datagram (LINKTYPE_RAW) carrying one TCP segment, both checksums computed. */
export function encodeIpv4Tcp(s: TcpSegment): Uint8Array {
  const src = s.fromClient ? SYNTHETIC_CLIENT_IP : SYNTHETIC_DUT_IP;
  const dst = s.fromClient ? SYNTHETIC_DUT_IP : SYNTHETIC_CLIENT_IP;
  const tcpLength = TCP_HEADER_LENGTH + s.payload.length;

  const ip = new ByteWriter()
    .u8(0x45) // version 4, IHL 5 words: no options
    .u8(0) // DSCP/ECN
    .u16(IPV4_HEADER_LENGTH + tcpLength)
    .u16(s.ipId & 0xffff)
    .u16(FLAG_DONT_FRAGMENT)
    .u8(TTL)
    .u8(PROTOCOL_TCP)
    .u16(0) // header checksum, filled below
    .bytes(src)
    .bytes(dst)
    .finish();
  const ipSum = internetChecksum(ip);
  ip[10] = ipSum >>> 8;
  ip[11] = ipSum & 0xff;

  const tcp = new ByteWriter()
    .u16(s.srcPort)
    .u16(s.dstPort)
    .u32(s.seq >>> 0)
    .u32(s.ack >>> 0)
    .u8((TCP_HEADER_LENGTH / 4) << 4) // data offset in words, no options
    .u8(TCP_PSH_ACK)
    .u16(TCP_WINDOW)
    .u16(0) // checksum, filled below
    .u16(0) // urgent pointer
    .finish();
  // RFC 793 3.1: the checksum covers a pseudo-header (addresses, protocol, TCP length) too.
  const pseudo = new ByteWriter().bytes(src).bytes(dst).u8(0).u8(PROTOCOL_TCP).u16(tcpLength).finish();
  const tcpSum = internetChecksum(pseudo, tcp, s.payload);
  tcp[16] = tcpSum >>> 8;
  tcp[17] = tcpSum & 0xff;

  return new ByteWriter().bytes(ip).bytes(tcp).bytes(s.payload).finish();
}

/**
 * The two directions of one synthetic connection: each PDU becomes one or more segments, the
 * sender's sequence number advancing by the payload, the acknowledgement naming everything the
 * peer has sent so far.
 */
export class SyntheticTcpStream {
  private clientSeq = CLIENT_ISN;
  private dutSeq = DUT_ISN;
  private clientIpId = 0;
  private dutIpId = 0;

  constructor(private readonly clientPort: number) {}

  /** The IPv4 datagrams for one PDU; more than one only when the PDU exceeds MAX_TCP_PAYLOAD. */
  segments(fromClient: boolean, pdu: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (let at = 0; at < pdu.length || (at === 0 && pdu.length === 0); at += MAX_TCP_PAYLOAD) {
      const payload = pdu.subarray(at, at + MAX_TCP_PAYLOAD);
      out.push(
        encodeIpv4Tcp({
          fromClient,
          srcPort: fromClient ? this.clientPort : DLMS_TCP_PORT,
          dstPort: fromClient ? DLMS_TCP_PORT : this.clientPort,
          seq: fromClient ? this.clientSeq : this.dutSeq,
          ack: fromClient ? this.dutSeq : this.clientSeq,
          ipId: fromClient ? this.clientIpId++ : this.dutIpId++,
          payload,
        }),
      );
      if (fromClient) this.clientSeq = (this.clientSeq + payload.length) >>> 0;
      else this.dutSeq = (this.dutSeq + payload.length) >>> 0;
      if (pdu.length === 0) break;
    }
    return out;
  }
}
