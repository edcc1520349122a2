/**
 * A simulator the test holds, and every readable attribute of its objects read through one
 * association: what a test compares before and after a run to prove the run left the meter as
 * it found it (test/conformance/full-meter.test.ts, methods-restore.test.ts).
 */
import { expect } from 'chai';
import { createClient } from '../../client';
import { memoryCounterStore } from '../../client/counters';
import type { Data } from '../../dlms/axdr/data';
import { encodeDataBytes } from '../../dlms/axdr/data-codec';
import { toHex } from '../../dlms/bytes';
import { type CosemObject, objectsOf, readAccess } from '../../harness/classes/object-list';
import { clientOptionsFor } from '../../harness/client-options';
import type { Dut } from '../../harness/dut';
import type { Profile } from '../../harness/profile/types';
import type { Simulator } from '../../simulator';

/** A DUT around a simulator the test holds, so that its state can be read before and after a run. */
export function dutOf(sim: Simulator, profile: Profile): Dut {
  const spec = { kind: 'factory' as const, label: 'simulator (memory)', open: async () => sim.connectMemory() };
  const counters = memoryCounterStore();
  return {
    label: spec.label,
    newClient: () => createClient({ ...clientOptionsFor(profile, spec), counters, deviceKey: spec.label }),
    probe: async () => undefined,
    stop: () => sim.stop(),
  };
}

/** Every readable attribute of every object the LLS association lists, encoded, by `obis/attribute`. */
export async function snapshot(dut: Dut, profile: Profile, association = 'reader'): Promise<Map<string, string>> {
  const reader = profile.associations.find((a) => a.name === association)!;
  const client = dut.newClient();
  const values = new Map<string, string>();
  try {
    const accepted = await client.associate({
      name: reader.name,
      clientSap: reader.clientSap,
      referencing: 'ln',
      authentication: reader.authentication,
      ...(reader.password ? { password: reader.password } : {}),
    });
    expect(accepted.kind).to.equal('accepted');
    const list = await client.get({ classId: 15, obis: '0-0:40.0.0.255', attribute: 2 });
    if (list.kind !== 'data') throw new Error(`object_list: ${list.kind}`);
    const objects: CosemObject[] = objectsOf(list.data);
    const listVersion = objects.find((o) => o.classId === 15 && o.obis === '0-0:40.0.0.255')?.version ?? 0;
    for (const o of objects) {
      for (const a of o.attributes) {
        if (readAccess(listVersion, a.mode) !== 'plain') continue;
        const r = await client.get({ classId: o.classId, obis: o.obis, attribute: a.id });
        values.set(`${o.obis}/${a.id}`, r.kind === 'data' ? toHex(encodeDataBytes(r.data as Data)) : r.kind);
      }
    }
    await client.release();
  } finally {
    await client.disconnect();
  }
  return values;
}
