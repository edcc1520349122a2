import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../../config/error';
import { refuseInCertification, refuseProfileDeviations } from './certification';
import { UsageError } from './io';
import { main } from './main';

const ROOT = path.resolve(__dirname, '..', '..');

async function dlmsct(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('certification mode', () => {
  it('refuses case selection, another suites folder and known deviations, naming each', () => {
    expect(() => refuseInCertification({})).to.not.throw();
    expect(() => refuseInCertification({ case: 'ASSOC-OPEN', deviations: 'd.yaml' })).to.throw(
      UsageError,
      '--certification runs every case of every suite and lets every verdict stand; it refuses --case (selects cases), --deviations (turns known failures into expected ones)',
    );
    for (const k of ['suite', 'tag', 'suites'] as const) expect(() => refuseInCertification({ [k]: 'x' })).to.throw(UsageError, `--${k} (`);
    expect(() => refuseInCertification({ quick: true })).to.throw(UsageError, '--quick (skips the long timer cases)');
    expect(() => refuseInCertification({ quick: false, certification: true } as never)).to.not.throw();
  });

  it('refuses a profile that names a deviations file, at its deviations: key', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-cert-')), 'p.yaml');
    fs.writeFileSync(
      file,
      'device: { name: m }\ntransport: { kind: builtin, framing: wrapper }\nassociations: { public: { clientSap: 16, authentication: none } }\ndeviations: known.yaml\n',
    );
    expect(() => refuseProfileDeviations(file)).to.throw(ConfigError, `${file}:4:13: CERTIFICATION_DEVIATIONS`);
  });

  it('exits 2 before running anything when dlmsct run --certification is given a filter or deviations', async function () {
    this.timeout(20_000);
    const filtered = await dlmsct(['run', '--profile', path.join(ROOT, 'profiles/simulator.yaml'), '--certification', '--suite', 'association/*']);
    expect(filtered.code).to.equal(2);
    expect(filtered.err).to.contain(
      'dlmsct run: --certification runs every case of every suite and lets every verdict stand; it refuses --suite (selects suites)',
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-cert-'));
    const profile = fs.readFileSync(path.join(ROOT, 'profiles/simulator.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'p.yaml'), `${profile}\ndeviations: known.yaml\n`);
    const viaProfile = await dlmsct(['run', '--profile', path.join(dir, 'p.yaml'), '--certification', '--results', path.join(dir, 'r')]);
    expect(viaProfile.code).to.equal(2);
    expect(viaProfile.err).to.match(/p\.yaml:\d+:13: CERTIFICATION_DEVIATIONS/);
    expect(fs.existsSync(path.join(dir, 'r'))).to.equal(false);
  });
});
