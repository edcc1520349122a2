/**
 * Reading 64 KiB through segmented HDLC I frames against the in-memory simulator, at window 1
 * and window 7 (Green Book 8.4.4: with window 1 every 128-byte segment costs a poll; with
 * window 7 one poll fetches seven). The 64 KiB are two 32 KiB octet-strings the default meter
 * gets for this benchmark only (an octet-string in a meter definition holds at most 65,535
 * bytes); GET carries each in blocks of the association's PDU size, each block in segments of
 * the negotiated information field. One unit is one whole read of both.
 */
import { readFileSync } from 'node:fs';
import { createClient } from '../client';
import type { DlmsClient } from '../client/api';
import { memoryPair } from '../drivers/memory';
import { NO_FAULTS } from '../simulator/faults';
import { DEFAULT_METER, parseMeterDefinition } from '../simulator/meter/load';
import type { MeterDefinition } from '../simulator/meter/definition';
import { serveTransport } from '../simulator/server/serve';
import { getData } from './client-session';
import { measureAsync, result, scaled, type BenchGroup, type BenchResult } from './runner';

const SIZE = 64 * 1024;
const HALVES = [
  { classId: 1, obis: '0-0:128.0.9.255', attribute: 2 },
  { classId: 1, obis: '0-0:128.0.10.255', attribute: 2 },
] as const;

/** The default meter with one more object: 64 KiB of octet-string, and the window and field size asked for. */
function meterFor(window: number, maxInfo: number): MeterDefinition {
  const extra = HALVES.map(
    (h) => `
  - obis: ${h.obis}
    class: data
    description: 32 KiB for the segmentation benchmark
    value: { type: octet-string, fill: { length: ${SIZE / 2}, hex: "5A" } }`,
  );
  const text = `${readFileSync(DEFAULT_METER, 'utf8').trimEnd()}${extra.join('')}\n`;
  const meter = parseMeterDefinition(text, 'bench: default.yaml + 64 KiB');
  return { ...meter, hdlc: { ...meter.hdlc, windowTx: window, windowRx: window, maxInfoTx: maxInfo, maxInfoRx: maxInfo } };
}

async function clientFor(meter: MeterDefinition, window: number, maxInfo: number): Promise<DlmsClient> {
  const client = createClient({
    transport: {
      kind: 'factory',
      label: `simulator, window ${window}`,
      open: async () => {
        const [c, s] = memoryPair('bench hdlc-segmented');
        serveTransport(s, { meter, framing: 'hdlc', hooks: NO_FAULTS, startedAt: Date.now() }, Date.now, () => undefined);
        return c;
      },
    },
    link: {
      framing: 'hdlc',
      serverLogical: 1,
      addressSize: 1,
      maxInfoTx: maxInfo,
      maxInfoRx: maxInfo,
      window,
      responseTimeoutMs: 5000,
      interFrameTimeoutMs: 200,
    },
    connectTimeoutMs: 1000,
  });
  const a = await client.associate({ name: 'public', clientSap: 16, referencing: 'ln', authentication: 'none' });
  if (a.kind !== 'accepted') throw new Error(`bench: association not accepted: ${JSON.stringify(a)}`);
  return client;
}

export const hdlcSegmentedBenches: BenchGroup = async (plan) => {
  const out: BenchResult[] = [];
  for (const [window, maxInfo] of [
    [1, 128],
    [7, 128],
    [7, 2030],
  ] as const) {
    const client = await clientFor(meterFor(window, maxInfo), window, maxInfo);
    try {
      const before = client.trace.length;
      for (const h of HALVES) {
        const d = await getData(client, h);
        if (d.type !== 'octet-string' || d.value.length !== SIZE / 2) throw new Error(`bench: read ${d.type}, not ${SIZE / 2} bytes`);
      }
      const frames = client.trace.slice(before).filter((r) => r.dir !== 'event').length;
      const m = await measureAsync(scaled(plan, 2), async () => {
        for (const h of HALVES) await getData(client, h);
        return 1;
      });
      const seconds = Number(m.wallNs) / 1e9;
      out.push(
        result(
          {
            group: 'hdlc-segmented',
            name: `read 64 KiB, window ${window}, max info ${maxInfo}`,
            unit: 'read',
            cpuLabel: 'client + simulator (one process)',
            extra: { framesPerRead: frames, kibPerSecond: (m.units * SIZE) / 1024 / seconds, msPerRead: (seconds * 1000) / m.units },
            note: 'GET with block transfer, blocks segmented into I frames, in memory',
          },
          m,
        ),
      );
    } finally {
      await client.disconnect();
    }
  }
  return out;
};
