/**
 * Client overhead per exchange against the in-memory simulator: N GETs of the logical device
 * name in one association, HDLC and wrapper. The simulator runs in this process, so the process
 * CPU per exchange is client + simulator; the simulator's share is timed on its side
 * (timed-simulator.ts) and subtracted to estimate the client's own cost.
 */
import { getData, associatedClient, closeClient, LOGICAL_DEVICE_NAME } from './client-session';
import { measureAsync, result, type BenchGroup, type BenchResult } from './runner';
import { createTimedSimulator } from './timed-simulator';

export const clientMemoryBenches: BenchGroup = async (plan) => {
  const out: BenchResult[] = [];
  for (const framing of ['hdlc', 'wrapper'] as const) {
    const sim = createTimedSimulator(framing);
    const client = await associatedClient({ kind: 'factory', label: 'timed simulator', open: async () => sim.connectMemory() }, framing);
    try {
      const m = await measureAsync(
        plan,
        async () => {
          await getData(client, LOGICAL_DEVICE_NAME);
          return 1;
        },
        () => Number(sim.serverNs) / 1000,
      );
      const simulatorUs = (m.probeDelta ?? 0) / m.units;
      out.push(
        result(
          {
            group: 'client-memory',
            name: `GET ${LOGICAL_DEVICE_NAME.obis}/2 in memory, ${framing}`,
            unit: 'exchange',
            cpuLabel: 'client + simulator (one process)',
            extra: { simulatorUsPerExchange: simulatorUs, clientCpuUsPerExchangeEstimate: m.cpuUs / m.units - simulatorUs },
            note: 'client CPU = process CPU - time inside the simulator handler',
          },
          m,
        ),
      );
    } finally {
      await closeClient(client);
    }
  }
  return out;
};
