/**
 * c_hdlc_none.trace (Gurux C client ↔ Gurux C meter over HDLC; provenance in its header)
 * replayed: the recorded meter answers drive our client through the whole conversation, GET by
 * GET, and the client sends byte for byte the frames the recorded client sent. The meter's two
 * answers with bytes after a complete APDU come out as the meter's fault (TRAILING_BYTES);
 * every APDU's decoding on its own is c-hdlc-none-apdus.test.ts.
 */
import { expect } from 'chai';
import { createClient } from '../../client';
import type { AttributeRef, GetOutcome } from '../../client/api';
import { decodePduBytes, type Pdu } from '../../dlms/pdu/pdu';
import { isDecodeError } from '../../dlms/bytes/decode-error';
import { toHex } from '../../dlms/bytes/hex';
import { formatObis } from '../../dlms/cosem/obis';
import { decodeFrame } from '../../dlms/hdlc/frame';
import { stripLlc } from '../../dlms/hdlc/llc';
import { addSegment, EMPTY_REASSEMBLY, type Reassembly } from '../../dlms/hdlc/segments';
import type { Transport } from '../../drivers/transport';
import { RECORDED_PROPOSED_CONFORMANCE } from './fixtures';
import { readRecording, type RecordedFrame } from './recording';

const frames = readRecording('c_hdlc_none.trace');

interface RecordedApdu {
  readonly dir: 'C2S' | 'S2C';
  /** The line of the frame that completed it. */
  readonly line: number;
  readonly bytes: Uint8Array;
}

/** The APDUs of each direction, joined from I-frame segments (S bit, Green Book 8.4.4) and out of their LLC header. */
function recordedApdus(): RecordedApdu[] {
  const state: Record<RecordedFrame['dir'], Reassembly> = { C2S: EMPTY_REASSEMBLY, S2C: EMPTY_REASSEMBLY };
  const out: RecordedApdu[] = [];
  for (const f of frames) {
    const frame = decodeFrame(f.bytes);
    if (frame.type !== 'I') continue;
    const step = addSegment(state[f.dir], { info: frame.info, segmented: frame.segmented });
    state[f.dir] = step.reassembly;
    if (step.kind === 'complete') out.push({ dir: f.dir, line: f.line, bytes: stripLlc(step.message, f.dir === 'C2S' ? 'request' : 'response').apdu });
  }
  return out;
}

const apdus = recordedApdus();

/** The meter answers with bytes after a complete get-response (line: offset of the first extra byte). */
const TRAILING: Readonly<Record<number, number>> = { 309: 18, 797: 10 };

function decodeOrError(bytes: Uint8Array): Pdu | { code: string; offset: number } {
  try {
    return decodePduBytes(bytes);
  } catch (e) {
    if (isDecodeError(e)) return { code: e.code, offset: e.offset };
    throw e;
  }
}

/**
 * A transport that plays the meter: each frame the client writes is answered with the next
 * recorded S2C frame, and compared with the recorded C2S frame it stands for.
 */
class ReplayTransport implements Transport {
  readonly label = 'replay of c_hdlc_none.trace';
  readonly sent: { readonly line: number; readonly ours: string; readonly recorded: string }[] = [];
  private at = 0;
  private listener: ((chunk: Uint8Array) => void) | undefined;

  async write(bytes: Uint8Array): Promise<void> {
    const c2s = frames[this.at];
    const s2c = frames[this.at + 1];
    if (!c2s || c2s.dir !== 'C2S' || !s2c || s2c.dir !== 'S2C') throw new Error(`the client sent a frame past the recording (${toHex(bytes)})`);
    this.at += 2;
    this.sent.push({ line: c2s.line, ours: toHex(bytes), recorded: c2s.hex });
    queueMicrotask(() => this.listener?.(s2c.bytes));
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.listener = listener;
  }

  onClose(): void {}

  async close(): Promise<void> {}

  get finished(): boolean {
    return this.at === frames.length;
  }
}

/** The GETs the recorded client made, in order (get-request-next is the client's own business). */
function recordedGets(): { readonly ref: AttributeRef; readonly answerLine: number }[] {
  const out: { ref: AttributeRef; answerLine: number }[] = [];
  apdus.forEach((a, i) => {
    const d = decodeOrError(a.bytes);
    if (!('type' in d) || d.type !== 'get-request' || d.variant !== 'normal') return;
    const { classId, instanceId, attributeId } = d.attribute;
    const sel = d.accessSelection;
    out.push({
      ref: { classId, obis: formatObis(instanceId), attribute: attributeId, ...(sel ? { selector: { selector: sel.accessSelector, parameters: sel.accessParameters } } : {}) },
      answerLine: apdus[i + 1]?.line ?? 0,
    });
  });
  return out;
}

describe('c_hdlc_none.trace replayed against our client', function () {
  this.timeout(20_000);

  it('drives the client through the whole recorded conversation with the same frames the recorded client sent', async () => {
    const replay = new ReplayTransport();
    const client = createClient({
      transport: { kind: 'factory', label: replay.label, open: async () => replay },
      link: { framing: 'hdlc', serverLogical: 1, addressSize: 1, responseTimeoutMs: 1000, interFrameTimeoutMs: 200 },
      connectTimeoutMs: 1000,
      connectRetries: 0,
      // The recorded client uses invoke-id 1 for every request (its C1 octets).
      fixedInvokeId: 1,
    });
    expect(await client.associate({ name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none', conformance: RECORDED_PROPOSED_CONFORMANCE, maxReceivePduSize: 0xffff })).to.deep.include({
      kind: 'accepted',
      serverMaxReceivePduSize: 512,
    });
    const outcomes: { ref: AttributeRef; outcome: GetOutcome; answerLine: number }[] = [];
    for (const g of recordedGets()) outcomes.push({ ...g, outcome: await client.get(g.ref) });
    expect(await client.release()).to.deep.include({ kind: 'released' });
    await client.disconnect();

    expect(replay.finished, 'every recorded frame was used').to.equal(true);
    expect(replay.sent.filter((s) => s.ours !== s.recorded)).to.deep.equal([]);

    const kinds = outcomes.map((o) => o.outcome.kind);
    expect(kinds.filter((k) => k === 'data').length).to.be.greaterThan(100);
    // The meter's two answers with trailing bytes are the meter's fault, reported exactly.
    const malformed = outcomes.filter((o) => o.outcome.kind === 'malformed').map((o) => ({ line: o.answerLine, code: (o.outcome as { code: string }).code }));
    expect(malformed).to.deep.equal(Object.keys(TRAILING).map((line) => ({ line: Number(line), code: 'TRAILING_BYTES' })));
    // The profile-generic reads the recording header mentions are refused by that meter.
    const refused = outcomes.filter((o) => o.outcome.kind === 'data-access-result');
    expect(refused.length).to.be.greaterThan(0);
    for (const r of refused) expect(r.outcome, `${r.ref.obis}/${r.ref.attribute}`).to.deep.equal({ kind: 'data-access-result', result: 'temporary-failure' });
    expect(refused.every((r) => r.ref.classId === 7)).to.equal(true);
  });
});
