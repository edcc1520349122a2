/**
 * Services on discovered objects (issue 10 item 5): with profiles/example-tcp.yaml (a meter that
 * declares no feature of the reference meter) against the default meter `dlmsct simulate`
 * serves, every services case finds its objects in the object list, so none is inapplicable for
 * want of the simulator's own test objects, except the two cases no standard object can serve
 * (each says why in its suite). The transport is the built-in one: the same meter definition as
 * `dlmsct simulate`, in process, so the test stays fast.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { runSuites } from '../../harness/engine/run-suites';
import { loadProfile } from '../../harness/profile/load';
import { findSuiteFiles, loadSuites } from '../../harness/suite/load';
import { BUILTIN_SECRETS } from '../../simulator/secrets';

const ROOT = path.resolve(__dirname, '../..');
/** Where no standard object can serve: a method with a long return, an event-notification. */
const KEEP_REFERENCE_OBJECTS = ['SVC-ACTION-RETURN-IN-PBLOCKS', 'SVC-EVENT-NOTIFICATION'];

describe('services cases on discovered objects', function () {
  this.timeout(120_000);

  it('run with the example profile against the default meter: none is inapplicable for want of the reference objects', async () => {
    const example = loadProfile(path.join(ROOT, 'profiles', 'example-tcp.yaml'), { env: { METER_LLS: BUILTIN_SECRETS['sim-lls']! } });
    const profile = {
      ...example,
      transport: { kind: 'builtin' as const, framing: 'hdlc' as const, faults: [], variants: [] },
      timeouts: { ...example.timeouts, responseMs: 500 },
    };
    const suites = loadSuites(findSuiteFiles(path.join(ROOT, 'suites', 'services')));
    const results = await runSuites({ profile, suites });
    const forObjects = results.filter((r) => r.status === 'inapplicable' && /reference-objects/.test(r.reason ?? '')).map((r) => r.caseId);
    expect(forObjects.sort()).to.deep.equal([...KEEP_REFERENCE_OBJECTS].sort());
    const bad = results
      .filter((r) => !['passed', 'passed-with-remarks', 'inapplicable'].includes(r.status))
      .map((r) => `${r.id}: ${r.status} ${r.reason ?? ''}`);
    expect(bad).to.deep.equal([]);
    const discovered = [
      'SVC-SET-THEN-GET',
      'SVC-SET-LONG-IN-BLOCKS',
      'SVC-ACCESS-ITEMS-IN-ORDER',
      'SVC-ACTION-UNDEFINED-METHOD',
      'SVC-CLIENT-PDU-SIZE-LONG-OBJECT',
      'SVC-GBT-LONG-REQUEST-AND-RESPONSE',
      'SVC-GET-WITH-LIST-LONG',
      'SVC-SET-IN-READ-ONLY-ASSOCIATION',
    ];
    const passed = results.filter((r) => r.status === 'passed').map((r) => r.caseId);
    expect(
      discovered.filter((id) => !passed.includes(id)),
      'cases on discovered objects that did not pass',
    ).to.deep.equal([]);
  });
});
