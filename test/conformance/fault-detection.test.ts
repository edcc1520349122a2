/**
 * The proof that the conformance checks can fail: every suite passes against the clean
 * simulator (HDLC and wrapper), and every simulator fault makes each case that names it in
 * `detects` fail with the verdict `failed` (the DUT's fault, not a broken harness), at the step
 * the entry names (`detects: [{ fault, step }]`), a step that is not a precondition. A fault
 * fails no case that does not name it. A fault that no case names is a check nobody proved, and
 * fails this test too.
 *
 * Narrowing, for speed: each fault runs the suite files that hold its cases (a fault reaches
 * its own topic; leaks into the neighbouring cases of that topic are the ones found so far),
 * over one framing: HDLC for a fault of the HDLC link, the wrapper for any other (its hooks sit
 * above the link, in the one session both framings share: simulator/server/connection.ts). A
 * named case that does not apply over that framing runs over the other, and a case that applies
 * to neither (a class the default meter lacks) runs on the meter with every catalogue class
 * (profiles/simulator-full.yaml), where the class-rule cases find their objects.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { loadProfile } from '../../harness/profile/load';
import { findSuiteFiles, loadSuites, checkUniqueIds } from '../../harness/suite/load';
import { runSuites } from '../../harness/engine/run-suites';
import type { CaseResult } from '../../harness/engine/result';
import { listFaults } from '../../simulator';
import { FAULTS, type Fault } from '../../simulator/faults';
import type { CaseDef } from '../../harness/suite/types';
import { builtinSecret } from '../../harness/builtin-secrets';
import type { Profile } from '../../harness/profile/types';
import { faultVerdict, readVerdictsBefore } from './verdicts-before';
import { LN_ONLY_FAULTS, SN_ONLY_FAULTS } from './sn-depth';

const ROOT = path.resolve(__dirname, '../..');
const suites = checkUniqueIds(loadSuites(findSuiteFiles(path.join(ROOT, 'suites'))));

/** A shipped profile with a shorter response time-out: silence verdicts need not wait 2 s here. */
function quick(file: string): Profile {
  const p = loadProfile(path.join(ROOT, file), { env: {}, builtinSecrets: builtinSecret });
  return { ...p, timeouts: { ...p.timeouts, responseMs: Math.min(p.timeouts.responseMs, 500) } };
}

const PROFILE_FILES = { hdlc: 'profiles/simulator.yaml', wrapper: 'profiles/simulator-wrapper.yaml' } as const;
const profiles = { hdlc: quick(PROFILE_FILES.hdlc), wrapper: quick(PROFILE_FILES.wrapper) };

/**
 * The verdicts before the suite language changed (inline expect:, one vocabulary, names): a
 * migration of the suites must leave each one as it was, on both profiles and under every fault.
 */
const BEFORE = readVerdictsBefore();
/** The meter with one object of every catalogue class: where a case the default meter cannot serve is proved. */
const fullMeter = quick('profiles/simulator-full.yaml');

function describeResults(results: readonly CaseResult[]): string {
  return results.map((r) => `${r.id}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`).join('\n');
}

describe('conformance suites against the reference simulator', function () {
  this.timeout(120_000);

  for (const [framing, profile] of Object.entries(profiles)) {
    it(`pass in full against the clean simulator over ${framing}`, async () => {
      const results = await runSuites({ profile, suites });
      const now = new Map(results.map((r) => [r.id, r.status]));
      const before = BEFORE.verdicts[PROFILE_FILES[framing as keyof typeof PROFILE_FILES]] ?? {};
      const changed = Object.entries(before).flatMap(([id, status]) =>
        now.get(id) === status ? [] : [`${id}: ${status} before, ${now.get(id) ?? 'no such case'} now`],
      );
      expect(changed, 'verdicts changed by the suite language migration, case by case').to.deep.equal([]);
      const bad = results.filter((r) => r.status !== 'passed' && r.status !== 'passed-with-remarks' && r.status !== 'inapplicable');
      expect(bad, describeResults(bad)).to.deep.equal([]);
      // The reference meter gives the preferred answer everywhere: a remark on it is a tolerance misplaced.
      const remarked = results.filter((r) => r.status === 'passed-with-remarks');
      expect(remarked.map((r) => `${r.id}: ${r.remarks.map((m) => m.text).join('; ')}`)).to.deep.equal([]);
      expect(results.filter((r) => r.status === 'passed').length).to.be.greaterThan(0);
    });
  }

  const detecting = new Map<string, string[]>();
  for (const s of suites) for (const c of s.cases) for (const f of c.detects) detecting.set(f, [...(detecting.get(f) ?? []), c.id]);

  it('has every case name at least one fault it detects', () => {
    const unproved = suites.flatMap((s) => s.cases.filter((c) => c.detects.length === 0).map((c) => `${s.suite}: ${c.id}`));
    expect(unproved, 'cases with an empty detects list').to.deep.equal([]);
  });

  it('names only faults that the simulator has', () => {
    const known = new Set(listFaults().map((f) => f.name));
    const unknown = [...detecting.keys()].filter((f) => !known.has(f));
    expect(unknown).to.deep.equal([]);
  });

  it('has a case that detects every fault in the catalogue', () => {
    const undetected = listFaults()
      .map((f) => f.name)
      .filter((f) => !detecting.has(f));
    expect(undetected, 'faults no case names in detects').to.deep.equal([]);
  });

  it('names, for every detects entry, the step at which the case must fail', () => {
    const bare = suites.flatMap((s) =>
      s.cases.flatMap((c) => c.detects.filter((f) => c.detectsAt?.[f] === undefined).map((f) => `${s.suite}: ${c.id} detects ${f} without its step`)),
    );
    expect(bare).to.deep.equal([]);
  });

  const caseById = new Map<string, CaseDef>(suites.flatMap((s) => s.cases.map((c) => [c.id, c] as const)));
  const isLinkFault = (f: Fault): boolean => f.hooks.hdlc !== undefined || f.hooks.acceptBadFcs === true;

  /** What is wrong with a result under `fault`: a named case not failing at its step, or another case failing. */
  function problem(r: CaseResult, fault: string): string | undefined {
    const def = caseById.get(r.caseId);
    const want = def?.detectsAt?.[fault];
    const failing = r.steps.find((st) => st.status !== 'passed' && st.status !== 'not-run');
    if (want === undefined) {
      return r.status === 'failed' || r.status === 'broken'
        ? `${r.id}: ${r.status} though it does not name ${fault} (step ${failing ? failing.index + 1 : '?'}: ${r.reason ?? ''})`
        : undefined;
    }
    if (r.status === 'inapplicable') return undefined;
    // The SN instance of a case run in both referencings: a fault of an LN encoding cannot reach it.
    const unreachable = r.referencing === 'sn' ? LN_ONLY_FAULTS[fault] : r.referencing === 'ln' ? SN_ONLY_FAULTS[fault] : undefined;
    if (unreachable !== undefined) return r.status === 'failed' || r.status === 'broken' ? `${r.id}: ${r.status}` : undefined;
    if (r.status !== 'failed') return `${r.id}: ${r.status}, expected failed at step ${want} (${r.reason ?? ''})`;
    if (!failing || failing.index + 1 !== want)
      return `${r.id}: failed at step ${failing ? failing.index + 1 : '?'} (${failing?.name ?? ''}), the suite names step ${want}`;
    if (failing.precondition) return `${r.id}: failed at step ${want}, a precondition`;
    return undefined;
  }

  for (const fault of FAULTS) {
    const ids = detecting.get(fault.name) ?? [];
    if (ids.length === 0) continue;
    it(`fault ${fault.name} makes ${ids.join(', ')} fail at their named steps, and no other case of their suites`, async () => {
      const [first, other] = isLinkFault(fault) ? [profiles.hdlc, profiles.wrapper] : [profiles.wrapper, profiles.hdlc];
      const files = suites.filter((s) => s.cases.some((c) => c.detects.includes(fault.name)));
      const results = await runSuites({ profile: first, suites: files, faults: [fault.name] });
      const notHere = new Set(results.filter((r) => r.status === 'inapplicable' && ids.includes(r.caseId)).map((r) => r.caseId));
      for (const caseId of notHere) {
        const there = await runSuites({ profile: other, suites, faults: [fault.name], filter: { caseId } });
        const nowhere = there.every((r) => r.status === 'inapplicable');
        results.push(...(nowhere ? await runSuites({ profile: fullMeter, suites, faults: [fault.name], filter: { caseId } }) : there));
      }
      const named = results.filter((r) => ids.includes(r.caseId) && r.status !== 'inapplicable');
      expect(named.length, `applicable cases run for ${fault.name}`).to.be.greaterThan(0);
      const problems = results.map((r) => problem(r, fault.name)).filter((p): p is string => p !== undefined);
      expect(problems).to.deep.equal([]);
      const before = BEFORE.faults[fault.name] ?? {};
      const now = new Map(results.map((r) => [r.id, faultVerdict(r)]));
      const changed = Object.entries(before).flatMap(([id, v]) => {
        const n = now.get(id);
        return n?.status === v.status && n.step === v.step
          ? []
          : [`${id}: ${v.status}${v.step ? ` at step ${v.step}` : ''} before, ${n ? `${n.status}${n.step ? ` at step ${n.step}` : ''}` : 'not run'} now`];
      });
      expect(changed, `verdicts under ${fault.name} changed by the suite language migration`).to.deep.equal([]);
    });
  }
});
