/**
 * Inputs for the benchmarks, taken from the independent recording c_hdlc_none.trace (see
 * test/vectors/recordings): a typical GET exchange as whole HDLC frames, the association's object
 * list as A-XDR, and every APDU the recording carries. Real traffic, so codec rates describe
 * what a conformance run decodes.
 */
import { decodeDataBytes } from '../dlms/axdr/data-codec';
import { isDecodeError } from '../dlms/bytes/decode-error';
import { concatBytes } from '../dlms/bytes/hex';
import { decodeFrame } from '../dlms/hdlc/frame';
import { stripLlc } from '../dlms/hdlc/llc';
import { decodeApduBytes, type Apdu } from '../dlms/xdlms/apdu';
import { readRecording } from '../test/vectors/recording';

export const HDLC_RECORDING = 'c_hdlc_none.trace';

export interface RecordedMessage {
  readonly dir: 'C2S' | 'S2C';
  /** Line of the message's last frame in the recording. */
  readonly line: number;
  /** The APDU, LLC header removed, segments joined. */
  readonly apdu: Uint8Array;
  /** The frames that carried it. */
  readonly frames: readonly Uint8Array[];
}

/** Every I-frame message of an HDLC recording, segments joined, in order. */
export function recordedMessages(name = HDLC_RECORDING): RecordedMessage[] {
  const out: RecordedMessage[] = [];
  const open: Record<'C2S' | 'S2C', { infos: Uint8Array[]; frames: Uint8Array[] }> = {
    C2S: { infos: [], frames: [] },
    S2C: { infos: [], frames: [] },
  };
  for (const r of readRecording(name)) {
    const f = decodeFrame(r.bytes);
    if (f.type !== 'I') continue;
    const o = open[r.dir];
    o.infos.push(f.info);
    o.frames.push(r.bytes);
    if (f.segmented) continue;
    out.push({ dir: r.dir, line: r.line, apdu: stripLlc(concatBytes(...o.infos)).apdu, frames: o.frames });
    open[r.dir] = { infos: [], frames: [] };
  }
  return out;
}

function tryApdu(bytes: Uint8Array): Apdu | undefined {
  try {
    return decodeApduBytes(bytes);
  } catch (e) {
    // Some of the recorded meter's answers carry bytes after the APDU (see the recording's README).
    if (isDecodeError(e)) return undefined;
    throw e;
  }
}

export interface GetExchange {
  readonly requestFrame: Uint8Array;
  readonly responseFrame: Uint8Array;
  readonly request: Apdu;
  readonly response: Apdu;
}

/**
 * The first GET whose request and response each fit in one frame and whose answer is data:
 * the exchange a conformance run makes most often.
 */
export function typicalGetExchange(): GetExchange {
  const messages = recordedMessages();
  for (let i = 0; i + 1 < messages.length; i++) {
    const q = messages[i]!;
    const a = messages[i + 1]!;
    if (q.dir !== 'C2S' || a.dir !== 'S2C' || q.frames.length !== 1 || a.frames.length !== 1) continue;
    const request = tryApdu(q.apdu);
    const response = tryApdu(a.apdu);
    if (request?.type !== 'get-request' || request.variant !== 'normal') continue;
    if (response?.type !== 'get-response' || response.variant !== 'normal' || response.result.kind !== 'data') continue;
    return { requestFrame: q.frames[0]!, responseFrame: a.frames[0]!, request, response };
  }
  throw new Error(`${HDLC_RECORDING}: no single-frame GET exchange with data`);
}

/** The association's object list (0-0:40.0.0.255 attribute 2) as A-XDR: the recording's blocks joined. */
export function recordedObjectList(): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const m of recordedMessages()) {
    if (m.dir !== 'S2C') continue;
    const apdu = tryApdu(m.apdu);
    if (apdu?.type !== 'get-response' || apdu.variant !== 'with-datablock') continue;
    const block = apdu.result;
    if (block.result.kind !== 'raw-data') break;
    parts.push(block.result.rawData);
    if (block.lastBlock) {
      const bytes = concatBytes(...parts);
      decodeDataBytes(bytes); // fails here, not in the benchmark, should the recording change
      return bytes;
    }
  }
  throw new Error(`${HDLC_RECORDING}: no complete object list`);
}

/** Every APDU of the recording that decodes, both directions: the mix a whole run decodes. */
export function recordedApdus(): Uint8Array[] {
  return recordedMessages()
    .map((m) => m.apdu)
    .filter((b) => tryApdu(b) !== undefined);
}
