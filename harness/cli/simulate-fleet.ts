/**
 * `dlmsct simulate --meters N [--tcp BASE] [--framing hdlc|wrapper] [--meter-fault I:NAME]...
 * [--faulty K] [--devices-out FILE]`: N reference meters, each on its own port (BASE, BASE+1, …;
 * 0 = ephemeral) with its own logical device name and serial number, a chosen few with faults,
 * until interrupted. `--devices-out` writes the devices file a batch run takes (docs/batch.md).
 */
import * as fs from 'node:fs';
import { listFaults } from '../../simulator';
import { fleetDevicesCsv, startFleet } from '../../simulator/fleet';
import { EXIT, type Io, parse, UsageError } from './io';

/** The fault `--faulty K` gives its meters: a wrong scaler_unit type, which the golden sample sees. */
export const DEFAULT_BATCH_FAULT = 'register-scaler-unit-wrong-type';
/** IANA port for DLMS/COSEM over TCP (IEC 62056-47). */
const DEFAULT_PORT = 4059;
const INTERACTIVE_INACTIVITY_S = 120;
/** Enough for any delivery one machine serves; more is a typo. */
const MAX_METERS = 10_000;

export async function simulateFleetCommand(args: string[], io: Io, until: Promise<unknown>): Promise<number> {
  const { values } = parse(args, {
    meters: { type: 'string' },
    tcp: { type: 'string' },
    framing: { type: 'string', default: 'hdlc' },
    'meter-fault': { type: 'string', multiple: true, default: [] },
    faulty: { type: 'string' },
    'devices-out': { type: 'string' },
    inactivity: { type: 'string' },
  });
  const count = Number(values.meters);
  if (!Number.isInteger(count) || count < 1 || count > MAX_METERS)
    throw new UsageError(`--meters must be a whole number 1..${MAX_METERS}, not ${JSON.stringify(values.meters)}`);
  const framing = values.framing;
  if (framing !== 'hdlc' && framing !== 'wrapper') throw new UsageError(`--framing must be hdlc or wrapper, not ${JSON.stringify(framing)}`);
  const base = values.tcp === undefined ? DEFAULT_PORT : Number(values.tcp);
  if (!Number.isInteger(base) || base < 0 || base + (base ? count - 1 : 0) > 65535)
    throw new UsageError(`--tcp must be a first port so that ${count} ports fit below 65536, not ${JSON.stringify(values.tcp)}`);
  const faults = meterFaults(values['meter-fault'], values.faulty, count);
  // As `dlmsct simulate`: 120 s for clients over the network (the default meter keeps 1 s for its own conformance case).
  const inactivity = values.inactivity === undefined ? INTERACTIVE_INACTIVITY_S : Number(values.inactivity);
  if (!(Number.isInteger(inactivity) && inactivity >= 0 && inactivity <= 0xffff))
    throw new UsageError(`--inactivity must be whole seconds 0..65535, not ${JSON.stringify(values.inactivity)}`);

  const fleet = await startFleet({ count, framing, basePort: base, faults, inactivityTimeoutS: inactivity });
  if (values['devices-out']) fs.writeFileSync(values['devices-out'], fleetDevicesCsv(fleet));
  const first = fleet.meters[0]!;
  const last = fleet.meters[fleet.meters.length - 1]!;
  io.out(
    `simulator: ${count} meters (${framing}) on tcp ports ${first.port}${count > 1 ? `..${last.port}` : ''}${values['devices-out'] ? `, devices file ${values['devices-out']}` : ''} (Ctrl-C stops)\n`,
  );
  for (const m of fleet.meters.filter((x) => x.faults.length)) io.out(`simulator: ${m.id} (port ${m.port}) faults: ${m.faults.join(', ')}\n`);
  await until;
  await fleet.stop();
  io.out('simulator: stopped\n');
  return EXIT.ok;
}

/** `--meter-fault 7:NAME` (repeatable) and `--faulty K` (K meters spread evenly, the default fault). */
export function meterFaults(specs: readonly string[], faulty: string | undefined, count: number): Map<number, string[]> {
  const known = new Set(listFaults().map((f) => f.name));
  const out = new Map<number, string[]>();
  const add = (i: number, name: string) => out.set(i, [...(out.get(i) ?? []), name]);
  for (const spec of specs) {
    const m = /^(\d+):([a-z0-9-]+)$/.exec(spec);
    if (!m) throw new UsageError(`--meter-fault takes INDEX:FAULT (7:${DEFAULT_BATCH_FAULT}), not ${JSON.stringify(spec)}`);
    const i = Number(m[1]);
    if (i < 1 || i > count) throw new UsageError(`--meter-fault ${spec}: meters are numbered 1..${count}`);
    if (!known.has(m[2]!)) throw new UsageError(`--meter-fault ${spec}: unknown fault; \`dlmsct simulate --list-faults\` lists them`);
    add(i, m[2]!);
  }
  if (faulty !== undefined) {
    const k = Number(faulty);
    if (!Number.isInteger(k) || k < 0 || k > count) throw new UsageError(`--faulty must be 0..${count}, not ${JSON.stringify(faulty)}`);
    // Spread evenly, so a shard or a slice of the batch holds some of them.
    for (let j = 0; j < k; j++) add(Math.floor(((j + 0.5) * count) / k) + 1, DEFAULT_BATCH_FAULT);
  }
  return out;
}
