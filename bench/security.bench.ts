/**
 * Ciphered GET exchanges against the in-memory simulator: an HLS-GMAC association, suite 0,
 * authenticated and encrypted (management-gmac of the default meter), N GETs of the logical
 * device name, HDLC and wrapper; and whole HLS-GMAC associations (AARQ, AARE, passes 3 and 4,
 * protected RLRQ) per second. The cost of ciphering alone per exchange is `ciphered` group's
 * (ciphered.bench.ts); client-memory gives the same GETs unciphered, for comparison.
 */
import { createClient } from '../client';
import type { AssociationParams, DlmsClient, Framing } from '../client/api';
import { memoryCounterStore } from '../client/counters';
import { fromHex } from '../dlms/bytes/hex';
import { keyFromHex } from '../dlms/security/key';
import { BUILTIN_SECRETS } from '../simulator/secrets';
import { getData, LOGICAL_DEVICE_NAME } from './client-session';
import { measureAsync, result, scaled, type BenchGroup, type BenchResult } from './runner';
import { createTimedSimulator } from './timed-simulator';

const GROUP = 'security';

const key = (name: string) => keyFromHex(BUILTIN_SECRETS[name]!, `builtin:${name}`);

/** The default meter's management-gmac association (simulator/meters/default.yaml). */
const GMAC: AssociationParams = {
  name: 'management-gmac',
  clientSap: 48,
  referencing: 'ln',
  authentication: 'hls-gmac',
  security: {
    suite: 0,
    policy: 'authenticated-encrypted',
    clientSystemTitle: fromHex('4443540000000001'),
    blockCipherKey: key('sim-ek'),
    authenticationKey: key('sim-ak'),
  },
};

function client(sim: ReturnType<typeof createTimedSimulator>, framing: Framing, counters: ReturnType<typeof memoryCounterStore>): DlmsClient {
  return createClient({
    transport: { kind: 'factory', label: 'timed simulator', open: async () => sim.connectMemory() },
    link: { framing, serverLogical: 1, serverPhysical: 16, addressSize: 1, responseTimeoutMs: 2000, interFrameTimeoutMs: 200 },
    connectTimeoutMs: 1000,
    counters,
  });
}

async function associate(c: DlmsClient): Promise<void> {
  const a = await c.associate(GMAC);
  if (a.kind !== 'accepted') throw new Error(`bench: HLS-GMAC association not accepted: ${JSON.stringify(a)}`);
}

export const securityBenches: BenchGroup = async (plan) => {
  const out: BenchResult[] = [];
  for (const framing of ['hdlc', 'wrapper'] as const) {
    const sim = createTimedSimulator(framing);
    const counters = memoryCounterStore();
    const c = client(sim, framing, counters);
    try {
      await associate(c);
      const m = await measureAsync(
        plan,
        async () => {
          await getData(c, LOGICAL_DEVICE_NAME);
          return 1;
        },
        () => Number(sim.serverNs) / 1000,
      );
      const simulatorUs = (m.probeDelta ?? 0) / m.units;
      out.push(
        result(
          {
            group: GROUP,
            name: `ciphered GET ${LOGICAL_DEVICE_NAME.obis}/2 in memory, HLS-GMAC suite 0, ${framing}`,
            unit: 'exchange',
            cpuLabel: 'client + simulator (one process)',
            extra: { simulatorUsPerExchange: simulatorUs, clientCpuUsPerExchangeEstimate: m.cpuUs / m.units - simulatorUs },
            note: 'glo-get-request / glo-get-response, authenticated and encrypted; compare client-memory (plain)',
          },
          m,
        ),
      );
      await c.release({ userInformation: true });
    } finally {
      await c.disconnect();
    }
  }
  // A whole secure association per call: fewer calls, each far longer than a GET.
  const sim = createTimedSimulator('wrapper');
  const counters = memoryCounterStore();
  const assoc = await measureAsync(scaled(plan, 0.5), async () => {
    const c = client(sim, 'wrapper', counters);
    await associate(c);
    await c.release({ userInformation: true });
    await c.disconnect();
    return 1;
  });
  out.push(
    result(
      {
        group: GROUP,
        name: 'HLS-GMAC association + protected release, wrapper, in memory',
        unit: 'association',
        note: 'AARQ/AARE (glo-initiate), passes 3 and 4, RLRQ/RLRE; counters kept across clients',
      },
      assoc,
    ),
  );
  return out;
};
