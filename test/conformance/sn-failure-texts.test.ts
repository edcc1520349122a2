/**
 * A failure over SN cites the SN service (READ/WRITE, Association SN), not the LN one (GET/SET,
 * Association LN) the same check cites over LN: the object walk's rules follow the referencing of
 * the association the instance runs in.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { builtinSecret } from '../../harness/builtin-secrets';
import { runSuites } from '../../harness/engine/run-suites';
import { loadProfile } from '../../harness/profile/load';
import { findSuiteFiles, loadSuites } from '../../harness/suite/load';

const ROOT = path.resolve(__dirname, '../..');
/** A walk check whose fault reaches the simulator's SN association too (sn-depth.ts: no WRITE fault does). */
const CASE = 'OBJECT-WALK-METHODS-WITHOUT-ACCESS';
const FAULT = 'method-without-access-executed';

async function reasonOn(profileFile: string, folder = 'classes', caseId = CASE, fault = FAULT): Promise<string> {
  const profile = loadProfile(path.join(ROOT, 'profiles', profileFile), { env: {}, builtinSecrets: builtinSecret });
  const suites = loadSuites(findSuiteFiles(path.join(ROOT, 'suites', folder)));
  const results = await runSuites({ profile, suites, faults: [fault], filter: { caseId } });
  const failed = results.filter((r) => r.status === 'failed');
  expect(failed.map((r) => r.id)).to.have.length.greaterThan(0);
  return failed.map((r) => r.reason ?? '').join('\n');
}

describe('failure texts by referencing', function () {
  this.timeout(120_000);

  it('cites a READ of the method name and Association SN when the object walk fails over SN', async () => {
    const reason = await reasonOn('simulator-sn.yaml');
    expect(reason).to.contain('Green Book 9.3 (ReadRequest of a method name, parameterized access) and Blue Book 4.4.2: a method without access is refused');
    expect(reason).not.to.contain('9.3.8');
  });

  it('cites ACTION (Green Book 9.3.8) and Association LN when the same check fails over LN', async () => {
    const reason = await reasonOn('simulator.yaml');
    expect(reason).to.contain('Green Book 9.3.8 and Blue Book 4.4.3: a method without access is refused');
  });

  it("cites a case's `sn:` clause and requirement (READ with parameterized access) when its SN instance fails", async () => {
    const reason = await reasonOn('simulator-sn.yaml', 'selective-access', 'SA-INVALID-SELECTOR', 'invalid-selector-accepted');
    expect(reason).to.contain('Green Book 9.3 (ReadRequest with parameterized access').and.contain('A READ of a Profile generic buffer');
    expect(reason).not.to.contain('GET');
  });

  it('cites the LN clause (GET with selective access) when its LN instance fails', async () => {
    const reason = await reasonOn('simulator.yaml', 'selective-access', 'SA-INVALID-SELECTOR', 'invalid-selector-accepted');
    expect(reason).to.contain('Green Book 9.3.6 (GET with selective access');
  });
});
