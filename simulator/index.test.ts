import { expect } from 'chai';
import * as net from 'node:net';
import { decodeFrame, encodeFrame, type HdlcFrame } from '../dlms/hdlc/frame';
import { addLlc, stripLlc } from '../dlms/hdlc/llc';
import { decodeWrapper, encodeWrapper } from '../dlms/wrapper/header';
import { socketTransport } from '../drivers/tcp';
import type { Transport } from '../drivers/transport';
import { HdlcFramer } from '../drivers/hdlc-framer';
import { createSimulator, listFaults, BUILTIN_SECRETS, type Simulator } from '.';
import { aarqBytes, CLIENT, getBytes, pdu, SERVER, T0 } from '../test/support/simulator/testing';
import { createClient } from '../client';

/** Sends bytes and waits (bounded) for the next whole frame or PDU. */
function exchange(t: Transport, bytes: Uint8Array, split: (buf: Uint8Array[]) => Uint8Array | undefined): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const timer = setTimeout(() => reject(new Error('no answer within 2000 ms')), 2000);
    t.onData((c) => {
      chunks.push(c);
      const whole = split(chunks);
      if (whole) {
        clearTimeout(timer);
        resolve(whole);
      }
    });
    t.write(bytes).catch(reject);
  });
}

function hdlcFrame(): (chunks: Uint8Array[]) => Uint8Array | undefined {
  const framer = new HdlcFramer();
  let seen = 0;
  return (chunks) => {
    for (; seen < chunks.length; seen++) {
      const ev = framer.feed(chunks[seen]!, 0).find((e) => e.type === 'frame');
      if (ev) return ev.bytes;
    }
    return undefined;
  };
}

function wrapperPdu(chunks: Uint8Array[]): Uint8Array | undefined {
  const all = Uint8Array.from(chunks.flatMap((c) => [...c]));
  return all.length >= 8 && all.length >= 8 + ((all[6]! << 8) | all[7]!) ? all : undefined;
}

const frame = (f: Record<string, unknown> & { type: HdlcFrame['type'] }) => encodeFrame({ destination: SERVER, source: CLIENT, pf: true, ...f } as HdlcFrame);

async function associateOverHdlc(t: Transport): Promise<void> {
  const ua = decodeFrame(await exchange(t, frame({ type: 'SNRM', info: new Uint8Array(0) }), hdlcFrame()));
  expect(ua.type).to.equal('UA');
  const answer = decodeFrame(await exchange(t, frame({ type: 'I', ns: 0, nr: 0, segmented: false, info: addLlc('request', aarqBytes()) }), hdlcFrame()));
  if (answer.type !== 'I') throw new Error(`expected I, got ${answer.type}`);
  expect(pdu(stripLlc(answer.info, 'response').apdu)).to.deep.include({ type: 'aare', result: 'accepted' });
}

describe('createSimulator', () => {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  it('serves HDLC over an in-memory pair', async () => {
    sim = createSimulator({ framing: 'hdlc', now: () => T0 });
    await associateOverHdlc(sim.connectMemory());
  });

  it('serves the wrapper over TCP on an ephemeral port', async () => {
    sim = createSimulator({ framing: 'wrapper', now: () => T0 });
    const port = await sim.listenTcp(0);
    expect(port).to.be.greaterThan(0);
    const socket = net.connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const t = socketTransport(socket, 'test');
    const aare = decodeWrapper(await exchange(t, encodeWrapper({ source: 16, destination: 1, apdu: aarqBytes() }), wrapperPdu));
    expect(pdu(aare.apdu)).to.deep.include({ type: 'aare', result: 'accepted' });
    const value = decodeWrapper(await exchange(t, encodeWrapper({ source: 16, destination: 1, apdu: getBytes(3, '1-0:32.7.0.255', 2) }), wrapperPdu));
    expect(pdu(value.apdu)).to.deep.include({ result: { kind: 'data', data: { type: 'long-unsigned', value: 2301 } } });
    await t.close();
  });

  it('serves HDLC over TCP too, and stop() closes the listener', async () => {
    sim = createSimulator({ framing: 'hdlc' });
    const port = await sim.listenTcp(0, '127.0.0.1');
    const socket = net.connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    await associateOverHdlc(socketTransport(socket, 'test'));
    await sim.stop();
    sim = undefined;
    const refused = net.connect({ host: '127.0.0.1', port });
    const error = await new Promise<Error | undefined>((resolve) => {
      refused.once('error', (e) => resolve(e));
      refused.once('connect', () => {
        refused.destroy();
        resolve(undefined);
      });
    });
    expect(error?.message).to.contain('ECONNREFUSED');
  });

  it('reports an overridden HDLC inactivity timeout in the IEC HDLC setup object (0-0:22.0.0.255 attribute 8)', async () => {
    sim = createSimulator({ framing: 'hdlc', inactivityTimeoutS: 120, now: () => T0 });
    const client = createClient({
      transport: { kind: 'factory', label: 'memory', open: async () => sim!.connectMemory() },
      link: { framing: 'hdlc', serverLogical: 1, addressSize: 1, responseTimeoutMs: 1000, interFrameTimeoutMs: 200 },
      connectTimeoutMs: 1000,
    });
    expect((await client.associate({ name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none' })).kind).to.equal('accepted');
    expect(await client.get({ classId: 23, obis: '0-0:22.0.0.255', attribute: 8 })).to.deep.include({
      kind: 'data',
      data: { type: 'long-unsigned', value: 120 },
    });
    await client.disconnect();
  });

  it('reports the faults it runs with', () => {
    sim = createSimulator({ framing: 'hdlc', faults: ['release-ignored'] });
    expect(sim.faults).to.deep.equal(['release-ignored']);
  });

  it('refuses an unknown fault with the list of known ones', () => {
    expect(() => createSimulator({ framing: 'hdlc', faults: ['bogus'] })).to.throw(/unknown simulator fault "bogus".*lls-accepts-any-password/);
  });

  it('refuses a meter definition that does not exist, naming the file', () => {
    expect(() => createSimulator({ framing: 'hdlc', meter: '/nonexistent/meter.yaml' })).to.throw(/\/nonexistent\/meter\.yaml:1:1/);
  });

  it('lists every fault with its description and clause', () => {
    const names = listFaults().map((f) => f.name);
    expect(names).to.include.members([
      'association-refused',
      'release-ignored',
      'get-served-without-association',
      'lls-accepts-any-password',
      'lls-wrong-diagnostic',
      'object-list-duplicate-entry',
      'object-list-missing-self',
      'logical-device-name-wrong',
      'hdlc-accepts-bad-fcs',
      'register-scaler-unit-wrong-type',
      'get-invoke-id-not-echoed',
    ]);
  });

  it('exports the built-in secrets the harness resolves builtin: references with', () => {
    expect(BUILTIN_SECRETS['sim-lls']).to.equal('Qz7-sim-LLS');
  });
});
