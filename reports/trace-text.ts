/**
 * A frame trace as people read it in a report attachment: one block per record, the time since
 * the case started, the direction, the bytes in hex (32 a line), then each decoded layer on a
 * line of its own (HDLC → APDU → deciphered APDU), and any decode error with its exact byte.
 *
 *        0.412 ms  tx  7E A0 07 03 21 93 0F 01 7E
 *                      hdlc  SNRM P/F=1 dst 1/16 src 16
 */
import { toHex } from '../dlms/bytes/hex';
import type { DecodedLayer, TraceRecord } from '../dlms/trace';

const BYTES_PER_LINE = 32;
const TIME_WIDTH = 12;
const INDENT = ' '.repeat(TIME_WIDTH + 6);

/**
 * `hex` writes every byte; `count` only how many there were (`[9 bytes]`), the decoded layers
 * being what a reader of a passing case looks at: the light report (light-report.ts) embeds that
 * form and links the file with the bytes.
 */
export type TraceBytes = 'hex' | 'count';

export function renderTraceText(trace: readonly TraceRecord[], bytes: TraceBytes = 'hex'): string {
  return trace.map((r) => renderRecord(r, bytes)).join('\n') + (trace.length ? '\n' : '');
}

export function renderRecord(r: TraceRecord, bytes: TraceBytes = 'hex'): string {
  const time = `${r.at.toFixed(3)} ms`.padStart(TIME_WIDTH);
  const dir = r.dir === 'event' ? '--' : r.dir;
  const lines: string[] = [];
  if (r.bytes) {
    const hex = bytes === 'hex' ? hexLines(r.bytes) : [byteCount(r.bytes.length)];
    lines.push(`${time}  ${dir}  ${hex[0] ?? ''}${r.note ? `   (${r.note})` : ''}`);
    for (const more of hex.slice(1)) lines.push(`${INDENT}${more}`);
  } else {
    lines.push(`${time}  ${dir}  ${r.note ?? ''}`);
  }
  for (const layer of r.layers) lines.push(...renderLayer(layer));
  return lines.join('\n');
}

function renderLayer(layer: DecodedLayer): string[] {
  // A layer name as long as the column (deciphered-apdu) keeps one space before its summary.
  const out = [`${INDENT}${layer.layer.length >= 8 ? `${layer.layer} ` : layer.layer.padEnd(8)}${layer.summary}`];
  if (layer.error) {
    const e = layer.error;
    out.push(`${INDENT}${''.padEnd(8)}!! ${e.code} at byte ${e.offset}: expected ${e.expected}, got ${e.actual}`);
  }
  return out;
}

function byteCount(n: number): string {
  return n === 0 ? '(no bytes)' : `[${n} byte${n === 1 ? '' : 's'}]`;
}

/** A frame's first line (time, tx/rx, hex, an optional note) and the hex lines that continue it. */
const FRAME_HEAD = /^( *\d+\.\d{3} ms {2}(?:tx|rx) {2})((?:[0-9A-F]{2} )*[0-9A-F]{2})((?: {3}\(.*\))?)$/;
const HEX_MORE = new RegExp(`^ {${INDENT.length}}((?:[0-9A-F]{2} )*[0-9A-F]{2})$`);

/**
 * The `count` form of a trace from its `hex` form (what renderTraceText wrote, as stored beside
 * the results), so that a report can be made light without the trace records.
 */
export function withByteCounts(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = FRAME_HEAD.exec(lines[i]!);
    if (!head) {
      out.push(lines[i]!);
      continue;
    }
    let n = hexCount(head[2]!);
    for (let more = HEX_MORE.exec(lines[i + 1] ?? ''); more; more = HEX_MORE.exec(lines[i + 1] ?? '')) {
      n += hexCount(more[1]!);
      i++;
    }
    out.push(`${head[1]}${byteCount(n)}${head[3]}`);
  }
  return out.join('\n');
}

function hexCount(line: string): number {
  return (line.length + 1) / 3;
}

function hexLines(bytes: Uint8Array): string[] {
  if (bytes.length === 0) return ['(no bytes)'];
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += BYTES_PER_LINE) out.push(toHex(bytes.subarray(i, i + BYTES_PER_LINE), ' '));
  return out;
}
