import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { testProfile } from '../../test/support/harness/profiles';
import { builtinSecret } from '../builtin-secrets';
import { loadProfile } from '../profile/load';
import { findSuiteFiles, loadSuites, parseSuite } from '../suite/load';
import { planCases } from './plan';

const ROOT = path.resolve(__dirname, '../..');
const suite = (name: string, order: string, cases: string) => parseSuite(`suite: ${name}\ntitle: T\nspec: S\n${order}cases:\n${cases}`, `${name}.yaml`);
const one = (id: string, extra = '') => `  - { id: ${id}, title: t, spec: s, requirement: r, detects: [], ${extra}steps: [ { connect: {} } ] }\n`;

describe('the order of cases in a plan', () => {
  it('runs the cases of a suite with order: last after every other case, wherever its file sorts', () => {
    const first = suite('aaa/destroys', 'order: last\n', one('DESTROY'));
    const reader = suite('zzz/reads', '', one('READ-ONE') + one('READ-TWO'));
    expect(planCases([first, reader], testProfile()).map((p) => p.id)).to.deep.equal(['READ-ONE', 'READ-TWO', 'DESTROY']);
  });

  it('runs a case with its own order: last after the others, the rest of its suite in file order', () => {
    const mixed = suite('aaa/mixed', '', one('RESET', 'order: last, ') + one('KEEP'));
    const other = suite('bbb/other', '', one('OTHER'));
    expect(planCases([mixed, other], testProfile()).map((p) => p.id)).to.deep.equal(['KEEP', 'OTHER', 'RESET']);
  });

  it('rejects an unknown order as a located configuration error', () => {
    expect(() => suite('aaa/x', 'order: first\n', one('X'))).to.throw(/aaa\/x.yaml:4:8: .*last/);
  });

  it('keeps PROFILE-RESET after every case that reads a profile, even when its folder is renamed to sort first', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-order-'));
    try {
      fs.mkdirSync(path.join(dir, 'aaa-state-changing'));
      fs.copyFileSync(path.join(ROOT, 'suites/state-changing/profile-reset.yaml'), path.join(dir, 'aaa-state-changing/profile-reset.yaml'));
      fs.mkdirSync(path.join(dir, 'selective-access'));
      fs.copyFileSync(path.join(ROOT, 'suites/selective-access/profile-generic.yaml'), path.join(dir, 'selective-access/profile-generic.yaml'));
      const suites = loadSuites(findSuiteFiles(dir));
      expect(suites[0]?.suite, 'the renamed folder sorts first').to.equal('state-changing/profile-reset');
      const profile = loadProfile(path.join(ROOT, 'profiles/simulator.yaml'), { env: {}, builtinSecrets: builtinSecret });
      const ids = planCases(suites, profile).map((p) => p.def.id);
      expect(ids.at(-1)).to.equal('PROFILE-RESET');
      expect(ids.filter((id) => id.startsWith('SA-')).length).to.be.greaterThan(5);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
