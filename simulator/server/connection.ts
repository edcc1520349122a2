/**
 * One client connection, sans-IO: stream bytes in (split into frames by the drivers' framers),
 * bytes out. The same object serves a TCP socket, an in-memory pair or a test that feeds bytes
 * by hand; time is passed in with every call.
 */
import { HdlcFramer } from '../../drivers/hdlc-framer';
import { WrapperFramer } from '../../drivers/wrapper-framer';
import type { StreamFramer } from '../../drivers/framer';
import type { ActiveHooks } from '../faults/types';
import type { MeterDefinition } from '../meter/definition';
import { createHdlcServerLink } from './hdlc-link';
import { createSession } from './session';
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
  const session = createSession(config.meter, config.hooks, config.startedAt);
  let framer: StreamFramer;
  let handle: (frame: Uint8Array, now: number) => Uint8Array[];
  if (config.framing === 'hdlc') {
    framer = new HdlcFramer({ interByteTimeoutMs: config.meter.hdlc.interOctetTimeoutMs });
    const link = createHdlcServerLink(config.meter.hdlc, config.hooks, session);
    handle = (frame, now) => link.handleFrame(frame, now);
  } else {
    framer = new WrapperFramer();
    const link = createWrapperServerLink(config.meter.wrapper, session);
    handle = (pdu, now) => link.handlePdu(pdu, now);
  }
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
