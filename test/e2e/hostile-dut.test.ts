/**
 * A hostile or broken DUT never hangs a run, never crashes it and never loses a result: every
 * planned case ends in a verdict with a reason and its trace, within bounds set by the profile.
 * Each "meter" here is a TCP server on loopback that misbehaves in one way.
 */
import { expect } from 'chai';
import * as net from 'node:net';
import * as path from 'node:path';
import { parseProfile } from '../../harness/profile/load';
import { findSuiteFiles, loadSuites } from '../../harness/suite/load';
import { runSuites } from '../../harness/engine/run-suites';
import type { CaseResult } from '../../harness/engine/result';

const ROOT = path.resolve(__dirname, '../..');
const suites = loadSuites(findSuiteFiles(path.join(ROOT, 'suites')));
/** A flood is stopped after this many bytes per connection, so the test itself stays bounded. */
const FLOOD_LIMIT = 2_000_000;

type Behaviour = (socket: net.Socket) => void;

const BEHAVIOURS: Record<string, Behaviour> = {
  silent: () => undefined,
  'closes at once': (s) => s.destroy(),
  'answers garbage': (s) => s.on('data', (d: Buffer) => s.write(Buffer.from(d.map((b) => (b * 7 + 13) & 0xff)))),
  'starts a frame and never ends it': (s) => s.on('data', () => s.write(Buffer.from([0x7e, 0xa8, 0x80, 0x21, 0x03, 0x10]))),
  floods: (s) => {
    let sent = 0;
    const chunk = Buffer.alloc(16_384, 0x7e);
    const pump = (): void => {
      while (sent < FLOOD_LIMIT && !s.destroyed) {
        sent += chunk.length;
        if (!s.write(chunk)) return void s.once('drain', pump);
      }
    };
    s.on('error', () => undefined);
    pump();
  },
};

function profileFor(port: number): ReturnType<typeof parseProfile> {
  const text = `device: { name: hostile meter }
transport: { kind: tcp, host: 127.0.0.1, port: ${port}, framing: hdlc }
hdlc: { serverLogical: 1, serverPhysical: 16, addressSize: 1 }
timeouts: { response: 300ms, interFrame: 100ms, inactivity: 120s, connect: 500ms }
associations:
  public: { clientSap: 16, authentication: none }
expect: { logicalDeviceName: DLM0000000001, dlmsVersion: 6 }
`;
  return parseProfile(text, 'hostile.yaml', { env: {} });
}

describe('a hostile DUT', function () {
  this.timeout(60_000);

  for (const [name, behaviour] of Object.entries(BEHAVIOURS)) {
    it(`that ${name} gets a verdict with a reason and a trace for every case, and no pass`, async () => {
      const sockets = new Set<net.Socket>();
      const server = net.createServer((s) => {
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => sockets.delete(s));
        behaviour(s);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as net.AddressInfo).port;
      let results: CaseResult[] = [];
      try {
        results = await runSuites({ profile: profileFor(port), suites, filter: { suite: 'association/open' } });
      } finally {
        for (const s of sockets) s.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      expect(results.length, 'every planned case has a result').to.be.greaterThan(0);
      for (const r of results) {
        if (r.status === 'inapplicable') continue;
        expect(r.status, `${r.id}: ${r.reason ?? ''}`).to.be.oneOf(['failed', 'inconclusive', 'broken']);
        expect(r.reason, `${r.id} states why`).to.be.a('string').and.not.equal('');
        expect(r.trace.length, `${r.id} carries its trace`).to.be.greaterThan(0);
      }
    });
  }
});
