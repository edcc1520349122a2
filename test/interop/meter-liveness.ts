/**
 * Whether the independent meter survived a case. Checking its pid right after the case is not
 * enough: the meter may die a moment later (while it handles the case's disconnect, say), and the
 * next case would then be blamed for the crash. So, after each case, the meter must first answer a
 * harmless request on the port the case used: it serves one client per port, so an answer proves
 * it has finished with the case's connection and is serving again. No answer (refused, closed,
 * silent): the process is given a bounded time to exit; one that exits died in that case.
 */
import * as net from 'node:net';
import { CLIENT_ADDRESS, serverAddress } from '../../dlms/hdlc/address';
import { encodeFrame } from '../../dlms/hdlc/frame';
import { encodeWrapper } from '../../dlms/wrapper/header';
import type { Profile } from '../../harness/profile/types';

const EXIT_POLL_MS = 10;

/** How long the meter has to answer the probe (a local process answers in milliseconds; a loaded machine may take longer). */
export const PROBE_BOUND_MS = 3000;
/** After a probe without an answer, how long the process has to exit before it counts as alive. */
export const EXIT_BOUND_MS = 3000;

export type ProbeOutcome =
  /** Some bytes came back: the meter serves the port again. */
  | { readonly kind: 'answered' }
  /** The connection was refused, reset or closed before any answer. */
  | { readonly kind: 'refused'; readonly detail: string }
  /** Connected, but no byte came back within the bound. */
  | { readonly kind: 'silent' };

/**
 * A request every meter answers outside an association, harmless to its state:
 * - HDLC: DISC from the public client (Green Book 8.4.3.4: a station in NDM answers DM, a connected one UA);
 * - wrapper: an AARQ without authentication from the profile's first association's SAP, in its
 *   referencing (the meter answers an AARE, or refuses; the association, if any, ends with the TCP
 *   connection the probe closes, Green Book 7.3.3). A GET outside an association is not answered on
 *   the meter's wrapper ports, so it cannot serve.
 */
export function probeRequest(profile: Profile): Uint8Array {
  if (profile.transport.kind !== 'tcp') throw new Error(`${profile.file}: the liveness probe needs a tcp transport`);
  if (profile.transport.framing === 'hdlc') {
    const h = profile.hdlc;
    const destination = h.addressSize === 1 ? serverAddress(h.serverLogical) : serverAddress(h.serverLogical, h.serverPhysical ?? 0, h.addressSize);
    return encodeFrame({ type: 'DISC', destination, source: { size: 1, upper: CLIENT_ADDRESS.publicClient }, pf: true });
  }
  const first = profile.associations[0];
  const sn = first?.referencing === 'sn';
  return encodeWrapper({
    source: first?.clientSap ?? CLIENT_ADDRESS.publicClient,
    destination: profile.hdlc.serverLogical,
    apdu: Uint8Array.of(
      ...AARQ_HEAD,
      sn ? CONTEXT_SN_NO_CIPHERING : CONTEXT_LN_NO_CIPHERING,
      ...AARQ_INITIATE,
      ...(sn ? CONFORMANCE_SN : CONFORMANCE_LN),
      ...AARQ_TAIL,
    ),
  });
}

/**
 * AARQ (Green Book 9.4.2.2): application-context-name 2.16.756.5.8.1.{1|2}, then user-information
 * with an xDLMS InitiateRequest (no dedicated key, response allowed, no quality of service,
 * DLMS version 6, the conformance block, max PDU size 0x04B0).
 */
const AARQ_HEAD = [0x60, 0x1d, 0xa1, 0x09, 0x06, 0x07, 0x60, 0x85, 0x74, 0x05, 0x08, 0x01] as const;
const CONTEXT_LN_NO_CIPHERING = 0x01;
const CONTEXT_SN_NO_CIPHERING = 0x02;
const AARQ_INITIATE = [0xbe, 0x10, 0x04, 0x0e, 0x01, 0x00, 0x00, 0x00, 0x06, 0x5f, 0x1f, 0x04, 0x00] as const;
/**
 * Conformance bits (Green Book 9.4.6.1): LN asks GET, SET, ACTION, selective access, event notification,
 * attribute 0, block transfer and multiple references (9..14, 19..23); SN asks READ, WRITE,
 * unconfirmed WRITE, multiple references and parameterized access (3..5, 14, 18).
 */
const CONFORMANCE_LN = [0x00, 0x7e, 0x1f] as const;
const CONFORMANCE_SN = [0x1c, 0x02, 0x20] as const;
const AARQ_TAIL = [0x04, 0xb0] as const;

/** Connects, sends `request`, and reports the first sign of life (or its absence) within `boundMs`. */
export function probePort(host: string, port: number, request: Uint8Array, boundMs = PROBE_BOUND_MS): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let done = false;
    const finish = (outcome: ProbeOutcome): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ kind: 'silent' }), boundMs);
    socket.once('connect', () => socket.write(request));
    socket.once('data', () => finish({ kind: 'answered' }));
    socket.once('error', (e) => finish({ kind: 'refused', detail: e.message }));
    socket.once('close', () => finish({ kind: 'refused', detail: 'closed before any answer' }));
  });
}

/**
 * Waits, at most `boundMs`, for a process to exit. The meter is started detached by its own
 * script, so there is no exit event to wait on: its pid is polled (every 10 ms).
 */
export async function untilExited(alive: () => boolean, boundMs: number): Promise<void> {
  const deadline = performance.now() + boundMs;
  while (alive() && performance.now() < deadline) await new Promise((r) => setTimeout(r, EXIT_POLL_MS));
}

/**
 * True when the meter outlived the case just run: it answers the probe and its process is there;
 * or, unanswered, its process has not exited within `exitBoundMs` (alive but silent: not a crash).
 */
export async function survivedCase(meter: { alive(): boolean }, probe: () => Promise<ProbeOutcome>, exitBoundMs = EXIT_BOUND_MS): Promise<boolean> {
  const outcome = await probe();
  if (outcome.kind === 'answered') return meter.alive();
  await untilExited(() => meter.alive(), exitBoundMs);
  return meter.alive();
}
