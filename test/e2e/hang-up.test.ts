/**
 * A meter that hangs up is an outcome, not a crash (issue 8, item 6): after RLRE, after DISC,
 * instead of an AARE and in the middle of an exchange, the client reports "the meter closed the
 * connection", never writes after the close, never waits out a response time-out on a link known
 * dead, and opens a fresh connection for a new association or an NDM probe.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { createClient, type DlmsClient } from '../../client';
import { isClosedOutcome } from '../../client/outcomes';
import type { Transport } from '../../drivers/transport';
import { runSuites } from '../../harness/engine/run-suites';
import { loadProfile } from '../../harness/profile/load';
import { builtinSecret } from '../../harness/builtin-secrets';
import { findSuiteFiles, loadSuites } from '../../harness/suite/load';
import { createSimulator, type Simulator } from '../../simulator';

const ROOT = path.resolve(__dirname, '../..');
const RESPONSE_MS = 1500;
const PUBLIC = { name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none' } as const;
const CLOCK_TIME = { classId: 8, obis: '0-0:1.0.0.255', attribute: 2 };

/** The simulator's end, closed by the "meter" when `hangUpOn` matches what the client sends (before any answer). */
function hangingUp(sim: Simulator, hangUpOn: (sent: Uint8Array) => boolean, writes: { afterClose: number }): Transport {
  const inner = sim.connectMemory();
  let closed = false;
  let closeListener: ((e?: Error) => void) | undefined;
  inner.onClose((e) => {
    closed = true;
    closeListener?.(e);
  });
  return {
    label: 'hanging-up meter',
    async write(bytes) {
      if (closed) {
        writes.afterClose++;
        throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      }
      if (hangUpOn(bytes)) {
        await inner.close();
        return;
      }
      await inner.write(bytes);
    },
    onData: (l) => inner.onData(l),
    onClose(l) {
      closeListener = l;
      if (closed) l();
    },
    close: () => inner.close(),
  };
}

function clientFor(framing: 'hdlc' | 'wrapper', open: () => Transport): DlmsClient {
  return createClient({
    transport: { kind: 'factory', label: 'hang-up test', open: async () => open() },
    link: { framing, serverLogical: 1, serverPhysical: 16, addressSize: 1, responseTimeoutMs: RESPONSE_MS, interFrameTimeoutMs: 200 },
    connectTimeoutMs: 1000,
    connectRetries: 0,
  });
}

/** Does the request carry this APDU tag (HDLC: after the 3 LLC bytes of an I frame; wrapper: after the 8-byte header)? */
function carries(tag: number, framing: 'hdlc' | 'wrapper'): (sent: Uint8Array) => boolean {
  return (b) => (framing === 'wrapper' ? b[8] === tag : b.length > 11 && b[8] === 0xe6 && b[11] === tag);
}

const AARQ = 0x60;
const GET_REQUEST = 0xc0;

describe('a meter that hangs up', function () {
  this.timeout(30_000);

  for (const framing of ['hdlc', 'wrapper'] as const) {
    describe(`over ${framing}`, () => {
      it('after RLRE: the release is reported, and a new association goes on a fresh connection', async () => {
        const sim = createSimulator({ framing, variants: ['close-after-release'] });
        let connections = 0;
        const client = clientFor(framing, () => (connections++, sim.connectMemory()));
        try {
          expect((await client.associate(PUBLIC)).kind).to.equal('accepted');
          expect((await client.release()).kind).to.equal('released');
          expect((await client.associate(PUBLIC)).kind).to.equal('accepted');
          expect(connections).to.equal(2);
          expect((await client.get(CLOCK_TIME)).kind).to.equal('data');
        } finally {
          await client.disconnect();
          await sim.stop();
        }
      });

      it('instead of an AARE: "the meter closed the connection", no write after it, no wait at teardown', async () => {
        const sim = createSimulator({ framing });
        const writes = { afterClose: 0 };
        const client = clientFor(framing, () => hangingUp(sim, carries(AARQ, framing), writes));
        try {
          const outcome = await client.associate(PUBLIC);
          expect(isClosedOutcome(outcome), JSON.stringify(outcome)).to.equal(true);
          expect(outcome).to.deep.include({ actual: 'the meter closed the connection' });
          const t0 = performance.now();
          const again = await client.get(CLOCK_TIME);
          expect(isClosedOutcome(again)).to.equal(true);
          await client.disconnect();
          expect(performance.now() - t0, 'no response time-out waited on a dead link').to.be.lessThan(RESPONSE_MS / 2);
          expect(writes.afterClose).to.equal(0);
          expect(client.trace.some((r) => r.note === 'the meter closed the connection')).to.equal(true);
        } finally {
          await sim.stop();
        }
      });

      it('mid-exchange: the GET is answered by the hang-up, never by silence or a harness error', async () => {
        const sim = createSimulator({ framing });
        const writes = { afterClose: 0 };
        const client = clientFor(framing, () => hangingUp(sim, carries(GET_REQUEST, framing), writes));
        try {
          expect((await client.associate(PUBLIC)).kind).to.equal('accepted');
          const t0 = performance.now();
          const got = await client.get(CLOCK_TIME);
          expect(isClosedOutcome(got), JSON.stringify(got)).to.equal(true);
          expect((await client.release()).kind).to.equal('malformed');
          await client.disconnect();
          expect(performance.now() - t0).to.be.lessThan(RESPONSE_MS);
          expect(writes.afterClose).to.equal(0);
        } finally {
          await sim.stop();
        }
      });
    });
  }

  it('after DISC: an NDM probe goes on a fresh connection, and every case still gets a real verdict', async () => {
    const profile = loadProfile(path.join(ROOT, 'profiles/simulator.yaml'), { env: {}, builtinSecrets: builtinSecret });
    const quick = { ...profile, timeouts: { ...profile.timeouts, responseMs: 500 } };
    const suites = loadSuites(findSuiteFiles(path.join(ROOT, 'suites', 'hdlc')));
    const results = await runSuites({ profile: quick, suites, variants: ['close-after-disc'], filter: { suite: 'hdlc/ndm' } });
    expect(results.length).to.be.greaterThan(0);
    for (const r of results) {
      expect(r.status, `${r.id}: ${r.reason ?? ''}`).to.be.oneOf(['passed', 'passed-with-remarks']);
    }
    // The I frame probing NDM went on a second connection: the first one the meter had closed.
    const probe = results.find((r) => r.caseId === 'HDLC-NDMOP-COMMANDS')!;
    const notes = probe.trace.map((t) => t.note ?? t.layers.map((l) => l.summary).join(' '));
    const iFrame = notes.findIndex((n) => n.startsWith('crafted: I '));
    expect(notes.slice(0, iFrame).filter((n) => n.startsWith('connected:')).length).to.equal(2);
  });
});
