/** `dlmsct decode [HEX] [--json] [--ek HEX --ak HEX --system-title HEX | --profile FILE]`: frames or APDUs decoded into layers, as text or JSON; exit 1 when one does not decode. */
import { EXIT, type Io, parse } from './io';
import { lineDecoder } from './decode-bytes';
import { DECIPHER_OPTIONS, decipherer } from './decipher';
import { renderTraceText } from '../../reports/trace-text';
import { renderTraceJson } from '../../reports/trace-json';
import type { TraceRecord } from '../../dlms/trace';

const DECODE_ABOUT = {
  summary: 'Decode HDLC frames, wrapper PDUs or bare APDUs (and decipher them with keys).',
  positionals: '[HEX]',
  notes: [
    'Without HEX, one frame per line from stdin: a trace file, or lines prefixed C2S/S2C (tx/rx) and an optional time.',
    'exit codes: 0 everything decoded, 1 a line did not decode (shown at its layer with code and offset), 2 usage error',
  ],
};

export async function decodeCommand(args: string[], io: Io, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const { values, positionals } = parse(
    args,
    { json: { type: 'boolean', default: false, help: 'the decoded layers as JSON' }, ...DECIPHER_OPTIONS },
    DECODE_ABOUT,
  );
  // With keys (--ek/--ak/--system-title, or --profile), protected APDUs are deciphered too.
  const decipher = decipherer(values);
  const lines = positionals.length ? [positionals.join('')] : (await readAll(stdin)).split(/\r?\n/);
  const records: TraceRecord[] = [];
  const decoder = lineDecoder();
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    for (const record of decoder.decode(line)) records.push(decipher ? decipher(record) : record);
  }
  io.out(values.json ? renderTraceJson(records) : renderTraceText(records));
  return records.some((r) => r.layers.some((l) => l.error)) ? EXIT.failed : EXIT.ok;
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (c: string) => (text += c));
    stream.on('end', () => resolve(text));
    stream.on('error', reject);
  });
}
