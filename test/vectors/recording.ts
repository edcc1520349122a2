/**
 * Reads the recorded exchanges in test/vectors/recordings/*.trace (copied from
 * /work/shared/vectors; provenance in each file's `#` header): `#` header lines, then
 * `C2S <hex>` or `S2C <hex>`, one link-layer frame or wrapper PDU per line.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { fromHex } from '../../dlms/bytes/hex';

export interface RecordedFrame {
  /** 1-based line in the file, for messages that point at the vector. */
  readonly line: number;
  readonly dir: 'C2S' | 'S2C';
  readonly hex: string;
  readonly bytes: Uint8Array;
}

export function recordingPath(name: string): string {
  return join(__dirname, 'recordings', name);
}

export function readRecording(name: string): RecordedFrame[] {
  const out: RecordedFrame[] = [];
  readFileSync(recordingPath(name), 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const line = text.trim();
      if (line === '' || line.startsWith('#')) return;
      const m = /^(C2S|S2C) ([0-9A-Fa-f]+)$/.exec(line);
      if (!m) throw new Error(`${name}:${i + 1}: not a recorded frame: ${line.slice(0, 40)}`);
      const hex = (m[2] as string).toUpperCase();
      out.push({ line: i + 1, dir: m[1] as 'C2S' | 'S2C', hex, bytes: fromHex(hex) });
    });
  return out;
}
