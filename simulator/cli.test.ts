import { expect } from 'chai';
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { runSimulateCommand } from './cli';

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runSimulateCommand(args, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('dlmsct simulate', () => {
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
    const { code, out } = await run(['--tcp', '0', '--variant', 'nope']);
    expect(code).to.equal(2);
    expect(out).to.contain('idle-silence');
  });

  it('exits 2 with the usage on an unknown argument', async () => {
    const { code, out } = await run(['--bogus']);
    expect(code).to.equal(2);
    expect(out).to.contain('usage: dlmsct simulate');
  });

  it('exits 2 naming the known faults for an unknown fault', async () => {
    const { code, out } = await run(['--tcp', '0', '--fault', 'nope']);
    expect(code).to.equal(2);
    expect(out).to.contain('association-refused');
  });

  it('exits 2 for a framing it does not know', async () => {
    expect((await run(['--framing', 'udp'])).code).to.equal(2);
  });

  it('prints the bound port, serves it, and stops on SIGTERM', async function () {
    this.timeout(20000);
    const script = "require('./simulator/cli').runSimulateCommand(process.argv.slice(1)).then((c) => { process.exitCode = c; })";
    const child = spawn(process.execPath, ['-r', 'ts-node/register', '-e', script, '--', '--tcp', '0', '--framing', 'wrapper'], { cwd: path.join(__dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no port printed within 15 s: ${out}`)), 15000);
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /^port (\d+)$/m.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', reject);
    });
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).to.equal(0);
    expect(out).to.contain('simulator stopped');
  });
});
