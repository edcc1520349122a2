/**
 * A meter with LN and SN associations (profiles/simulator-mixed.yaml: the built-in meter, two LN
 * and two SN associations): every case whose object steps work in either referencing (the object
 * walk, class rules, selective access) runs on every association the profile names, each in its
 * own referencing: a loop case once per association (`OBJECT-WALK-COUNTS[short]`), a case run
 * once on LN and once on SN (`CLOCK-ATTRIBUTES`, `CLOCK-ATTRIBUTES[sn]`). The SN instances speak
 * READ/WRITE only, the LN ones GET/SET/ACTION only; both pass on the clean meter, and the SN ones
 * fail at the named step under the faults their case names (docs/decisions/short-name-walk.md).
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { builtinSecret } from '../../harness/builtin-secrets';
import type { CaseResult } from '../../harness/engine/result';
import { bothReferencings } from '../../harness/engine/referencing';
import { runSuites } from '../../harness/engine/run-suites';
import { loadProfile } from '../../harness/profile/load';
import type { Profile } from '../../harness/profile/types';
import { checkUniqueIds, findSuiteFiles, loadSuites } from '../../harness/suite/load';
import { SN_DEPTH, missedAtStep, snDepthFaults } from './sn-depth';

const ROOT = path.resolve(__dirname, '../..');
const LN_REQUEST = /^(get|set|action|access)-request\b/;
const SN_REQUEST = /^(read|write|unconfirmed-write)-request\b/;

function mixedProfile(): Profile {
  const p = loadProfile(path.join(ROOT, 'profiles', 'simulator-mixed.yaml'), { env: {}, builtinSecrets: builtinSecret });
  return { ...p, timeouts: { ...p.timeouts, responseMs: Math.min(p.timeouts.responseMs, 500) } };
}

/** The id an SN-only profile's instance has here: `[reader]` there is `[sn-reader]` here, a case run once is `ID[sn]`. */
function mixedId(snOnlyId: string): string {
  const m = /^(.*)\[(.*)\]$/.exec(snOnlyId);
  if (!m) return `${snOnlyId}[sn]`;
  return m[2] === 'reader' ? `${m[1]}[sn-reader]` : snOnlyId;
}

function sent(r: CaseResult, re: RegExp): boolean {
  return r.trace.some((t) => t.dir === 'tx' && t.layers.some((l) => l.layer === 'apdu' && re.test(l.summary)));
}

describe('a profile with both LN and SN associations', function () {
  this.timeout(300_000);
  const suites = checkUniqueIds(loadSuites(findSuiteFiles(path.join(ROOT, 'suites'))));
  const profile = mixedProfile();

  it('runs the object walk, class rules and selective access on every association, each in its own referencing, and passes them', async () => {
    const results = await runSuites({ profile, suites, filter: { quick: true } });
    const bad = results.filter((r) => !['passed', 'inapplicable'].includes(r.status)).map((r) => `${r.id}: ${r.status} ${r.reason ?? ''}`);
    expect(bad).to.deep.equal([]);
    const ids = new Set(results.map((r) => r.id));
    // Every case run in both has its instances: per association for a loop, `ID` and `ID[sn]` otherwise.
    const both = suites.flatMap((s) => s.cases.filter((c) => bothReferencings(c, profile)));
    expect(both.length, 'cases run in both referencings').to.be.greaterThan(40);
    const missing = both.flatMap((c) =>
      (c.forEach === 'association' ? profile.associations.map((a) => `${c.id}[${a.name}]`) : [c.id, `${c.id}[sn]`]).filter((id) => !ids.has(id)),
    );
    expect(missing, 'instances not run').to.deep.equal([]);
    const byId = new Map(results.map((r) => [r.id, r]));
    const depth = SN_DEPTH.map(mixedId).map((id) => `${id}: ${byId.get(id)?.status ?? 'not run'} ${byId.get(id)?.reason ?? ''}`.trim());
    expect(depth, 'run over SN').to.deep.equal(SN_DEPTH.map((id) => `${mixedId(id)}: passed`));
    const sn = results.filter((r) => r.referencing === 'sn' && r.status !== 'inapplicable');
    const ln = results.filter((r) => r.referencing === 'ln' && r.status !== 'inapplicable');
    expect(sn.length).to.be.greaterThan(20);
    expect(ln.length).to.be.greaterThan(20);
    expect(
      sn.filter((r) => sent(r, LN_REQUEST)).map((r) => r.id),
      'SN instances that sent an LN request',
    ).to.deep.equal([]);
    expect(
      ln.filter((r) => sent(r, SN_REQUEST)).map((r) => r.id),
      'LN instances that sent an SN request',
    ).to.deep.equal([]);
    expect(sn.every((r) => sent(r, SN_REQUEST))).to.equal(true);
  });

  it('fails the SN instances at their named step under every fault their case names (bar faults of LN encodings)', async () => {
    const problems: string[] = [];
    let proved = 0;
    for (const f of snDepthFaults(suites)) {
      const results = await runSuites({ profile, suites: [f.suite], faults: [f.fault], filter: { caseId: f.def.id } });
      for (const r of results.filter((x) => x.referencing === 'sn' && SN_DEPTH.map(mixedId).includes(x.id))) {
        const miss = missedAtStep(r, f, r.id);
        if (miss) problems.push(miss);
        else proved++;
      }
    }
    expect(problems).to.deep.equal([]);
    expect(proved, 'faults proved on the SN side').to.be.greaterThan(30);
  });

  it('catches a defect of the SN side alone: under sn-read-date-time-day-zero the LN instance passes and the SN one fails at its named step', async () => {
    const clock = suites.filter((s) => s.cases.some((c) => c.id === 'CLOCK-ATTRIBUTES'));
    const results = await runSuites({ profile, suites: clock, faults: ['sn-read-date-time-day-zero'], filter: { caseId: 'CLOCK-ATTRIBUTES' } });
    const at = (r: CaseResult) => `${r.id}: ${r.status}${r.status === 'failed' ? ` at step ${r.steps.findIndex((x) => x.status === 'failed') + 1}` : ''}`;
    expect(results.map(at)).to.deep.equal(['CLOCK-ATTRIBUTES: passed', 'CLOCK-ATTRIBUTES[sn]: failed at step 3']);
  });
});
