/**
 * One client connection, sans-IO: stream bytes in (split into frames by the drivers' framers),
 * bytes out. The same object serves a TCP socket, an in-memory pair or a test that feeds bytes
 * by hand; time is passed in with every call.
 */
import { WrapperFramer } from '../../drivers/wrapper-framer';
import type { StreamFramer } from '../../drivers/framer';
import type { ActiveHooks } from '../faults/types';
import type { MeterDefinition } from '../meter/definition';
import { createHdlcServerConnection } from './hdlc-link';
import { createSession } from './session';
import { createSecureSession } from './security';
import { createWrapperServerLink } from './wrapper-link';

export type Framing = 'hdlc' | 'wrapper';

export interface ServerConfig {
  readonly meter: MeterDefinition;
  readonly framing: Framing;
  readonly hooks: ActiveHooks;
  /** When the simulator started (living values grow from here). */
  readonly startedAt: number;
}

export interface ServerConnection {
  /** Bytes received at `now`; returns what to send, in order. */
  receive(chunk: Uint8Array, now: number): Uint8Array[];
  /** Drops an unfinished frame whose inter-octet timeout has passed. */
  expire(now: number): void;
  /** When `expire` should next be called, if anything is pending. */
  deadline(): number | undefined;
}

export function createServerConnection(config: ServerConfig): ServerConnection {
  const session = createSecureSession(config.meter, config.hooks, createSession(config.meter, config.hooks, config.startedAt));
  // HDLC: the framer, the link machine and its faults live in hdlc-link.ts.
  if (config.framing === 'hdlc') return createHdlcServerConnection(config.meter.hdlc, config.hooks, session);
  const framer: StreamFramer = new WrapperFramer();
  const link = createWrapperServerLink(config.meter.wrapper, session);
  const handle = (pdu: Uint8Array, now: number): Uint8Array[] => link.handlePdu(pdu, now);
  return {
    receive(chunk, now) {
      const out: Uint8Array[] = [];
      for (const event of framer.feed(chunk, now)) {
        // Discarded bytes are noise on the line: a server says nothing about them.
        if (event.type === 'frame') out.push(...handle(event.bytes, now));
      }
      return out;
    },
    expire(now) {
      framer.expire(now);
    },
    deadline: () => framer.deadline(),
  };
}
