/**
 * The in-memory simulator with a stopwatch on its server side. The client and the simulator
 * share one process, so the process's CPU time is the sum of both; to say what the client alone
 * costs, this times the simulator's handling of each chunk it receives (synchronous, sans-IO:
 * wall time there is CPU time) and the bench subtracts it.
 *
 * It is assembled from the same pieces as `createSimulator().connectMemory()` (simulator/index.ts):
 * an in-memory pair whose server end `serveTransport` serves with the default meter, no faults.
 */
import { memoryPair } from '../drivers/memory';
import type { Transport } from '../drivers/transport';
import { NO_FAULTS } from '../simulator/faults';
import { loadMeterDefinition } from '../simulator/meter/load';
import type { ServerConfig } from '../simulator/server/connection';
import { serveTransport } from '../simulator/server/serve';

export interface TimedSimulator {
  /** The client end of a new in-memory connection. */
  connectMemory(): Transport;
  /** Nanoseconds spent in the simulator's data handler so far, every connection together. */
  readonly serverNs: bigint;
}

/** A transport whose data listener is timed; everything else passes through. */
function timedEnd(inner: Transport, add: (ns: bigint) => void): Transport {
  return {
    label: inner.label,
    write: (bytes) => inner.write(bytes),
    onClose: (listener) => inner.onClose(listener),
    close: () => inner.close(),
    onData(listener) {
      inner.onData((chunk) => {
        const t0 = process.hrtime.bigint();
        try {
          listener(chunk);
        } finally {
          add(process.hrtime.bigint() - t0);
        }
      });
    },
  };
}

export function createTimedSimulator(framing: 'hdlc' | 'wrapper'): TimedSimulator {
  const config: ServerConfig = { meter: loadMeterDefinition(), framing, hooks: NO_FAULTS, startedAt: Date.now() };
  let serverNs = 0n;
  let count = 0;
  return {
    get serverNs() {
      return serverNs;
    },
    connectMemory() {
      const [client, server] = memoryPair(`timed simulator memory #${++count}`);
      serveTransport(
        timedEnd(server, (ns) => (serverNs += ns)),
        config,
        Date.now,
        () => undefined,
      );
      return client;
    },
  };
}
