/**
 * The object walk's pace: read the object list of the full meter (simulator/meters/full.yaml,
 * every catalogue class) in the public association, then GET every attribute it grants read
 * access to, in memory over HDLC. Reported as attributes per second, with objects per second
 * beside it: what bounds `check.attributes` and `check.walk` on a meter that answers at once.
 */
import * as path from 'node:path';
import { createSimulator } from '../simulator';
import { associatedClient, closeClient, getData, OBJECT_LIST, readableAttributes } from './client-session';
import { measureAsync, result, type BenchGroup } from './runner';

const FULL_METER = path.join(__dirname, '..', 'simulator', 'meters', 'full.yaml');

export const objectWalkBenches: BenchGroup = async (plan) => {
  const sim = createSimulator({ framing: 'hdlc', meter: FULL_METER, inactivityTimeoutS: 0 });
  const client = await associatedClient({ kind: 'factory', label: 'simulator, full meter', open: async () => sim.connectMemory() }, 'hdlc');
  let objects = 0;
  let walks = 0;
  try {
    const m = await measureAsync(plan, async () => {
      const list = await getData(client, OBJECT_LIST);
      const refs = readableAttributes(list);
      for (const ref of refs) await getData(client, ref);
      objects += new Set(refs.map((r) => r.obis)).size;
      walks++;
      return refs.length;
    });
    const seconds = Number(m.wallNs) / 1e9;
    return [
      result(
        {
          group: 'object-walk',
          name: 'object list, then every readable attribute, full meter in memory, hdlc',
          unit: 'attribute',
          extra: { objectsPerSecond: objects / seconds, objectsPerWalk: objects / Math.max(walks, 1) },
          note: 'one unit = one GET of an attribute the object list grants read access to',
        },
        m,
      ),
    ];
  } finally {
    await closeClient(client);
    await sim.stop();
  }
};
