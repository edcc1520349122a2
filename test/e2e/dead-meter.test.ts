/**
 * A meter that dies mid-run (garbage, then silence) ends the run quickly under the fatal-failure
 * policy (harness/engine/fatal.ts): the remaining cases are reported broken with the reason, the
 * summary is complete, and `--on-fatal continue` keeps running every case.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'dlmsct.js');
/** Connections that get garbage before the meter goes silent. */
const GARBAGE_CONNECTIONS = 2;

interface Summary {
  readonly cases: readonly { id: string; status: string; reason?: string; culprit?: string }[];
}

/** A TCP "meter": garbage for the first connections, then accepts and says nothing. */
async function dyingMeter(): Promise<{ port: number; close: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
    if (++connections <= GARBAGE_CONNECTIONS) s.on('data', (d: Buffer) => s.write(Buffer.from(d.map((b) => (b * 7 + 13) & 0xff))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function dlmsct(args: string[], cwd: string): Promise<{ code: number | null; out: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => resolve({ code, out, ms: Date.now() - t0 }));
  });
}

function profile(dir: string, port: number): string {
  const file = path.join(dir, 'dying.yaml');
  fs.writeFileSync(
    file,
    `device: { name: dying meter }
transport: { kind: tcp, host: 127.0.0.1, port: ${port}, framing: hdlc }
hdlc: { serverLogical: 1, serverPhysical: 16, addressSize: 1 }
timeouts: { response: 1s, interFrame: 100ms, inactivity: 120s, connect: 1s }
associations:
  public: { clientSap: 16, authentication: none }
expect: { logicalDeviceName: DLM0000000001, dlmsVersion: 6 }
`,
  );
  return file;
}

describe('a meter that stops answering mid-run', function () {
  this.timeout(180_000);

  it('ends the run after 3 silent cases: the rest broken, culprit rig, naming the first silent case; summary complete', async () => {
    const meter = await dyingMeter();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-dead-'));
    try {
      const r = await dlmsct(['run', '--profile', profile(dir, meter.port), '--suite', 'association/*', '--quiet', '--results', 'results'], dir);
      expect(r.code, r.out).to.equal(1);
      const summary = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8')) as Summary;
      const judged = summary.cases.filter((c) => c.status !== 'inapplicable');
      const stopped = judged.filter((c) => c.reason?.startsWith('meter not answering since case '));
      expect(stopped.length, 'cases not run').to.be.greaterThan(5);
      const first = /since case (\S+)/.exec(stopped[0]!.reason!)![1]!;
      const at = summary.cases.findIndex((c) => c.id === first);
      expect(at, `${first} is a case of the run`).to.be.greaterThan(-1);
      // The three silent cases ran; everything after them was reported without running.
      const after = summary.cases.slice(at + 3).filter((c) => c.status !== 'inapplicable');
      expect(after.map((c) => c.id)).to.deep.equal(stopped.map((c) => c.id));
      for (const c of stopped) expect(c).to.deep.include({ status: 'broken', culprit: 'rig', code: 'DUT_NOT_ANSWERING' });
      expect(fs.readdirSync(path.join(dir, 'results')).filter((f) => f.endsWith('-result.json'))).to.have.length(summary.cases.length);
      expect(r.ms, 'the run ends in under a minute').to.be.lessThan(60_000);
    } finally {
      await meter.close();
    }
  });

  it('runs every case with --on-fatal continue', async () => {
    const meter = await dyingMeter();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-dead-'));
    try {
      const r = await dlmsct(['run', '--profile', profile(dir, meter.port), '--suite', 'association/acse-fields', '--quiet', '--on-fatal', 'continue'], dir);
      expect(r.code, r.out).to.equal(1);
      const summary = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8')) as Summary;
      expect(summary.cases.length).to.be.greaterThan(3);
      expect(summary.cases.filter((c) => c.reason?.startsWith('meter not answering'))).to.deep.equal([]);
    } finally {
      await meter.close();
    }
  });
});
