/**
 * The reference meter: `createSimulator` loads a meter definition, applies the named faults and
 * serves DLMS/COSEM over in-memory links (`connectMemory`) and TCP (`listenTcp`). Each
 * connection is its own sans-IO server (server/connection.ts); this file only does the IO.
 */
import * as net from 'node:net';
import { memoryPair } from '../drivers/memory';
import { openSerial } from '../drivers/serial';
import { socketTransport } from '../drivers/tcp';
import type { Transport } from '../drivers/transport';
import { activeHooks, FAULTS, faultsNamed, type Fault } from './faults';
import { VARIANTS, variantsNamed, type Variant } from './variants';
import { DEFAULT_METER, loadMeterDefinition } from './meter/load';
import type { MeterDefinition } from './meter/definition';
import { type MeterIdentity, withIdentity } from './meter/identity';
import type { ServerConfig } from './server/connection';
import { serveTransport, type Served } from './server/serve';

export { BUILTIN_SECRETS } from './secrets';
export { VARIANTS, variantsNamed, UnknownVariantError, type Variant, type VariantProfile } from './variants';

export interface SimulatorOptions {
  /** Meter definition YAML; default simulator/meters/default.yaml. */
  readonly meter?: string;
  readonly framing: 'hdlc' | 'wrapper';
  /** Fault names from `listFaults()`; an unknown name throws, listing the known ones. */
  readonly faults?: readonly string[];
  /** Legal variant names from `listVariants()` (simulator/variants/), besides those the meter definition names. */
  readonly variants?: readonly string[];
  /**
   * Overrides the meter's HDLC inactivity_time_out (seconds, 0 = never). The default meter keeps
   * 1 s so its conformance case is quick; an interactive client wants longer (`dlmsct simulate`).
   */
  readonly inactivityTimeoutS?: number;
  /** Milliseconds since the epoch; default Date.now. Clock and living registers read it. */
  readonly now?: () => number;
  /**
   * Replaces the LLS password of every `authentication: low` association (`dlmsct simulate
   * --password`), with the reference it came from (shown instead of the text).
   */
  readonly llsPassword?: { readonly ref: string; readonly bytes: Uint8Array };
  /** This meter's own logical device name and serial number (one meter of a simulated batch). */
  readonly identity?: MeterIdentity;
}

export interface Simulator {
  /** The client end of an in-memory pair whose server end this simulator serves. */
  connectMemory(): Transport;
  /** Serves an already open transport (a serial port, a test double) until it closes. */
  serveTransport(transport: Transport): void;
  /** Opens a serial device (8N1) and serves it; rejects when it cannot be opened within `timeoutMs`. */
  serveSerial(path: string, baudRate: number, timeoutMs: number): Promise<void>;
  /** Listens on TCP; resolves with the bound port (0 = an ephemeral port). Default host 127.0.0.1. */
  listenTcp(port?: number, host?: string): Promise<number>;
  /** Closes every listener and connection. */
  stop(): Promise<void>;
  readonly faults: readonly string[];
  /** The meter served, after the options above (addresses and associations for a banner). */
  readonly meter: MeterDefinition;
  /** Every variant the simulator shows: the meter definition's and the options'. */
  readonly variants: readonly string[];
}

export function listFaults(): readonly { name: string; description: string; clause: string }[] {
  return FAULTS.map((f) => ({ name: f.name, description: f.description, clause: f.clause }));
}

export function listVariants(): readonly { name: string; description: string; clause: string; reading?: string; seen?: string }[] {
  return VARIANTS.map((v) => ({
    name: v.name,
    description: v.description,
    clause: v.clause,
    ...(v.reading ? { reading: v.reading } : {}),
    ...(v.seen ? { seen: v.seen } : {}),
  }));
}

/** A variant's hooks, applied like a fault's (faults/types.ts), ahead of the faults. */
function asHooked(v: Variant): Fault {
  return { name: v.name, description: v.description, clause: v.clause, hooks: v.hooks ?? {} };
}

export function createSimulator(opts: SimulatorOptions): Simulator {
  const now = opts.now ?? Date.now;
  const faultNames = [...(opts.faults ?? [])];
  const meter = withPassword(
    withIdentity(withInactivity(loadMeterDefinition(opts.meter ?? DEFAULT_METER, opts.variants ?? []), opts.inactivityTimeoutS), opts.identity),
    opts.llsPassword,
  );
  const config: ServerConfig = {
    meter,
    framing: opts.framing,
    hooks: activeHooks([...variantsNamed(meter.variants).map(asHooked), ...faultsNamed(faultNames)]),
    startedAt: now(),
  };
  const connections = new Set<Served>();
  const servers = new Set<net.Server>();
  let connectionCount = 0;

  function serve(transport: Transport): void {
    const served: Served = serveTransport(transport, config, now, () => connections.delete(served));
    connections.add(served);
  }

  return {
    faults: faultNames,
    meter,
    variants: meter.variants,
    serveTransport: serve,
    async serveSerial(path, baudRate, timeoutMs) {
      serve(await openSerial({ path, baudRate, timeoutMs }));
    },
    connectMemory() {
      const [client, server] = memoryPair(`simulator memory #${++connectionCount}`);
      serve(server);
      return client;
    },
    listenTcp(port = 0, host = '127.0.0.1') {
      return new Promise<number>((resolve, reject) => {
        const server = net.createServer((socket) => serve(socketTransport(socket, `simulator tcp ${socket.remoteAddress}:${socket.remotePort}`)));
        server.once('error', reject);
        server.listen(port, host, () => {
          server.removeListener('error', reject);
          servers.add(server);
          resolve((server.address() as net.AddressInfo).port);
        });
      });
    },
    async stop() {
      const closing = [...servers].map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
      servers.clear();
      await Promise.all([...connections].map((c) => c.close()));
      connections.clear();
      await Promise.all(closing);
    },
  };
}

function withPassword(meter: MeterDefinition, password: SimulatorOptions['llsPassword']): MeterDefinition {
  if (password === undefined) return meter;
  return { ...meter, associations: meter.associations.map((a) => (a.authentication === 'low' ? { ...a, password } : a)) };
}

function withInactivity(meter: MeterDefinition, seconds: number | undefined): MeterDefinition {
  return seconds === undefined ? meter : { ...meter, hdlc: { ...meter.hdlc, inactivityTimeoutS: seconds } };
}
