/**
 * A case's frame trace as a pcapng capture (IETF draft-ietf-opsawg-pcapng, "PCAP Next
 * Generation Dump File Format"), for Wireshark and tshark with tools/wireshark/dlms.lua.
 *
 * - One Section Header Block, then one Interface Description Block per carrier the trace uses:
 *   HDLC frames, whole `7E … 7E`, on LINKTYPE_USER0 (147: no standard link type carries
 *   IEC 62056-46 HDLC); wrapper PDUs, whole, on LINKTYPE_RAW (101) inside synthetic IPv4/TCP
 *   headers to or from port 4059 (see synthetic-tcp.ts).
 * - One Enhanced Packet Block per frame record (a wrapper PDU over 65,495 bytes takes more than
 *   one): timestamp = the case's wall-clock start + the record's monotonic `at`, in
 *   microseconds; direction in epb_flags (tx = outbound from the harness, rx = inbound); the
 *   record's note as an opt_comment.
 * - Events are not packets (nothing crossed the wire). Each becomes an opt_comment on the next
 *   packet, `event at 5.259 ms: link open …`, so it stays in order; events after the last packet
 *   become comments of the section header. An event `connected…` starts a new synthetic TCP
 *   connection (next client port, fresh sequence numbers).
 *
 * Everything is written big-endian: the byte-order magic tells readers so (pcapng 4.1).
 */
import { ByteWriter } from '../dlms/bytes/writer';
import type { TraceRecord } from '../dlms/trace';
import { SYNTHETIC_CLIENT_PORT, SyntheticTcpStream } from './synthetic-tcp';

/** pcapng 4.1–4.3, 11.1: block type codes. */
export const BLOCK_TYPE = { sectionHeader: 0x0a0d0d0a, interfaceDescription: 0x00000001, enhancedPacket: 0x00000006 } as const;
/** pcapng 4.1: written in the writer's byte order, read back to learn it. */
export const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
/** tcpdump.org link-layer header types. */
export const LINKTYPE = { raw: 101, user0: 147 } as const;
/** pcapng 3.5 (common), 4.1 (shb_*), 4.2 (if_*), 4.3 (epb_*) option codes. */
export const OPTION = { endOfOptions: 0, comment: 1, shbUserAppl: 4, ifName: 2, ifDescription: 3, ifTsresol: 9, epbFlags: 2 } as const;
/** pcapng 4.3 epb_flags bits 0-1: the packet's direction. */
export const EPB_DIRECTION = { inbound: 0b01, outbound: 0b10 } as const;
/** Options carry a 16-bit length. */
const MAX_OPTION_LENGTH = 0xffff;
/** if_tsresol 6: timestamps count microseconds (also pcapng's default, written for clarity). */
const TS_RESOLUTION_MICROSECONDS = 6;
const SNAP_LENGTH = 0x40000;

export const PCAPNG_CONTENT_TYPE = 'application/vnd.tcpdump.pcap';
export const PCAPNG_FILE_EXTENSION = 'pcapng';

export type Carrier = 'hdlc' | 'wrapper';

export interface PcapngOptions {
  /** Wall-clock time of the case start, ms since the Unix epoch: each timestamp is this plus `at`. */
  readonly startedAtMs: number;
  /** Carrier of records with no decoded layer (bytes the framer discarded); else the trace's first. */
  readonly framing?: Carrier;
  /** Section comment, e.g. the case id and title. */
  readonly comment?: string;
}

interface Packet {
  readonly carrier: Carrier;
  readonly at: number;
  readonly dir: 'tx' | 'rx';
  readonly data: Uint8Array;
  readonly comments: readonly string[];
}

const INTERFACE: Readonly<Record<Carrier, { linkType: number; name: string; description: string }>> = {
  hdlc: { linkType: LINKTYPE.user0, name: 'hdlc', description: 'DLMS/COSEM HDLC frames (IEC 62056-46), whole 7E..7E; dissector: tools/wireshark/dlms.lua' },
  wrapper: { linkType: LINKTYPE.raw, name: 'tcp-4059', description: 'DLMS/COSEM wrapper PDUs (IEC 62056-47) in synthetic IPv4/TCP to port 4059' },
};

export function traceToPcapng(trace: readonly TraceRecord[], options: PcapngOptions): Uint8Array {
  const { packets, trailing } = packetsOf(trace, options.framing ?? firstCarrier(trace));
  const carriers = (['hdlc', 'wrapper'] as const).filter((c) => packets.some((p) => p.carrier === c));
  const w = new ByteWriter();
  writeSectionHeader(w, [...(options.comment === undefined ? [] : [options.comment]), ...trailing]);
  for (const c of carriers) writeInterface(w, INTERFACE[c]);
  for (const p of packets) writeEnhancedPacket(w, carriers.indexOf(p.carrier), timestampMicros(options.startedAtMs, p.at), p);
  return w.finish();
}

/** Which carrier a record's bytes travelled on: its first decoded layer says; else the fallback. */
export function carrierOf(r: TraceRecord, fallback: Carrier): Carrier {
  const first = r.layers[0]?.layer;
  return first === 'hdlc' || first === 'wrapper' ? first : fallback;
}

function firstCarrier(trace: readonly TraceRecord[]): Carrier {
  for (const r of trace) {
    const first = r.layers[0]?.layer;
    if (first === 'hdlc' || first === 'wrapper') return first;
  }
  // No decoded frame at all: guess from the bytes (an HDLC frame opens with its flag).
  const bytes = trace.find((r) => r.bytes?.length)?.bytes;
  return bytes !== undefined && bytes[0] !== 0x7e ? 'wrapper' : 'hdlc';
}

function packetsOf(trace: readonly TraceRecord[], fallback: Carrier): { packets: Packet[]; trailing: string[] } {
  const packets: Packet[] = [];
  let pending: string[] = [];
  let clientPort = SYNTHETIC_CLIENT_PORT;
  let tcp = new SyntheticTcpStream(clientPort);
  let connections = 0;
  for (const r of trace) {
    if (r.dir === 'event' || r.bytes === undefined) {
      const note = r.note ?? r.layers.map((l) => l.summary).join(' | ');
      pending.push(`event at ${r.at.toFixed(3)} ms: ${note}`);
      if (r.dir === 'event' && /^connected\b/.test(r.note ?? '') && connections++ > 0) tcp = new SyntheticTcpStream(++clientPort);
      continue;
    }
    const carrier = carrierOf(r, fallback);
    const comments = [...pending, ...(r.note === undefined ? [] : [r.note])];
    pending = [];
    const datagrams = carrier === 'wrapper' ? tcp.segments(r.dir === 'tx', r.bytes) : [r.bytes];
    datagrams.forEach((data, i) =>
      packets.push({ carrier, at: r.at, dir: r.dir as 'tx' | 'rx', data, comments: i === 0 ? comments : [`segment ${i + 1} of ${datagrams.length}`] }),
    );
  }
  return { packets, trailing: pending };
}

function timestampMicros(startedAtMs: number, at: number): bigint {
  return BigInt(Math.round((startedAtMs + at) * 1000));
}

/** pcapng 3.1: type, total length, body (padded to 32 bits), total length again. */
function writeBlock(w: ByteWriter, type: number, body: Uint8Array): void {
  const total = 12 + body.length;
  w.u32(type).u32(total).bytes(body).u32(total);
}

function pad(w: ByteWriter, length: number): void {
  for (let i = length; i % 4 !== 0; i++) w.u8(0);
}

/** pcapng 3.5: code, length, value padded to 32 bits. */
function writeOption(w: ByteWriter, code: number, value: Uint8Array): void {
  w.u16(code).u16(value.length).bytes(value);
  pad(w, value.length);
}

function writeTextOption(w: ByteWriter, code: number, text: string): void {
  writeOption(w, code, utf8Within(text, MAX_OPTION_LENGTH));
}

/** UTF-8 of `text`, cut at a character boundary to fit `max` bytes. */
export function utf8Within(text: string, max: number): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--; // never split a multi-byte character
  return bytes.slice(0, end);
}

function writeSectionHeader(w: ByteWriter, comments: readonly string[]): void {
  const b = new ByteWriter()
    .u32(BYTE_ORDER_MAGIC)
    .u16(1) // major version
    .u16(0) // minor version
    .u64(-1n); // section length: not given
  for (const c of comments) writeTextOption(b, OPTION.comment, c);
  writeTextOption(b, OPTION.shbUserAppl, 'dlmsct');
  b.u16(OPTION.endOfOptions).u16(0);
  writeBlock(w, BLOCK_TYPE.sectionHeader, b.finish());
}

function writeInterface(w: ByteWriter, i: { linkType: number; name: string; description: string }): void {
  const b = new ByteWriter().u16(i.linkType).u16(0).u32(SNAP_LENGTH);
  writeTextOption(b, OPTION.ifName, i.name);
  writeTextOption(b, OPTION.ifDescription, i.description);
  writeOption(b, OPTION.ifTsresol, Uint8Array.of(TS_RESOLUTION_MICROSECONDS));
  b.u16(OPTION.endOfOptions).u16(0);
  writeBlock(w, BLOCK_TYPE.interfaceDescription, b.finish());
}

function writeEnhancedPacket(w: ByteWriter, interfaceId: number, micros: bigint, p: Packet): void {
  const b = new ByteWriter()
    .u32(interfaceId)
    .u32(Number(micros >> 32n))
    .u32(Number(micros & 0xffffffffn))
    .u32(p.data.length) // captured length
    .u32(p.data.length) // original length: the trace holds every byte
    .bytes(p.data);
  pad(b, p.data.length);
  for (const c of p.comments) writeTextOption(b, OPTION.comment, c);
  writeOption(b, OPTION.epbFlags, new ByteWriter().u32(p.dir === 'tx' ? EPB_DIRECTION.outbound : EPB_DIRECTION.inbound).finish());
  b.u16(OPTION.endOfOptions).u16(0);
  writeBlock(w, BLOCK_TYPE.enhancedPacket, b.finish());
}
