/**
 * A serial meter whose IEC 62056-21 sign-on lacks the enhanced identification `\2` (a real one
 * answered `/GRX5123456789`): by default that is the meter's failure, reported on every case
 * with the bytes exchanged, the summary complete and exit 1 (not "unreachable"); a profile with
 * `requireEnhancedId: false` acknowledges it anyway and every case carries a remark.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startModeEMeter, type ModeEMeter } from '../helpers/mode-e-meter';
import { skipWithoutSocat, startPtyPair, type PtyPair } from '../helpers/pty';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'dlmsct.js');
/** The identification the independent meter sent: manufacturer GRX, baud character 5, no `\2`. */
const NO_MODE_E = '/GRX5123456789\r\n';

interface SummaryCase {
  readonly id: string;
  readonly status: string;
  readonly reason?: string;
  readonly culprit?: string;
  readonly remarks?: readonly { text: string; clause: string }[];
}

function dlmsct(args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

function profile(dir: string, port: string, opening: string): string {
  const file = path.join(dir, 'mode-e.yaml');
  fs.writeFileSync(
    file,
    `device: { name: mode E meter }
transport: { kind: serial, framing: hdlc, path: ${port}, baudRate: 9600, opening: ${opening} }
hdlc: { serverLogical: 1, serverPhysical: 16, addressSize: 1 }
timeouts: { response: 2s, interFrame: 200ms, inactivity: 120s, connect: 2s }
associations:
  public: { clientSap: 16, authentication: none }
expect: { logicalDeviceName: DLM0000000001, dlmsVersion: 6 }
`,
  );
  return file;
}

function judged(dir: string): SummaryCase[] {
  const summary = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8')) as { cases: SummaryCase[] };
  return summary.cases.filter((c) => c.status !== 'inapplicable');
}

describe('a serial meter that signs on without the IEC 62056-21 enhanced identification', function () {
  this.timeout(150_000);
  let pair: PtyPair;
  let meter: ModeEMeter | undefined;
  let dir: string;

  before(async function () {
    skipWithoutSocat(this);
    pair = await startPtyPair();
  });
  after(async () => pair?.stop());
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-mode-e-'));
    meter = await startModeEMeter(pair.b, pair.a, NO_MODE_E);
  });
  afterEach(async () => {
    await meter?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is reported as the meter failing IEC 62056-21 on every case, with the sign-on bytes in the trace, the summary complete and exit 1', async () => {
    const r = await dlmsct(['run', '--profile', profile(dir, pair.a, 'iec21-mode-e'), '--suite', 'association/open', '--results', 'results'], dir);
    expect(r.code, r.out).to.equal(1);
    expect(r.out).to.match(/IEC21_NO_MODE_E/);
    const cases = judged(dir);
    expect(cases, r.out).to.have.length.greaterThan(0);
    for (const c of cases) {
      expect(c.status, c.id).to.equal('failed');
      expect(c.culprit, c.id).to.equal('dut');
      expect(c.reason, c.id).to.match(
        /IEC 62056-21.*enhanced identification \\2.*expected the enhanced identification \\2 \(binary mode, HDLC\), got no enhanced identification/,
      );
      expect(c.reason, c.id).to.include('the meter sent "/GRX5123456789\\r\\n"');
    }
    // The report's trace holds the request sent and the identification received, as bytes.
    const traces = fs
      .readdirSync(path.join(dir, 'results'))
      .filter((f) => f.endsWith('-attachment.json'))
      .map((f) => fs.readFileSync(path.join(dir, 'results', f), 'utf8'))
      .join('\n');
    expect(traces).to.match(/"dir":\s*"tx",\s*"hex":\s*"2F3F210D0A"/); // the request /?! CR LF
    expect(traces).to.match(/"dir":\s*"rx",\s*"hex":\s*"2F475258353132333435363738390D0A"/); // /GRX5123456789 CR LF
    // The meter heard requests only: no acknowledgement was sent to a meter that did not offer mode E.
    expect(meter!.signOns()).to.include('/?!\r\n');
    expect(meter!.signOns()).not.to.include('\x06');
  });

  it('runs the cases when the profile says requireEnhancedId: false, each with a remark naming the missing \\2', async () => {
    const r = await dlmsct(
      ['run', '--profile', profile(dir, pair.a, '{ kind: iec21-mode-e, requireEnhancedId: false }'), '--suite', 'association/open', '--results', 'results'],
      dir,
    );
    expect(r.code, r.out).to.equal(0);
    const cases = judged(dir);
    expect(cases, r.out).to.have.length.greaterThan(0);
    for (const c of cases) {
      expect(c.status, `${c.id}: ${c.reason ?? ''}`).to.equal('passed-with-remarks');
      expect(c.remarks?.map((m) => m.text).join('\n'), c.id).to.match(/lacks the enhanced identification \\2.*GRX5123456789/);
    }
    expect(r.out).to.match(/remark: .*lacks the enhanced identification \\2/);
    // The acknowledgement went out anyway: HDLC protocol, 9600 baud (Z = 5), binary mode.
    expect(meter!.signOns()).to.include('\x06252\r\n');
  });
});
