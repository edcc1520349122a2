/**
 * A short-name-only meter (issue 10 item 7): with profiles/simulator-sn.yaml (the built-in meter,
 * one SN association, no LN one) every case either runs over SN and passes, or is inapplicable
 * with the reason; no case sends an LN service the meter cannot parse (no GET, SET, ACTION or
 * ACCESS request crosses the wire), so none fails after a silence. The object walk, the class
 * rules and selective access run over SN (READ, parameterized access) and pass.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { runSuites } from '../../harness/engine/run-suites';
import { builtinSecret } from '../../harness/builtin-secrets';
import { loadProfile } from '../../harness/profile/load';
import { checkUniqueIds, findSuiteFiles, loadSuites } from '../../harness/suite/load';

const ROOT = path.resolve(__dirname, '../..');
/** The LN service requests (Green Book 9.5), as the trace's APDU layer names them. */
const LN_REQUEST = /^(get|set|action|access)-request\b/;
/** The object walk, class rules and selective access cases that must run over SN and pass (issue 10, Done when). */
const SN_DEPTH = [
  'OBJECT-WALK-COUNTS[short]',
  'OBJECT-WALK-READ-REFUSED[short]',
  'OBJECTS-READABLE-AS-LISTED[short]',
  'REGISTER-ATTRIBUTES',
  'CLOCK-ATTRIBUTES',
  'PROFILE-GENERIC-ATTRIBUTES',
  'CLASS-RULES-SECURITY-SETUP',
  'SA-RANGE-WHOLE',
  'SA-RANGE-NON-CLOCK',
  'SA-ENTRY-ONE',
  'SA-ENTRY-COLUMNS-OUT-OF-RANGE',
  'SA-RANGE[short]',
  'SA-ENTRY[short]',
  'SA-INVALID-SELECTOR[short]',
];

describe('an SN-only profile of the simulator', function () {
  this.timeout(300_000);

  it('runs the SN cases and passes them; every other case is inapplicable, with the reason, and no LN request is sent', async () => {
    const p = loadProfile(path.join(ROOT, 'profiles', 'simulator-sn.yaml'), { env: {}, builtinSecrets: builtinSecret });
    const profile = { ...p, timeouts: { ...p.timeouts, responseMs: Math.min(p.timeouts.responseMs, 500) } };
    const suites = checkUniqueIds(loadSuites(findSuiteFiles(path.join(ROOT, 'suites'))));
    const results = await runSuites({ profile, suites, filter: { quick: true } });
    const bad = results.filter((r) => !['passed', 'inapplicable'].includes(r.status)).map((r) => `${r.id}: ${r.status} ${r.reason ?? ''}`);
    expect(bad).to.deep.equal([]);
    expect(results.filter((r) => r.status === 'inapplicable' && !r.reason)).to.deep.equal([]);
    const sn = results.filter((r) => /^ASSOC-(SN|OPEN-SN|RELEASE-SN)/.test(r.id));
    expect(sn.length, 'SN cases run').to.be.greaterThan(5);
    expect(sn.filter((r) => r.status !== 'passed').map((r) => r.id)).to.deep.equal([]);
    const byId = new Map(results.map((r) => [r.id, r]));
    for (const id of SN_DEPTH) expect(`${id}: ${byId.get(id)?.status} ${byId.get(id)?.reason ?? ''}`.trim(), 'runs over SN').to.equal(`${id}: passed`);
    const lnSent = results.flatMap((r) =>
      r.trace.filter((t) => t.dir === 'tx' && t.layers.some((l) => l.layer === 'apdu' && LN_REQUEST.test(l.summary))).map(() => r.id),
    );
    expect([...new Set(lnSent)], 'cases that sent an LN request').to.deep.equal([]);
  });
});
