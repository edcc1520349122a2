/**
 * A simulated delivery: N reference meters, each on its own TCP port with its own identity
 * (logical device name, serial number), a chosen few with faults, so that a batch run is tested
 * against many real links. `dlmsct simulate --meters N` serves one; the tests and the batch
 * benchmark start one in process.
 */
import { createSimulator, type Simulator } from './index';

export interface FleetMeter {
  /** 1-based. */
  readonly index: number;
  readonly id: string;
  readonly serial: string;
  readonly logicalDeviceName: string;
  readonly port: number;
  readonly faults: readonly string[];
}

export interface FleetOptions {
  readonly count: number;
  readonly framing: 'hdlc' | 'wrapper';
  /** First port; meter i listens on basePort + i - 1. 0: an ephemeral port each. */
  readonly basePort?: number;
  readonly host?: string;
  /** Faults of chosen meters, by 1-based index. */
  readonly faults?: ReadonlyMap<number, readonly string[]>;
  readonly inactivityTimeoutS?: number;
}

export interface Fleet {
  readonly meters: readonly FleetMeter[];
  readonly host: string;
  stop(): Promise<void>;
}

/** The manufacturer FLAG id of the reference meter: the first three characters of its names (Green Book 4.1.8.2). */
const FLAG = 'DLM';

export function fleetIdentity(index: number): Pick<FleetMeter, 'id' | 'serial' | 'logicalDeviceName'> {
  const n = String(index);
  return { id: `m-${n.padStart(4, '0')}`, serial: `SIM${n.padStart(8, '0')}`, logicalDeviceName: `${FLAG}${n.padStart(10, '0')}` };
}

export async function startFleet(opts: FleetOptions): Promise<Fleet> {
  const host = opts.host ?? '127.0.0.1';
  const sims: Simulator[] = [];
  const meters: FleetMeter[] = [];
  try {
    for (let index = 1; index <= opts.count; index++) {
      const who = fleetIdentity(index);
      const faults = opts.faults?.get(index) ?? [];
      const sim = createSimulator({
        framing: opts.framing,
        faults,
        identity: { logicalDeviceName: who.logicalDeviceName, serialNumber: who.serial },
        ...(opts.inactivityTimeoutS === undefined ? {} : { inactivityTimeoutS: opts.inactivityTimeoutS }),
      });
      sims.push(sim);
      const port = await sim.listenTcp(opts.basePort ? opts.basePort + index - 1 : 0, host);
      meters.push({ index, ...who, port, faults });
    }
  } catch (e) {
    await Promise.all(sims.map((s) => s.stop()));
    throw e;
  }
  return { meters, host, stop: async () => void (await Promise.all(sims.map((s) => s.stop()))) };
}

/** The fleet as a devices file (docs/batch.md): one row per meter, its address and identity. */
export function fleetDevicesCsv(fleet: Pick<Fleet, 'meters' | 'host'>): string {
  const rows = fleet.meters.map((m) =>
    [m.id, m.serial, m.faults.length ? `faults: ${m.faults.join(' ')}` : '', fleet.host, m.port, m.logicalDeviceName].join(','),
  );
  return `${['id,serial,label,host,port,logicalDeviceName', ...rows].join('\n')}\n`;
}
