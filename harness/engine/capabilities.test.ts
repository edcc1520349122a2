import { expect } from 'chai';
import { ACCEPTED, fakeClient } from '../../test/support/harness/fake-client';
import { testProfile } from '../../test/support/harness/profiles';
import { parseSuite } from '../suite/load';
import type { CapabilityCache } from './capabilities';
import { allows } from './capabilities';
import { planCases } from './plan';
import { runCase } from './run-case';
import type { FakeClient, FakeScript } from '../../test/support/harness/fake-client';
import type { Profile } from '../profile/types';
import type { Data } from '../../dlms/axdr/data';

const CASE = (needs: string, requires = ''): string =>
  `suite: t/needs\ntitle: T\nspec: S\ncases:\n  - id: T-NEEDS\n    title: t\n    spec: Clause 1\n    requirement: The DUT does it.\n    detects: []\n    needs: ${needs}\n${requires}    steps:\n      - associate: { association: $granted }\n      - get: { obis: 0-0:42.0.0.255, class: 1, attribute: 2 }\n`;

/** The smallest object list (Blue Book 4.4.3 layout, version 0 access modes): the current association, the logical device name, and 0-0:96.50.0.255 whose value has this access_mode. */
function objectList(valueMode: number): Data {
  const attr = (id: number, mode: number): Data => ({
    type: 'structure',
    items: [{ type: 'integer', value: id }, { type: 'enum', value: mode }, { type: 'null-data' }],
  });
  const entry = (classId: number, version: number, ln: number[], modes: number[]): Data => ({
    type: 'structure',
    items: [
      { type: 'long-unsigned', value: classId },
      { type: 'unsigned', value: version },
      { type: 'octet-string', value: Uint8Array.from(ln) },
      {
        type: 'structure',
        items: [
          { type: 'array', items: modes.map((m, i) => attr(i + 1, m)) },
          { type: 'array', items: [] },
        ],
      },
    ],
  });
  return {
    type: 'array',
    items: [
      entry(15, 1, [0, 0, 40, 0, 0, 255], [1, 1, 1, 1, 1, 1, 1, 1]),
      entry(1, 0, [0, 0, 42, 0, 0, 255], [1, 1]),
      entry(1, 0, [0, 0, 96, 50, 0, 255], [1, valueMode]),
    ],
  };
}

async function run(needs: string, script: FakeScript, profile: Profile = testProfile(), cache: CapabilityCache = new Map(), requires = '') {
  const clients: FakeClient[] = [];
  const [planned] = planCases([parseSuite(CASE(needs, requires), 't.yaml')], profile);
  const result = await runCase(planned!, {
    profile,
    capabilities: cache,
    newClient: () => {
      const c = fakeClient(script);
      clients.push(c);
      return c;
    },
  });
  return { result, clients };
}

describe('capabilities before use', () => {
  it('runs the case on the association whose AARE grants what it needs, preferring the one granting most', async () => {
    const grants: Record<string, string[]> = { public: ['get', 'set'], reader: ['get', 'set', 'multiple-references', 'action'] };
    const { result, clients } = await run('{ services: [multiple-references] }', {
      associate: (p) => ({ ...ACCEPTED, negotiatedConformance: grants[p.name] ?? ['get'] }),
    });
    expect(result.status, result.reason).to.equal('passed');
    expect(result.associations).to.include('reader');
    expect(clients.at(-1)!.calls.filter((c) => c.startsWith('associate'))).to.deep.equal(['associate reader']);
    expect(result.trace.some((t) => t.note?.startsWith('capabilities of public: grants get set'))).to.equal(true);
  });

  it('makes the case inapplicable, with the reason, when no association grants it, and never runs its steps', async () => {
    const { result, clients } = await run('{ services: [multiple-references] }', { associate: () => ({ ...ACCEPTED, negotiatedConformance: ['get', 'set'] }) });
    expect(result.status).to.equal('inapplicable');
    expect(result.reason).to.match(/^no association grants multiple-references \(public: multiple-references not granted/);
    expect(clients.flatMap((c) => c.calls).filter((c) => c.startsWith('get'))).to.deep.equal([]);
  });

  it('runs the case on an association that would not open, so that its own association step judges the meter, never inapplicable', async () => {
    const { result } = await run('{ services: [multiple-references] }', { associate: () => ({ kind: 'silence', waitedMs: 50 }) });
    expect(result.status, result.reason).to.equal('failed');
    expect(result.trace.some((t) => t.note?.includes('grants is unknown (it did not open)'))).to.equal(true);
  });

  it('makes a case needing a secret the profile lacks inapplicable, not failed', async () => {
    const { result } = await run('{ secrets: [masterKey] }', {});
    expect(result.status).to.equal('inapplicable');
    expect(result.reason).to.equal('no association of the profile has masterKey');
  });

  it('discovers each association once per run', async () => {
    const cache: CapabilityCache = new Map();
    const first = await run('{ services: [get] }', {}, testProfile(), cache);
    const second = await run('{ services: [get] }', {}, testProfile(), cache);
    expect(first.clients.length).to.be.greaterThan(second.clients.length);
    expect(second.clients.length).to.equal(1);
  });

  it('keeps to the authentication mechanism the case requires, even when another association grants more', async () => {
    const grants: Record<string, string[]> = { public: ['get', 'set', 'multiple-references', 'action'], reader: ['get', 'multiple-references'] };
    const { result } = await run(
      '{ services: [multiple-references] }',
      { associate: (p) => ({ ...ACCEPTED, negotiatedConformance: grants[p.name] ?? ['get'] }) },
      testProfile(),
      new Map(),
      '    requires: { authentication: low }\n',
    );
    expect(result.status, result.reason).to.equal('passed');
    expect(result.associations).to.deep.equal(['reader']);
  });

  it('judges a forEach: association case on $each: an instance whose association lacks the need is inapplicable with its reason, the others run there', async () => {
    const grants: Record<string, string[]> = { public: ['get'], reader: ['get', 'set'] };
    const text = CASE('{ services: [set] }').replace('    steps:\n', '    forEach: association\n    steps:\n').replace('$granted', '$each');
    const cache: CapabilityCache = new Map();
    const results = [];
    for (const planned of planCases([parseSuite(text, 't.yaml')], testProfile())) {
      results.push(
        await runCase(planned, {
          profile: testProfile(),
          capabilities: cache,
          newClient: () => fakeClient({ associate: (p) => ({ ...ACCEPTED, negotiatedConformance: grants[p.name] ?? [] }) }),
        }),
      );
    }
    expect(results.map((r) => [r.id, r.status])).to.deep.equal([
      ['T-NEEDS[public]', 'inapplicable'],
      ['T-NEEDS[reader]', 'passed'],
    ]);
    expect(results[0]!.reason).to.equal('association public does not grant set (set not granted)');
    expect(results[1]!.associations).to.deep.equal(['reader']);
  });

  it('reads a read-only need as read granted and write not', async () => {
    const list = { kind: 'data', blocks: 1, data: objectList(1) } as const;
    const { result } = await run('{ access: [{ obis: 0-0:96.50.0.255, class: 1, attribute: 2, right: read-only }] }', { get: () => list });
    expect(result.status, result.reason).to.equal('passed');
    const writable = await run('{ access: [{ obis: 0-0:96.50.0.255, class: 1, attribute: 2, right: read-only }] }', {
      get: () => ({ ...list, data: objectList(3) }),
    });
    expect(writable.result.status).to.equal('inapplicable');
    expect(writable.result.reason).to.match(/no read-only access to 0-0:96\.50\.0\.255\/2/);
  });

  it('reads access rights as Blue Book 4.4.3 encodes them, enum before version 3 and bit map after', () => {
    expect(allows(1, 3, 'write')).to.equal(true);
    expect(allows(1, 1, 'write')).to.equal(false);
    expect(allows(3, 0x02, 'write')).to.equal(true);
    expect(allows(3, 0x02, 'read')).to.equal(false);
  });

  it('rejects a service name that is not a conformance-block bit, at its place', () => {
    expect(() => parseSuite(CASE('{ services: [multiple-reference] }'), 't.yaml')).to.throw(/t\.yaml:10:\d+.*multiple-references/);
  });
});
