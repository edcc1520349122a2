/**
 * An object whose class or version the catalogue does not know is never a silent pass (issue 10
 * item 2): a DLMS UA class or version the catalogue lacks leaves a remark, counted in the
 * summary; a manufacturer-specific class (the reference meter's test object, class 8192) is noted
 * and counted apart, not held against the meter, so the clean meter has no such remark.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { builtinSecret } from '../../harness/builtin-secrets';
import type { CaseResult } from '../../harness/engine/result';
import { runSuites } from '../../harness/engine/run-suites';
import { loadProfile } from '../../harness/profile/load';
import type { Profile } from '../../harness/profile/types';
import { findSuiteFiles, loadSuites } from '../../harness/suite/load';
import { buildSummary } from '../../reports/summary';

const ROOT = path.resolve(__dirname, '../..');
const CASE_IDS = ['OBJECT-WALK-COUNTS', 'OBJECTS-READABLE-AS-LISTED'];
/** The two cases that walk every object of every association. */
const SUITES = loadSuites(findSuiteFiles(path.join(ROOT, 'suites', 'classes')))
  .map((s) => ({ ...s, cases: s.cases.filter((c) => CASE_IDS.includes(c.id)) }))
  .filter((s) => s.cases.length > 0);

function fullProfile(): Profile {
  const p = loadProfile(path.join(ROOT, 'profiles', 'simulator-full.yaml'), { env: {}, builtinSecrets: builtinSecret });
  if (p.transport.kind !== 'builtin') throw new Error('profiles/simulator-full.yaml serves the built-in simulator');
  return { ...p, transport: { ...p.transport, framing: 'wrapper' } };
}

const notesOf = (r: CaseResult): string[] => r.steps.flatMap((s) => [...s.notes, ...(s.substeps ?? []).flatMap((x) => x.notes)]);

describe('objects and values the class checks cannot judge', function () {
  this.timeout(120_000);
  const profile = fullProfile();
  const run = (variants: readonly string[] = []) => runSuites({ profile, suites: SUITES, variants });

  it('leave a remark "not checked: class 92 v0 unknown" on each case that meets one, counted in the summary', async () => {
    const results = await run(['class-version-unknown']);
    const meeting = results.filter((r) => r.id.endsWith('[public]') || r.id.endsWith('[reader]'));
    expect(meeting.length).to.be.greaterThan(0);
    for (const r of meeting) {
      expect(r.status, `${r.id}: ${r.reason ?? ''}`).to.equal('passed-with-remarks');
      const texts = r.remarks.map((m) => m.text);
      expect(
        texts.some((t) => t.startsWith('0-0:128.10.92.255: not checked: class 92 v0 unknown (the catalogue has v1, v2, v3)')),
        texts.join('; '),
      ).to.equal(true);
      // The reader association also lists the manufacturer-specific test object: counted apart.
      expect(
        notesOf(r).some((n) => /^\d+ object\(s\) not checked: 1 of a DLMS UA class or version the catalogue does not know \(a remark each\)/.test(n)),
      ).to.equal(true);
    }
    const summary = buildSummary(results);
    expect(summary.totals['passed-with-remarks']).to.equal(meeting.length);
  });

  it('leave none on the clean meter, whose manufacturer-specific class 8192 is noted and counted apart', async () => {
    const results = await run();
    expect(
      results.filter((r) => r.status !== 'passed' && r.status !== 'inapplicable').map((r) => `${r.id}: ${r.status} ${r.remarks.map((m) => m.text).join('; ')}`),
    ).to.deep.equal([]);
    const reader = results.find((r) => r.id === 'OBJECTS-READABLE-AS-LISTED[reader]')!;
    expect(notesOf(reader)).to.include.members([
      'not checked: manufacturer-specific class 8192 v0 (Blue Book 4.1.4 (class_id: 0..8191 DLMS UA, 8192..32767 manufacturer-specific, 32768..65535 user-group specific)); readability checked, types not',
      '1 object(s) not checked: 1 of a manufacturer-specific or user-group class',
    ]);
  });

  it('tolerate all-zero dummy entries where DLMS UA 1001-6 §7.3.10 does, with a remark (variant dummy-attributes)', async () => {
    const rules = loadSuites(findSuiteFiles(path.join(ROOT, 'suites', 'classes')))
      .map((s) => ({ ...s, cases: s.cases.filter((c) => c.id === 'CLASS-RULES-SPECIAL-DAYS-TABLE' || c.id === 'CLASS-RULES-ACTIVITY-CALENDAR') }))
      .filter((s) => s.cases.length > 0);
    // The LN instances: their SN ones (`[sn]`, a profile with both) are judged in mixed-profile.test.ts.
    const results = (await runSuites({ profile, suites: rules, variants: ['dummy-attributes'] })).filter((r) => r.referencing !== 'sn');
    expect(results.map((r) => `${r.id}: ${r.status}`)).to.deep.equal([
      'CLASS-RULES-SPECIAL-DAYS-TABLE: passed-with-remarks',
      'CLASS-RULES-ACTIVITY-CALENDAR: passed-with-remarks',
    ]);
    expect(results[0]!.remarks.map((m) => m.text)).to.deep.equal(['0-0:128.10.11.255: attribute 2 entries: 2 all-zero dummy element(s) not judged']);
    // The full meter has two calendars, the default meter's and its own: each carries the dummy season.
    expect(results[1]!.remarks.map((m) => m.text)).to.deep.equal([
      '0-0:13.0.0.255: attribute 7 season_profile_passive: 1 all-zero dummy element(s) not judged',
      '0-0:128.10.20.255: attribute 7 season_profile_passive: 1 all-zero dummy element(s) not judged',
    ]);
  });
});
