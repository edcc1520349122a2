/**
 * The meter with one object of every catalogue class (simulator/meters/full.yaml,
 * profiles/simulator-full.yaml) carries the class cases the default meter cannot serve: here
 * every classes/ case passes on it clean and under every legal variant that reaches the classes
 * suites (the other half of fault-detection.test.ts's proof), and a run without
 * `state-changing` leaves every attribute of the meter as it found it.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { builtinSecret } from '../../harness/builtin-secrets';
import { globToRegExp } from '../../harness/engine/glob';
import type { CaseResult } from '../../harness/engine/result';
import { runSuites } from '../../harness/engine/run-suites';
import { loadProfile } from '../../harness/profile/load';
import type { Profile } from '../../harness/profile/types';
import { checkUniqueIds, findSuiteFiles, loadSuites } from '../../harness/suite/load';
import { createSimulator, VARIANTS } from '../../simulator';
import { dutOf, snapshot } from '../support/meter-snapshot';

const ROOT = path.resolve(__dirname, '../..');
const FULL_METER = path.join(ROOT, 'simulator', 'meters', 'full.yaml');
const classSuites = checkUniqueIds(loadSuites(findSuiteFiles(path.join(ROOT, 'suites')))).filter((s) => s.suite.startsWith('classes/'));
const ALLOWED = new Set<string>(['passed', 'passed-with-remarks', 'inapplicable']);
/** An instant for a meter whose clock and registers must hold still while it is compared. */
const FROZEN_MS = Date.UTC(2026, 5, 1, 12, 0, 0);

/** The full meter's profile over the wrapper (no HDLC polling: quicker), time-outs shortened. */
function fullProfile(): Profile {
  const p = loadProfile(path.join(ROOT, 'profiles', 'simulator-full.yaml'), { env: {}, builtinSecrets: builtinSecret });
  if (p.transport.kind !== 'builtin') throw new Error('profiles/simulator-full.yaml serves the built-in simulator');
  return { ...p, transport: { ...p.transport, framing: 'wrapper' }, timeouts: { ...p.timeouts, responseMs: Math.min(p.timeouts.responseMs, 500) } };
}

function describeResults(results: readonly CaseResult[]): string {
  return results.map((r) => `${r.id}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`).join('\n');
}

describe('the meter with every catalogue class', function () {
  this.timeout(120_000);
  const profile = fullProfile();

  it('passes every classes/ case on the clean meter, with no remark', async () => {
    const results = await runSuites({ profile, suites: classSuites });
    const bad = results.filter((r) => r.status !== 'passed' && r.status !== 'inapplicable');
    expect(bad, describeResults(bad)).to.deep.equal([]);
    expect(results.filter((r) => r.id.startsWith('CLASS-RULES-') && r.status === 'passed').length).to.be.greaterThan(15);
  });

  // Variants that rewrite the meter definition (v.meter) included: full.yaml `extends` the
  // default meter, and the loader resolves that before a variant rewrites it.
  const reaching = VARIANTS.filter((v) => v.affects.some((g) => classSuites.some((s) => globToRegExp(g).test(s.suite))));
  it(`passes the class-rule cases under every legal variant that reaches the classes suites (${reaching.length})`, async () => {
    const rules = classSuites.filter((s) => s.suite.startsWith('classes/class-rules'));
    const bad: CaseResult[] = [];
    for (const v of reaching) bad.push(...(await runSuites({ profile, suites: rules, variants: [v.name] })).filter((r) => !ALLOWED.has(r.status)));
    expect(bad, describeResults(bad)).to.deep.equal([]);
  });

  it('keeps every attribute value through a run of the classes suites without state-changing', async () => {
    expect(profile.features['state-changing']).to.not.equal(true);
    const sim = createSimulator({ meter: FULL_METER, framing: 'wrapper', now: () => FROZEN_MS });
    const dut = dutOf(sim, profile);
    try {
      const before = await snapshot(dut, profile);
      expect(before.size).to.be.greaterThan(500);
      await runSuites({ profile, suites: classSuites, dut });
      const after = await snapshot(dut, profile);
      const changed = [...before].filter(([k, v]) => after.get(k) !== v).map(([k, v]) => `${k}: ${v} → ${after.get(k) ?? 'absent'}`);
      expect(changed, changed.join('\n')).to.deep.equal([]);
    } finally {
      await dut.stop();
    }
  });
});
