import { expect } from 'chai';
import type { DlmsClient, ReadOutcome } from '../../client/api';
import { BUILTIN_SECRETS } from '../../simulator';
import { builtinSecret } from '../builtin-secrets';
import { type Dut, startDut } from '../dut';
import { loadProfile } from '../profile/load';
import { diffSnapshots } from './diff';
import { snReadOf } from './read-association-sn';
import { readSnapshot } from './read-snapshot';
import { ruleSet } from './rules';
import type { AssociationSnapshot, AttributeRead, ObjectEntry, Snapshot } from './snapshot';

const profile = loadProfile('profiles/simulator.yaml', { builtinSecrets: builtinSecret });

function objectOf(a: AssociationSnapshot | undefined, obis: string): ObjectEntry | undefined {
  return a?.status === 'read' ? a.objects.find((o) => o.obis === obis) : undefined;
}

function readOf(a: AssociationSnapshot | undefined, obis: string, attribute: number): AttributeRead | undefined {
  return objectOf(a, obis)?.attributes.find((x) => x.id === attribute)?.read;
}

async function snapshotOf(faults: string[], wrap?: (c: DlmsClient) => DlmsClient): Promise<Snapshot> {
  const dut = await startDut(profile, { faults });
  try {
    const d: Dut = wrap ? { ...dut, newClient: () => wrap(dut.newClient()) } : dut;
    return await readSnapshot({ profile, dut: d, association: 'short' });
  } finally {
    await dut.stop();
  }
}

describe('dlmsct read over a short-name association', function () {
  this.timeout(30_000);
  let sn: Snapshot;

  before(async () => {
    sn = await snapshotOf([]);
  });

  it('records each object of the SN object list with its base name, and every attribute of its class read by variable name', () => {
    const a = sn.associations[0]!;
    expect(a).to.include({ name: 'short', status: 'read' });
    const register = objectOf(a, '1-0:1.8.0.255')!;
    expect(register).to.include({ classId: 3, version: 0 });
    expect(register.baseName).to.be.a('number');
    // The SN object list states no rights: every attribute is asked, access "not stated".
    expect(register.attributes.map((x) => [x.id, x.access])).to.deep.equal([
      [1, null],
      [2, null],
      [3, null],
    ]);
    expect(readOf(a, '1-0:1.8.0.255', 3)).to.deep.equal({
      kind: 'value',
      data: {
        type: 'structure',
        items: [
          { type: 'integer', value: 0 },
          { type: 'enum', value: 30 },
        ],
      },
    });
    expect(sn.logicalDeviceName).to.equal('444C4D30303030303030303031');
    expect(JSON.stringify(sn)).to.not.contain(BUILTIN_SECRETS['sim-lls']);
  });

  it('diffs two SN snapshots: the same meter matches itself, a moved base name and a changed static value are differences', async () => {
    expect(diffSnapshots(sn, sn, ruleSet()).same).to.equal(true);
    const faulty = await snapshotOf(['register-scaler-unit-wrong-type']);
    const kinds = diffSnapshots(sn, faulty, ruleSet()).differences.map((d) => [d.kind, d.object, d.member]);
    expect(kinds).to.deep.include(['value', '1-0:1.8.0.255 (class 3)', 'attribute 3']);
    const a = sn.associations[0]!;
    if (a.status !== 'read') throw new Error('not read');
    const moved: Snapshot = {
      ...sn,
      associations: [{ ...a, objects: a.objects.map((o) => (o.obis === '1-0:1.8.0.255' ? { ...o, baseName: (o.baseName ?? 0) + 0x100 } : o)) }],
    };
    const d = diffSnapshots(sn, moved, ruleSet()).differences;
    expect(d.map((x) => [x.kind, x.object])).to.deep.equal([['base-name', '1-0:1.8.0.255 (class 3)']]);
  });

  it('records a refused, a malformed and a silent READ as such, and reads on', async () => {
    const wrap = (c: DlmsClient): DlmsClient => {
      const read = c.read.bind(c);
      let n = 0;
      const answers: ReadOutcome[] = [
        { kind: 'read', results: [{ kind: 'data-access-result', result: 'read-write-denied' }], blocks: 0 },
        { kind: 'malformed', code: 'AXDR_BAD_TAG', offset: 3, expected: 'a Data tag', actual: '0xEE' },
        { kind: 'silence', waitedMs: 2000 },
      ];
      // The object list is the first READ; the three after it get the faulty answers.
      return Object.assign(c, { read: async (names: Parameters<DlmsClient['read']>[0]) => (n++ >= 1 && n <= 4 ? answers[n - 2]! : read(names)) });
    };
    const s = await snapshotOf([], wrap);
    const a = s.associations[0]!;
    if (a.status !== 'read') throw new Error('not read');
    const reads = a.objects.flatMap((o) => o.attributes.map((x) => x.read.kind));
    expect(reads).to.include.members(['refused', 'malformed', 'silence', 'value']);
    expect(reads.filter((k) => k === 'value').length).to.be.greaterThan(10);
  });

  it('takes a READ result list apart: one data or refusal, an empty list is malformed', () => {
    expect(snReadOf({ kind: 'read', results: [{ kind: 'data-access-result', result: 'object-undefined' }], blocks: 0 })).to.deep.equal({
      kind: 'refused',
      result: 'object-undefined',
    });
    expect(snReadOf({ kind: 'read', results: [], blocks: 0 })).to.deep.include({ kind: 'malformed' });
  });
});
