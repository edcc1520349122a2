import { expect } from 'chai';
import { toHex } from '../dlms/bytes/hex';
import { clientAddress, serverAddress } from '../dlms/hdlc/address';
import { decodeFrame, encodeFrame, type HdlcFrame } from '../dlms/hdlc/frame';
import { addLlc } from '../dlms/hdlc/llc';
import type { TraceRecord } from '../dlms/trace';
import { HdlcFramer } from '../drivers/hdlc-framer';
import { memoryPair } from '../drivers/memory';
import type { Transport } from '../drivers/transport';
import { createClient } from '.';
import type { LinkSettings } from './api';
import { deferredDescriberFor } from './describe';
import { FrameRecorder } from './frame-recorder';
import { FLOOD_LIMIT, HdlcClientLink } from './hdlc-link';
import { TraceRecorder } from './recorder';
import { NO_FAULTS } from '../simulator/faults';
import { loadMeterDefinition } from '../simulator/meter/load';
import { serveTransport } from '../simulator/server/serve';

const CLIENT = clientAddress(16);
const SERVER = serverAddress(1);
const SETTINGS: LinkSettings = { framing: 'hdlc', serverLogical: 1, addressSize: 1, responseTimeoutMs: 150, interFrameTimeoutMs: 30 };
const APDU = Uint8Array.of(0xc0, 0x01, 0xc1, 0x00, 0x01, 0x00, 0x00, 0x2a, 0x00, 0x00, 0xff, 0x02, 0x00);

/** A scripted DUT on the far end of an in-memory pair: it sees each whole frame the client sends. */
function scriptedDut(onFrame: (f: HdlcFrame, send: (bytes: Uint8Array) => void, n: number) => void): Transport {
  const [client, server] = memoryPair('scripted DUT');
  const framer = new HdlcFramer();
  let n = 0;
  const send = (bytes: Uint8Array): void => void server.write(bytes);
  server.onData((chunk) => {
    for (const e of framer.feed(chunk, 0)) if (e.type === 'frame') onFrame(decodeFrame(e.bytes), send, n++);
  });
  return client;
}

const from = (f: Record<string, unknown> & { type: HdlcFrame['type'] }): Uint8Array =>
  encodeFrame({ destination: CLIENT, source: SERVER, pf: true, ...f } as HdlcFrame);
const UA = from({ type: 'UA', info: new Uint8Array(0) });

function linkTo(transport: Transport, settings: LinkSettings = SETTINGS): { link: HdlcClientLink; trace: TraceRecord[] } {
  const rec = new FrameRecorder(new TraceRecorder(), deferredDescriberFor('hdlc'));
  return { link: new HdlcClientLink(transport, settings, 16, rec), trace: rec.recorder.records };
}

/** Answers SNRM with UA and each I frame with `answer(frame, index)`. */
function meterWith(answer: (f: HdlcFrame & { type: 'I' }, send: (bytes: Uint8Array) => void, i: number) => void): Transport {
  let i = 0;
  return scriptedDut((f, send) => {
    if (f.type === 'SNRM') send(UA);
    else if (f.type === 'DISC') send(from({ type: 'UA', info: new Uint8Array(0) }));
    else if (f.type === 'I') answer(f, send, i++);
  });
}

const notes = (trace: readonly TraceRecord[]): string[] => trace.flatMap((r) => (r.note === undefined ? [] : [r.note]));

describe('HDLC client link', () => {
  it('retransmits an unanswered I frame when retries are allowed, and records both the timeout and the retransmission', async () => {
    const dut = meterWith((f, send, i) => {
      if (i === 0) return; // the first one is "lost"
      send(from({ type: 'I', ns: 0, nr: (f.ns + 1) % 8, segmented: false, info: addLlc('response', Uint8Array.of(0xc4, 0x01)) }));
    });
    const { link, trace } = linkTo(dut, { ...SETTINGS, retries: 1 });
    expect((await link.open()).kind).to.equal('open');
    const got = await link.exchange(APDU);
    expect(got).to.deep.equal({ kind: 'apdu', bytes: Uint8Array.of(0xc4, 0x01) });
    expect(notes(trace)).to.include('no answer within 150 ms: retransmitting');
    expect(trace.filter((r) => r.dir === 'tx' && r.note === 'retransmission')).to.have.length(1);
  });

  it('reports silence, within its bound, when the DUT stops answering, and gives the link up', async () => {
    const { link, trace } = linkTo(meterWith(() => undefined));
    await link.open();
    const t0 = performance.now();
    expect(await link.exchange(APDU)).to.deep.equal({ kind: 'silence', waitedMs: 150 });
    expect(performance.now() - t0).to.be.below(1000);
    expect(notes(trace)).to.include('no answer within 150 ms: the link is given up');
    expect((await link.exchange(APDU)).kind).to.equal('closed');
  });

  it('records garbage bytes as discarded and ends in silence', async () => {
    const { link, trace } = linkTo(meterWith((_f, send) => send(Uint8Array.of(0x01, 0x02, 0x03, 0x04))));
    await link.open();
    expect((await link.exchange(APDU)).kind).to.equal('silence');
    expect(trace.some((r) => r.dir === 'rx' && r.note?.startsWith('discarded by the framer') === true && toHex(r.bytes!) === '01020304')).to.equal(true);
  });

  it('drops a frame that never ends at the inter-frame timeout, and says so', async () => {
    // 7E A0 50: a header announcing 80 bytes, then nothing more.
    const { link, trace } = linkTo(meterWith((_f, send) => send(Uint8Array.of(0x7e, 0xa0, 0x50, 0x21, 0x03))));
    await link.open();
    expect((await link.exchange(APDU)).kind).to.equal('silence');
    expect(notes(trace)).to.include('discarded by the framer (timeout)');
  });

  it('reports a truncated frame that the next flag closes as malformed, with the decoder code', async () => {
    const whole = from({ type: 'I', ns: 0, nr: 1, segmented: false, info: addLlc('response', Uint8Array.of(0xc4, 0x01)) });
    const cut = Uint8Array.of(...whole.subarray(0, 6), 0x7e);
    const { link } = linkTo(meterWith((_f, send) => send(cut)));
    await link.open();
    const got = await link.exchange(APDU);
    expect(got.kind).to.be.oneOf(['malformed', 'silence']);
  });

  it('stops a DUT that floods the line with frames, with a clear code, and never hangs', async () => {
    const other = encodeFrame({ type: 'RR', destination: clientAddress(17), source: SERVER, pf: false, nr: 0 });
    const flood = new Uint8Array(other.length * (FLOOD_LIMIT + 10));
    for (let i = 0; i <= FLOOD_LIMIT + 9; i++) flood.set(other, i * other.length);
    const { link } = linkTo(
      meterWith((_f, send) => send(flood)),
      { ...SETTINGS, responseTimeoutMs: 5000 },
    );
    await link.open();
    const t0 = performance.now();
    const got = await link.exchange(APDU);
    expect(performance.now() - t0).to.be.below(5000);
    expect(got.kind).to.equal('malformed');
    if (got.kind === 'malformed') expect(got.error.code).to.equal('HDLC_FLOOD');
  });

  it('reports a DUT that drops the link in the middle of an exchange', async () => {
    const { link } = linkTo(meterWith((_f, send) => send(from({ type: 'DM' }))));
    await link.open();
    const got = await link.exchange(APDU);
    expect(got.kind === 'malformed' && got.error.code).to.equal('HDLC_LINK_DOWN');
  });

  it('reads a long value over window 7 and 512-byte fields when the simulator offers them', async () => {
    const meter = loadMeterDefinition();
    const wide = { ...meter, hdlc: { ...meter.hdlc, maxInfoTx: 512, maxInfoRx: 512, windowTx: 7, windowRx: 7 } };
    const client = createClient({
      transport: {
        kind: 'factory',
        label: 'wide simulator',
        open: async () => {
          const [c, s] = memoryPair('wide');
          serveTransport(s, { meter: wide, framing: 'hdlc', hooks: NO_FAULTS, startedAt: Date.now() }, Date.now, () => undefined);
          return c;
        },
      },
      link: { ...SETTINGS, responseTimeoutMs: 1000, maxInfoTx: 128, maxInfoRx: 128, window: 7 },
      connectTimeoutMs: 1000,
    });
    const a = await client.associate({ name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none', maxReceivePduSize: 2048 });
    expect(a.kind).to.equal('accepted');
    const got = await client.get({ classId: 1, obis: '0-0:128.0.0.255', attribute: 2 });
    expect(got.kind).to.equal('data');
    await client.disconnect();
    // Several I frames between two polls: only the last of a window carries F.
    const rx = client.trace.filter((r) => r.dir === 'rx' && r.bytes).map((r) => decodeFrame(r.bytes!));
    expect(rx.some((f) => f.type === 'I' && !f.pf)).to.equal(true);
    expect(rx.every((f) => f.type !== 'I' || f.info.length <= 128)).to.equal(true);
  });
});
