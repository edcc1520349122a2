import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'dlmsct.js');

describe('ordinary outcomes end without a stack trace', function () {
  this.timeout(180_000);

  it('ends quietly when the reader of its output goes away (dlmsct list | head -1)', () => {
    // pipefail: the shell reports dlmsct's own exit status, not head's.
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" list | head -1`], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout.split('\n').filter(Boolean)).to.have.length(1);
    expect(r.stderr).to.not.match(/EPIPE|Error|\bat /);
    expect(r.status).to.equal(0);
  });

  it('says a failure as its clause and expected/got, with no stack lines', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-quiet-'));
    const profile = fs
      .readFileSync(path.join(ROOT, 'profiles/simulator.yaml'), 'utf8')
      .replace('framing: hdlc }', 'framing: hdlc, faults: [logical-device-name-wrong] }');
    fs.writeFileSync(path.join(dir, 'faulty.yaml'), profile);
    const r = spawnSync(process.execPath, [BIN, 'run', '--profile', 'faulty.yaml', '--case', 'ASSOC-LOGICAL-DEVICE-NAME', '--results', 'results'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).to.equal(1);
    const console = r.stdout + r.stderr;
    expect(console).to.match(/AssertionError: Blue Book 4.1.8 .*: expected .*"DLM0000000001", got .*"WRONGNAME"\)$/m);
    expect(console).to.not.match(/^\s+at /m);
    // The case's spec link opens a file that exists (its suite file), wherever the report goes.
    const results = fs.readdirSync(path.join(dir, 'results')).filter((f) => f.endsWith('-result.json'));
    const links = results.flatMap(
      (f) => (JSON.parse(fs.readFileSync(path.join(dir, 'results', f), 'utf8')) as { links: { type: string; url: string }[] }).links,
    );
    const spec = links.filter((l) => l.type === 'spec');
    expect(spec).to.have.length(1);
    expect(fs.existsSync(fileURLToPath(spec[0]!.url)), spec[0]!.url).to.equal(true);
  });
});
