import { expect } from 'chai';
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { createSimulator } from '../../simulator';
import { main } from './main';

const ROOT = path.resolve(__dirname, '..', '..');

async function run(args: string[], until?: Promise<unknown>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
  if (until === undefined) return { code: await main(['simulate', ...args], io), out, err };
  const { simulateCommand } = await import('./simulate');
  return { code: await simulateCommand(args, io, until), out, err };
}

/** Resolves when `port` on 127.0.0.1 refuses connections (the server is gone), bounded by `ms`. */
async function portFreed(port: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (!open) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('dlmsct simulate', function () {
  this.timeout(120_000);

  it('lists the faults with their clauses and exits 0', async () => {
    const { code, out } = await run(['--list-faults']);
    expect(code).to.equal(0);
    expect(out).to.contain('hdlc-accepts-bad-fcs').and.to.contain('Green Book 8.4.3');
  });

  it('lists the legal variants with their clauses and readings and exits 0', async () => {
    const { code, out } = await run(['--list-variants']);
    expect(code).to.equal(0);
    expect(out).to.contain('hdlc-window-7').and.to.contain('close-after-release').and.to.contain('docs/decisions/');
  });

  it('exits 2 naming the known variants for an unknown variant', async () => {
    const { code, err } = await run(['--tcp', '0', '--variant', 'nope']);
    expect(code).to.equal(2);
    expect(err).to.contain('idle-silence');
  });

  it('exits 2 naming the option on an unknown argument, a bad number or an unknown fault', async () => {
    expect(await run(['--bogus'])).to.deep.include({ code: 2 });
    expect((await run(['--inactivity', 'soon'])).err).to.contain('--inactivity must be seconds');
    expect((await run(['--baud', '9600'])).err).to.contain('--baud goes with --serial');
    expect((await run(['--framing', 'udp'])).code).to.equal(2);
    const r = await run(['--tcp', '0', '--fault', 'nope']);
    expect(r.code).to.equal(2);
    expect(r.err).to.contain('unknown fault nope');
  });

  it('exits 2 with the device named when the serial device cannot be opened', async () => {
    const r = await run(['--tcp', '0', '--serial', '/dev/no-such-tty', '--baud', '300']);
    expect(r.code).to.equal(2);
    expect(r.err).to.contain('cannot open --serial /dev/no-such-tty');
  });

  it('says in its banner how to authenticate: the built-in LLS password, or where a given one came from', async () => {
    const builtin = await run(['--tcp', '0'], Promise.resolve());
    expect(builtin.code).to.equal(0);
    expect(builtin.out).to.match(/association management: client SAP 1, LLS password "Qz7-sim-LLS" \(profile: password: builtin:sim-lls\)/);
    expect(builtin.out).to.contain('HDLC server address: logical 1, physical 16');
    expect(builtin.out).to.contain('HDLC inactivity 120 s');
    const own = await run(['--tcp', '0', '--password', 'hunter2-pw', '--inactivity', '30'], Promise.resolve());
    expect(own.out).to.contain('LLS password as given by --password').and.to.contain('HDLC inactivity 30 s');
    expect(own.out).to.not.contain('hunter2-pw');
    const env = await run(['--tcp', '0', '--password', 'env:NC_NO_SUCH_VAR_SET']);
    expect(env.code).to.equal(2);
    expect(env.err).to.contain('environment variable NC_NO_SUCH_VAR_SET is not set');
  });

  it('serves --password as the LLS password of every LLS association', () => {
    const sim = createSimulator({ framing: 'hdlc', llsPassword: { ref: 'test', bytes: new TextEncoder().encode('pw') } });
    const lls = sim.meter.associations.filter((a) => a.authentication === 'low');
    expect(lls.length).to.be.greaterThan(0);
    for (const a of lls) expect(new TextDecoder().decode(a.password!.bytes)).to.equal('pw');
  });

  it('prints the bound port, serves it, and stops on SIGTERM', async function () {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'dlmsct.js'), 'simulate', '--tcp', '0', '--framing', 'wrapper'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const port = await portOf(child);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).to.equal(0);
    expect(await portFreed(port, 5000)).to.equal(true);
  });

  it('frees its port when the npx that started it is killed by its pid', async function () {
    // npm exec → sh -c → node: the signal reaches npm only (issue 13, item 8).
    const child = spawn('npx', ['--no-install', 'dlmsct', 'simulate', '--tcp', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const port = await portOf(child);
    child.kill('SIGTERM');
    expect(await portFreed(port, 10_000), `port ${port} still served 10 s after npx was killed`).to.equal(true);
  });
});

function portOf(child: ReturnType<typeof spawn>): Promise<number> {
  let out = '';
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise<number>((resolve, reject) => {
    // Bounded generously: npx and ts-node start slowly on a loaded machine.
    const timer = setTimeout(() => reject(new Error(`no port printed within 90 s: ${out}${err}`)), 90_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /^port (\d+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}${err}`)));
  });
}
