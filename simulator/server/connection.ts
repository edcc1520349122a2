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
import type { Session } from './session';
import { decodePduBytes } from '../../dlms/pdu/pdu';
import { isDecodeError } from '../../dlms/bytes';

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
  /** The server wants the connection closed once what it sent is written (a meter that hangs up, simulator/variants/). */
  readonly hangingUp: boolean;
}

const AARE_TAG = 0x61;
const RLRE_TAG = 0x63;

/**
 * The last interception point (hooks.onApduOut) and the hang-up after an RLRE: every response
 * APDU as it leaves the application layer. Whether an association is open is followed from the
 * AARE and RLRE that went out, as a client would see it.
 */
function outermost(inner: Session, hooks: ServerConfig['hooks'], onReleased: () => void): Session {
  let associated = false;
  return {
    handleApdu(apdu, clientSap, now) {
      const response = inner.handleApdu(apdu, clientSap, now);
      if (response === undefined) return undefined;
      const out = hooks.onApduOut(apdu, response, associated);
      if (response[0] === AARE_TAG) associated = associated || aareAccepted(response);
      if (response[0] === RLRE_TAG && releases(response)) {
        associated = false;
        if (hooks.hangUp.afterRelease) onReleased();
      }
      return out;
    },
    reset() {
      associated = false;
      inner.reset();
    },
    takePushes: () => inner.takePushes(),
  };
}

/** Whether an RLRE releases (any reason but not-finished, Green Book 9.3.3). */
function releases(rlre: Uint8Array): boolean {
  try {
    const pdu = decodePduBytes(rlre);
    return pdu.type === 'rlre' && pdu.reason !== 'not-finished';
  } catch (e) {
    if (isDecodeError(e)) return false;
    throw e;
  }
}

/** Whether an AARE says accepted (result, [A2] INTEGER 0), read without decoding the rest. */
function aareAccepted(aare: Uint8Array): boolean {
  try {
    const pdu = decodePduBytes(aare);
    return pdu.type === 'aare' && pdu.result === 'accepted';
  } catch (e) {
    if (isDecodeError(e)) return false;
    throw e;
  }
}

export function createServerConnection(config: ServerConfig): ServerConnection {
  let hangingUp = false;
  const session = outermost(createSecureSession(config.meter, config.hooks, createSession(config.meter, config.hooks, config.startedAt)), config.hooks, () => {
    hangingUp = true;
  });
  // HDLC: the framer, the link machine and its faults live in hdlc-link.ts.
  if (config.framing === 'hdlc') {
    const hdlc = createHdlcServerConnection(config.meter.hdlc, config.hooks, session);
    return {
      receive: (chunk, now) => hdlc.receive(chunk, now),
      expire: (now) => hdlc.expire(now),
      deadline: () => hdlc.deadline(),
      get hangingUp() {
        return hangingUp || (config.hooks.hangUp.afterDisc && hdlc.discReceived);
      },
    };
  }
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
    get hangingUp() {
      return hangingUp;
    },
  };
}
