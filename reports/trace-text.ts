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

export function renderTraceText(trace: readonly TraceRecord[]): string {
  return trace.map(renderRecord).join('\n') + (trace.length ? '\n' : '');
}

export function renderRecord(r: TraceRecord): string {
  const time = `${r.at.toFixed(3)} ms`.padStart(TIME_WIDTH);
  const dir = r.dir === 'event' ? '--' : r.dir;
  const lines: string[] = [];
  if (r.bytes) {
    const hex = hexLines(r.bytes);
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

function hexLines(bytes: Uint8Array): string[] {
  if (bytes.length === 0) return ['(no bytes)'];
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += BYTES_PER_LINE) out.push(toHex(bytes.subarray(i, i + BYTES_PER_LINE), ' '));
  return out;
}
