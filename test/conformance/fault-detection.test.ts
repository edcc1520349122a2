/**
 * The proof that the conformance checks can fail: every suite passes against the clean
 * simulator (HDLC and wrapper), and every simulator fault makes each case that names it in
 * `detects` fail with the verdict `failed` (the DUT's fault, not a broken harness). A fault
 * that no case names is a check nobody proved, and fails this test too.
 */
import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProfile } from '../../harness/profile/load';
import { findSuiteFiles, loadSuites, checkUniqueIds } from '../../harness/suite/load';
import { runSuites } from '../../harness/engine/run-suites';
import type { CaseResult } from '../../harness/engine/result';
import { listFaults } from '../../simulator';
import { builtinSecret } from '../../harness/builtin-secrets';
import type { Profile } from '../../harness/profile/types';

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
 * The verdict of every case on both profiles before the suite language changed (inline expect:,
 * names, one vocabulary): a migration of the suites must leave each one as it was.
 */
const BEFORE = (JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures/verdicts-before-language.json'), 'utf8')) as { verdicts: Record<string, Record<string, string>> }).verdicts;

function describeResults(results: readonly CaseResult[]): string {
  return results.map((r) => `${r.id}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`).join('\n');
}

describe('conformance suites against the reference simulator', function () {
  this.timeout(120_000);

  for (const [framing, profile] of Object.entries(profiles)) {
    it(`pass in full against the clean simulator over ${framing}`, async () => {
      const results = await runSuites({ profile, suites });
      const now = new Map(results.map((r) => [r.id, r.status]));
      const before = BEFORE[PROFILE_FILES[framing as keyof typeof PROFILE_FILES]] ?? {};
      const changed = Object.entries(before).flatMap(([id, status]) => (now.get(id) === status ? [] : [`${id}: ${status} before, ${now.get(id) ?? 'no such case'} now`]));
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

  for (const fault of listFaults()) {
    const ids = detecting.get(fault.name) ?? [];
    if (ids.length === 0) continue;
    it(`fault ${fault.name} makes ${ids.join(', ')} fail`, async () => {
      // Each detecting case runs over every framing where it applies.
      const named: CaseResult[] = [];
      for (const profile of Object.values(profiles)) {
        for (const caseId of ids) {
          const results = await runSuites({ profile, suites, faults: [fault.name], filter: { caseId } });
          named.push(...results.filter((r) => r.status !== 'inapplicable'));
        }
      }
      expect(named.length, `applicable cases run for ${fault.name}`).to.be.greaterThan(0);
      const notFailed = named.filter((r) => r.status !== 'failed');
      expect(notFailed, describeResults(notFailed)).to.deep.equal([]);
    });
  }
});
