/**
 * The client over real TCP on loopback against the simulator in a child process
 * (simulator-child.ts): the GETs of client-memory.bench.ts, then a whole read of the object list
 * and of every readable attribute of every listed object. Here this process's CPU is the
 * client's alone (with its share of the kernel's socket work); the child reports its own.
 */
import type { AttributeRef, DlmsClient } from '../client/api';
import { associatedClient, closeClient, getData, LOGICAL_DEVICE_NAME, OBJECT_LIST, readableAttributes } from './client-session';
import { measureAsync, result, scaled, type BenchGroup, type BenchResult } from './runner';
import { startSimulatorChild, type SimulatorChild } from './simulator-child';

const GROUP = 'client-tcp';
const CPU_LABEL = 'client process only';

async function getsOverTcp(sim: SimulatorChild, framing: 'hdlc' | 'wrapper', plan: Parameters<BenchGroup>[0]): Promise<BenchResult> {
  const client = await associatedClient({ kind: 'tcp', host: '127.0.0.1', port: sim.ports[framing] }, framing);
  try {
    const m = await measureAsync(
      plan,
      async () => {
        await getData(client, LOGICAL_DEVICE_NAME);
        return 1;
      },
      () => sim.cpuUs(),
    );
    return result(
      {
        group: GROUP,
        name: `GET ${LOGICAL_DEVICE_NAME.obis}/2 over TCP, ${framing}`,
        unit: 'exchange',
        cpuLabel: CPU_LABEL,
        extra: { simulatorProcessCpuUsPerExchange: (m.probeDelta ?? 0) / m.units },
      },
      m,
    );
  } finally {
    await closeClient(client);
  }
}

/** One pass: the object list, then every readable attribute; returns the number of GETs. `kinds` counts the last pass's answers. */
async function readEverything(client: DlmsClient, attributes: readonly AttributeRef[], kinds: Map<string, number>): Promise<number> {
  kinds.clear();
  await getData(client, OBJECT_LIST);
  for (const ref of attributes) {
    // Any answer counts as an exchange (a meter may refuse an attribute), but not silence or garbage.
    const o = await client.get(ref);
    if (o.kind === 'silence' || o.kind === 'malformed') throw new Error(`bench: GET ${ref.obis}/${ref.attribute} gave ${o.kind}`);
    kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1);
  }
  return attributes.length + 1;
}

async function objectListWalk(sim: SimulatorChild, plan: Parameters<BenchGroup>[0]): Promise<BenchResult> {
  const client = await associatedClient({ kind: 'tcp', host: '127.0.0.1', port: sim.ports.hdlc }, 'hdlc');
  try {
    const attributes = readableAttributes(await getData(client, OBJECT_LIST));
    const kinds = new Map<string, number>();
    const m = await measureAsync(
      scaled(plan, 2),
      () => readEverything(client, attributes, kinds),
      () => sim.cpuUs(),
    );
    return result(
      {
        group: GROUP,
        name: 'object list + every readable attribute over TCP, hdlc',
        unit: 'exchange',
        cpuLabel: CPU_LABEL,
        extra: {
          exchangesPerPass: attributes.length + 1,
          msPerPass: Number(m.wallNs) / 1e6 / m.calls,
          simulatorProcessCpuUsPerExchange: (m.probeDelta ?? 0) / m.units,
        },
        note: `${attributes.length} attributes; answers per pass: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`,
      },
      m,
    );
  } finally {
    await closeClient(client);
  }
}

export const clientTcpBenches: BenchGroup = async (plan) => {
  const sim = await startSimulatorChild();
  try {
    return [await getsOverTcp(sim, 'hdlc', plan), await getsOverTcp(sim, 'wrapper', plan), await objectListWalk(sim, plan)];
  } finally {
    await sim.stop();
  }
};
