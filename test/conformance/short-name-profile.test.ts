/**
 * A short-name-only meter (issue 10 item 7): with profiles/simulator-sn.yaml (the built-in meter,
 * one SN association, no LN one) every case either runs over SN and passes, or is inapplicable
 * with the reason; no case sends an LN service the meter cannot parse (no GET, SET, ACTION or
 * ACCESS request crosses the wire), so none fails after a silence. The object walk, the class
 * rules and selective access run over SN (READ by base name, parameterized access), the walk's
 * method checks too (a READ of the method's short name), and pass, and
 * each fails over SN on the simulator faults it names, as over LN.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { runSuites } from '../../harness/engine/run-suites';
import { builtinSecret } from '../../harness/builtin-secrets';
import { loadProfile } from '../../harness/profile/load';
import type { Profile } from '../../harness/profile/types';
import { checkUniqueIds, findSuiteFiles, loadSuites } from '../../harness/suite/load';
import { SN_DEPTH, missedAtStep, snDepthFaults } from './sn-depth';

const ROOT = path.resolve(__dirname, '../..');
/** The LN service requests (Green Book 9.5), as the trace's APDU layer names them. */
const LN_REQUEST = /^(get|set|action|access)-request\b/;

function snProfile(): Profile {
  const p = loadProfile(path.join(ROOT, 'profiles', 'simulator-sn.yaml'), { env: {}, builtinSecrets: builtinSecret });
  return { ...p, timeouts: { ...p.timeouts, responseMs: Math.min(p.timeouts.responseMs, 500) } };
}

describe('an SN-only profile of the simulator', function () {
  this.timeout(300_000);
  const suites = checkUniqueIds(loadSuites(findSuiteFiles(path.join(ROOT, 'suites'))));

  it('runs the SN cases, the object walk, class rules and selective access over SN and passes them; every other case is inapplicable, with the reason, and no LN request is sent', async () => {
    const results = await runSuites({ profile: snProfile(), suites, filter: { quick: true } });
    const bad = results.filter((r) => !['passed', 'inapplicable'].includes(r.status)).map((r) => `${r.id}: ${r.status} ${r.reason ?? ''}`);
    expect(bad).to.deep.equal([]);
    expect(results.filter((r) => r.status === 'inapplicable' && !r.reason)).to.deep.equal([]);
    const sn = results.filter((r) => /^ASSOC-(SN|OPEN-SN|RELEASE-SN)/.test(r.id));
    expect(sn.length, 'SN cases run').to.be.greaterThan(5);
    expect(sn.filter((r) => r.status !== 'passed').map((r) => r.id)).to.deep.equal([]);
    const byId = new Map(results.map((r) => [r.id, r]));
    const depth = SN_DEPTH.map((id) => `${id}: ${byId.get(id)?.status ?? 'not run'} ${byId.get(id)?.reason ?? ''}`.trim());
    expect(depth, 'run over SN').to.deep.equal(SN_DEPTH.map((id) => `${id}: passed`));
    const lnSent = results.flatMap((r) =>
      r.trace.filter((t) => t.dir === 'tx' && t.layers.some((l) => l.layer === 'apdu' && LN_REQUEST.test(l.summary))).map(() => r.id),
    );
    expect([...new Set(lnSent)], 'cases that sent an LN request').to.deep.equal([]);
  });

  it('fails each of those cases over SN at its named step under every fault it names (bar faults of LN encodings)', async () => {
    const profile = snProfile();
    const problems: string[] = [];
    let proved = 0;
    for (const f of snDepthFaults(suites)) {
      const [r] = await runSuites({ profile, suites: [f.suite], faults: [f.fault], filter: { caseId: f.def.id } });
      const miss = missedAtStep(r, f);
      if (miss) problems.push(miss);
      else proved++;
    }
    expect(problems).to.deep.equal([]);
    expect(proved, 'faults proved over SN').to.be.greaterThan(30);
  });
});
