/**
 * The device under test as the engine needs it: a way to make a new client on a new link.
 * For a builtin profile this starts the reference simulator in process (in-memory links); for
 * TCP and serial it opens the transport through client/open-transport (harness/ may not reach
 * drivers/ itself).
 */
import { ClientError, type DlmsClient } from '../client/api';
import { createClient } from '../client';
import { fileCounterStore, memoryCounterStore } from '../client/counters';
import { openTransport, type TransportSpec } from '../client/open-transport';
import { createSimulator } from '../simulator';
import { clientOptionsFor } from './client-options';
import type { Profile } from './profile/types';

export interface Dut {
  /** `built-in simulator (hdlc, faults: …)`, `tcp 192.0.2.10:4059`, … */
  readonly label: string;
  newClient(): DlmsClient;
  /** Opens the transport once and closes it: throws UnreachableError when the DUT cannot be reached. */
  probe(): Promise<void>;
  stop(): Promise<void>;
}

export interface DutOptions {
  /** Simulator faults to inject, replacing the profile's `transport.faults` (builtin only). */
  readonly faults?: readonly string[];
  /** Legal simulator variants, replacing the profile's `transport.variants` (builtin only). */
  readonly variants?: readonly string[];
}

export async function startDut(profile: Profile, opts: DutOptions = {}): Promise<Dut> {
  const t = profile.transport;
  let spec: TransportSpec;
  let stop: () => Promise<void> = async () => undefined;
  let label: string;
  switch (t.kind) {
    case 'builtin': {
      const faults = opts.faults ?? t.faults;
      const sim = createSimulator({ framing: t.framing, faults, variants: opts.variants ?? t.variants, ...(t.meter === undefined ? {} : { meter: t.meter }) });
      const variants = sim.variants.length ? `, variants: ${sim.variants.join(', ')}` : '';
      label = `built-in simulator (${t.framing}${faults.length ? `, faults: ${faults.join(', ')}` : ''}${variants})`;
      spec = { kind: 'factory', label, open: async () => sim.connectMemory() };
      stop = () => sim.stop();
      break;
    }
    case 'tcp':
      spec = { kind: 'tcp', host: t.host, port: t.port };
      label = `tcp ${t.host}:${t.port}`;
      break;
    case 'serial':
      spec = {
        kind: 'serial',
        path: t.path,
        baudRate: t.baudRate,
        ...(t.opening === undefined ? {} : { opening: t.opening.kind, requireEnhancedId: t.opening.requireEnhancedId }),
      };
      label = `serial ${t.path}`;
      break;
    default: {
      const never: never = t;
      throw new Error(`transport ${JSON.stringify(never)}`);
    }
  }
  const counters = t.kind === 'builtin' ? memoryCounterStore() : fileCounterStore();
  return {
    label,
    // Invocation counters outlive a client (Green Book 9.2.7.2.4): one store per DUT, kept on disk
    // for a real device (client/counters.ts), in memory for the simulator, which restarts each run.
    newClient: () => createClient({ ...clientOptionsFor(profile, spec), counters, deviceKey: `${profile.device.name} @ ${label}` }),
    async probe() {
      let tr;
      try {
        tr = await openTransport(spec, { attemptTimeoutMs: profile.timeouts.connectMs, retries: 0 });
      } catch (e) {
        // The meter answered, wrongly (a failed IEC 62056-21 sign-on): that is a finding each case
        // reports with the bytes exchanged, not an unreachable device.
        if (e instanceof ClientError && e.culprit === 'dut') return;
        throw e;
      }
      await tr.close();
    },
    stop,
  };
}
