import { expect } from 'chai';
import { type ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';
import { toHex } from '../../dlms/bytes/hex';
import type { Profile } from '../../harness/profile/types';
import { probePort, probeRequest, survivedCase } from './meter-liveness';

/**
 * A fake meter process: serves one byte back for any request; with `die-after-first`, it stops
 * answering once its first client hangs up and exits a moment later, as a meter does that crashes
 * while it handles a case's disconnect.
 */
/** How long the fake meter takes to die after its first client hangs up. */
const DYING_MS = 300;
const FAKE_METER = `
const net = require('node:net');
const dieAfterFirst = process.argv[1] === 'die-after-first';
let dying = false;
const server = net.createServer((c) => {
  c.on('data', () => { if (!dying) c.write(Buffer.of(0x7e)); });
  c.on('error', () => {});
  c.on('close', () => {
    if (dieAfterFirst && !dying) { dying = true; setTimeout(() => process.exit(3), ${DYING_MS}); }
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

interface Fake {
  readonly port: number;
  readonly child: ChildProcess;
  alive(): boolean;
}

function startFake(mode: 'healthy' | 'die-after-first'): Promise<Fake> {
  const child = spawn(process.execPath, ['-e', FAKE_METER, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the fake meter exited (${code}) before listening`)));
    child.stdout?.once('data', (d: Buffer) => resolve({ port: Number(d.toString().trim()), child, alive: () => !exited }));
  });
}

function stopFake(f: Fake): void {
  if (f.alive() && f.child.pid !== undefined) process.kill(f.child.pid, 'SIGTERM');
}

/** One "case": connect, one request answered, hang up. */
async function runCase(port: number): Promise<void> {
  const s = net.connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => s.write(Buffer.of(1)));
    s.once('data', () => resolve());
    s.once('error', reject);
  });
  await new Promise<void>((resolve) => s.end(resolve));
  s.destroy();
}

describe('interop: which case a meter crash is blamed on', () => {
  it('blames the case after which the meter dies a moment later, not the next case', async () => {
    const fake = await startFake('die-after-first');
    try {
      await runCase(fake.port);
      // The pid check alone would let this case go free: the process is still there.
      expect(fake.alive(), 'the fake meter dies only a moment after the case').to.equal(true);
      expect(await survivedCase(fake, () => probePort('127.0.0.1', fake.port, Uint8Array.of(1)))).to.equal(false);
    } finally {
      stopFake(fake);
    }
  });

  it('lets a meter that answers the probe after a case go on to the next case', async () => {
    const fake = await startFake('healthy');
    try {
      await runCase(fake.port);
      expect(await probePort('127.0.0.1', fake.port, Uint8Array.of(1))).to.deep.equal({ kind: 'answered' });
      expect(await survivedCase(fake, () => probePort('127.0.0.1', fake.port, Uint8Array.of(1)))).to.equal(true);
      await runCase(fake.port);
    } finally {
      stopFake(fake);
    }
  });

  it('counts a meter that is silent but does not exit within the bound as alive', async () => {
    const silent = async (): Promise<{ kind: 'silent' }> => ({ kind: 'silent' });
    expect(await survivedCase({ alive: () => true }, silent, 20)).to.equal(true);
  });

  it('probes HDLC with a DISC from the public client and the wrapper with an AARQ in the referencing of the first association', () => {
    const base = {
      file: 'p.yaml',
      hdlc: { serverLogical: 1, addressSize: 1 },
      associations: [{ name: 'public', clientSap: 16, referencing: 'sn', authentication: 'none' }],
    } as const;
    const hdlc = probeRequest({ ...base, transport: { kind: 'tcp', framing: 'hdlc', host: '127.0.0.1', port: 1 } } as unknown as Profile);
    // 7E A0 07 | destination 03 (server 1) | source 21 (client 0x10) | control 53 (DISC, P) | FCS | 7E
    expect(toHex(hdlc.subarray(0, 6))).to.equal('7EA007032153');
    const wrapper = probeRequest({ ...base, transport: { kind: 'tcp', framing: 'wrapper', host: '127.0.0.1', port: 1 } } as unknown as Profile);
    // version 0001, source 0010, destination 0001, length 001F | AARQ ... context 2.16.756.5.8.1.2 (SN)
    expect(toHex(wrapper.subarray(0, 8))).to.equal('000100100001001F');
    expect(toHex(wrapper.subarray(8, 8 + 12 + 1))).to.equal('601DA10906076085740508010' + '2');
    expect(wrapper.length).to.equal(8 + 0x1f);
  });
});
