/**
 * A client wired to an in-memory simulator: the default meter's link addresses (server logical 1,
 * physical 16, one-byte addresses), what the end-to-end and security tests all use.
 */
import { createClient, type ClientOptions, type DlmsClient } from '../../client';
import type { Simulator } from '../../simulator';

export interface SimClientOptions extends Partial<Pick<ClientOptions, 'counters' | 'deviceKey'>> {
  /** Names the transport in the trace. */
  readonly label?: string;
  readonly responseTimeoutMs?: number;
}

export function simulatorClient(sim: Simulator, framing: 'hdlc' | 'wrapper', o: SimClientOptions = {}): DlmsClient {
  return createClient({
    transport: { kind: 'factory', label: o.label ?? 'memory', open: async () => sim.connectMemory() },
    link: { framing, serverLogical: 1, serverPhysical: 16, addressSize: 1, responseTimeoutMs: o.responseTimeoutMs ?? 1000, interFrameTimeoutMs: 200 },
    connectTimeoutMs: 1000,
    ...(o.counters ? { counters: o.counters } : {}),
    ...(o.deviceKey === undefined ? {} : { deviceKey: o.deviceKey }),
  });
}
