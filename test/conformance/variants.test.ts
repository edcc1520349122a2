/**
 * The other half of the two-sided proof (DESIGN.md, The simulator): under every legal variant
 * of the reference meter (simulator/variants/) — a behaviour the standard allows and a real
 * meter shows — every case passes, passes with remarks, or is inapplicable with its reason,
 * over HDLC and over the wrapper. A case that fails here fails a conforming meter: a false
 * failure of ours, to be fixed in the case (tolerant, with a remark citing the clause).
 *
 * Narrowing, for speed (each run is in process, in memory):
 * - Under a variant only the suites it names in `affects` run. A variant changes the meter at
 *   its interception points only (the HDLC link, the AARE, a refusal code, one object's
 *   values…), so a suite that never reaches those points sees the clean meter, which
 *   fault-detection.test.ts already runs in full. A variant whose reach is wide (a hang-up, the
 *   object list order) names every suite.
 * - A variant that acts above the link (its hooks are in the session, the ACSE, xDLMS, the
 *   objects; it names no `hdlc/*` suite and changes no HDLC setting) meets the very same server
 *   code under both framings (simulator/server/connection.ts stacks one session under either
 *   link): it runs over the wrapper, where no HDLC poll and silence wait slows it. Variants that
 *   touch the link, or close the connection, run over both.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { loadProfile } from '../../harness/profile/load';
import { findSuiteFiles, loadSuites, checkUniqueIds } from '../../harness/suite/load';
import { runSuites } from '../../harness/engine/run-suites';
import { globToRegExp } from '../../harness/engine/glob';
import type { CaseResult } from '../../harness/engine/result';
import { builtinSecret } from '../../harness/builtin-secrets';
import type { Profile } from '../../harness/profile/types';
import { VARIANTS, type Variant } from '../../simulator';

const ROOT = path.resolve(__dirname, '../..');
const suites = checkUniqueIds(loadSuites(findSuiteFiles(path.join(ROOT, 'suites'))));

/** Verdicts a conforming meter may get: passed (with remarks or not), or inapplicable with a reason. */
const ALLOWED = new Set<string>(['passed', 'passed-with-remarks', 'inapplicable']);

/**
 * Variants the harness cannot face yet, each with the piece of issue 8 it waits for (run as
 * pending, so the wait shows): remove an entry once that piece is on main.
 */
const AWAITING: Readonly<Record<string, string>> = {};

/** Whether a variant reaches the HDLC link (then it runs over HDLC as well as the wrapper). */
function touchesLink(v: Variant): boolean {
  return v.affects.some((g) => globToRegExp(g).test('hdlc/frame')) || v.profile?.hdlc !== undefined || v.hooks?.hdlc !== undefined;
}

function allowedInconclusive(v: Variant, r: CaseResult): boolean {
  return r.status === 'inconclusive' && (v.inconclusive?.cases ?? []).some((g) => globToRegExp(g).test(r.caseId));
}

/** A shipped profile with a shorter response time-out (silence verdicts need not wait 2 s), as the variant's meter is described. */
function profileFor(file: string, v: Variant): Profile {
  const p = loadProfile(path.join(ROOT, file), { env: {}, builtinSecrets: builtinSecret });
  return { ...p, hdlc: { ...p.hdlc, ...v.profile?.hdlc }, timeouts: { ...p.timeouts, responseMs: Math.min(p.timeouts.responseMs, 500) } };
}

function describeResults(results: readonly CaseResult[]): string {
  return results.map((r) => `${r.id}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`).join('\n');
}

function affected(v: Variant): typeof suites {
  const res = v.affects.map(globToRegExp);
  return suites.filter((s) => res.some((re) => re.test(s.suite)));
}

describe('conformance suites against every legal variant of the simulator', function () {
  this.timeout(120_000);

  it('has at least 30 variants, each named, described, cited and reaching at least one suite', () => {
    expect(VARIANTS.length).to.be.at.least(30);
    for (const v of VARIANTS) {
      expect(v.name, v.name).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(v.description.length, v.name).to.be.greaterThan(20);
      expect(v.clause.length, v.name).to.be.greaterThan(5);
      expect(affected(v).length, `${v.name} reaches no suite`).to.be.greaterThan(0);
    }
  });

  for (const v of VARIANTS) {
    const framings = [['wrapper', 'profiles/simulator-wrapper.yaml'] as const, ...(touchesLink(v) ? [['hdlc', 'profiles/simulator.yaml'] as const] : [])];
    for (const [framing, file] of framings) {
      const title = `passes every case it reaches under ${v.name} over ${framing}`;
      const waiting = AWAITING[v.name];
      if (waiting !== undefined) {
        it(`${title} (waits for ${waiting})`);
        continue;
      }
      it(title, async () => {
        const results = await runSuites({ profile: profileFor(file, v), suites: affected(v), variants: [v.name] });
        const bad = results.filter((r) => !ALLOWED.has(r.status) && !allowedInconclusive(v, r));
        expect(bad, describeResults(bad)).to.deep.equal([]);
      });
    }
  }
});
