import { expect } from 'chai';
import type { DlmsClient, GetOutcome } from '../../client/api';
import { BUILTIN_SECRETS } from '../../simulator';
import { builtinSecret } from '../builtin-secrets';
import { type Dut, startDut } from '../dut';
import { loadProfile } from '../profile/load';
import { readSnapshot } from './read-snapshot';
import type { AssociationSnapshot, AttributeRead, Snapshot } from './snapshot';

const profile = loadProfile('profiles/simulator.yaml', { builtinSecrets: builtinSecret });

function readOf(a: AssociationSnapshot | undefined, obis: string, attribute: number): AttributeRead | undefined {
  if (a?.status !== 'read') return undefined;
  return a.objects.find((o) => o.obis === obis)?.attributes.find((x) => x.id === attribute)?.read;
}

async function withDut<T>(faults: string[], f: (dut: Dut) => Promise<T>): Promise<T> {
  const dut = await startDut(profile, { faults });
  try {
    return await f(dut);
  } finally {
    await dut.stop();
  }
}

describe('dlmsct read (snapshot of a meter)', function () {
  this.timeout(30_000);
  let clean: Snapshot;

  before(async () => {
    clean = await withDut([], (dut) => readSnapshot({ profile, dut, association: 'reader', now: () => new Date('2026-01-02T03:04:05Z') }));
  });

  it('records the object list with access rights and every readable attribute, typed, in a stable order', () => {
    expect(clean.readAt).to.equal('2026-01-02T03:04:05.000Z');
    expect(clean.device).to.deep.equal({ name: profile.device.name, manufacturer: 'dlmsct' });
    const a = clean.associations[0]!;
    expect(a).to.include({ name: 'reader', status: 'read' });
    if (a.status !== 'read') return;
    const obis = a.objects.map((o) => o.obis);
    expect(obis[0]).to.equal('0-0:1.0.0.255');
    const register = a.objects.find((o) => o.obis === '1-0:1.8.0.255')!;
    expect(register).to.include({ classId: 3, version: 0 });
    expect(register.attributes.map((x) => x.id)).to.deep.equal([1, 2, 3]);
    expect(register.methods.map((x) => x.id)).to.deep.equal([1]);
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
    expect(clean.logicalDeviceName).to.equal('444C4D30303030303030303031');
  });

  it('never reads or records a secret', () => {
    expect(readOf(clean.associations[0], '0-0:40.0.0.255', 7)).to.deep.include({ kind: 'withheld' });
    const text = JSON.stringify(clean);
    for (const s of Object.values(BUILTIN_SECRETS)) expect(text).to.not.contain(s);
  });

  it('records an attribute the meter refuses although the object list grants it, and goes on', async () => {
    const s = await withDut(['access-rights-wrong'], (dut) => readSnapshot({ profile, dut, association: 'public' }));
    expect(readOf(s.associations[0], '0-0:96.1.0.255', 2)).to.deep.equal({ kind: 'refused', result: 'read-write-denied' });
    expect(readOf(s.associations[0], '0-0:42.0.0.255', 2)).to.deep.include({ kind: 'value' });
  });

  it('records a malformed answer and a silence as such, and reads the next attribute', async () => {
    const answers: Record<string, GetOutcome> = {
      '1-0:1.8.0.255/3': { kind: 'malformed', code: 'AXDR_BAD_TAG', offset: 3, expected: 'a Data tag', actual: '0xEE' },
      '1-0:2.8.0.255/3': { kind: 'silence', waitedMs: 2000 },
    };
    const s = await withDut([], (dut) => {
      const faulty: Dut = {
        ...dut,
        newClient(): DlmsClient {
          const c = dut.newClient();
          const get = c.get.bind(c);
          return Object.assign(c, { get: async (ref: Parameters<DlmsClient['get']>[0]) => answers[`${ref.obis}/${ref.attribute}`] ?? get(ref) });
        },
      };
      return readSnapshot({ profile, dut: faulty, association: 'public' });
    });
    expect(readOf(s.associations[0], '1-0:1.8.0.255', 3)).to.deep.equal({ kind: 'malformed', detail: 'AXDR_BAD_TAG at byte 3: expected a Data tag, got 0xEE' });
    expect(readOf(s.associations[0], '1-0:2.8.0.255', 3)).to.deep.equal({ kind: 'silence', waitedMs: 2000 });
    expect(readOf(s.associations[0], '1-0:32.7.0.255', 3)).to.deep.include({ kind: 'value' });
  });

  it('records an association whose object list cannot be read, and reads the others', async () => {
    const s = await withDut(['object-list-duplicate-entry'], (dut) => readSnapshot({ profile, dut, association: 'public' }));
    expect(s.associations[0]).to.deep.include({ name: 'public', status: 'not-read' });
    expect((s.associations[0] as { reason: string }).reason).to.match(/^object list malformed: .*each logical name listed once/);
  });

  it('records an association the meter does not accept', async () => {
    const s = await withDut(['association-refused'], (dut) => readSnapshot({ profile, dut, association: 'public' }));
    expect(s.associations[0]).to.deep.include({ status: 'not-read' });
    expect((s.associations[0] as { reason: string }).reason).to.match(/^not associated: /);
  });
});
