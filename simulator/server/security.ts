/**
 * The server's security layer (Green Book 9.2), between the link and the session: for the
 * associations a meter definition marks HLS (mechanisms 3..7) and ciphered, it answers the AARQ
 * (security-aarq.ts), runs HLS passes 3 and 4 (security-hls.ts), deciphers and checks every
 * request and protects every response (security-apdu.ts), and applies what Security setup methods
 * changed once their response is out. Everything else passes through to the session untouched,
 * which never sees a protected APDU.
 */
import { decodePduBytes, encodePduBytes, type Pdu } from '../../dlms/pdu/pdu';
import { bytesEqual, isDecodeError } from '../../dlms/bytes';
import { decodeApduBytes } from '../../dlms/xdlms/apdu';
import { GENERAL_CIPHERING, GENERAL_DED_CIPHERING, GENERAL_GLO_CIPHERING, GENERAL_SIGNING } from '../../dlms/security/ciphered-tags';
import type { ActiveHooks } from '../faults/types';
import type { MeterDefinition } from '../meter/definition';
import { securityStateOf } from '../objects/security-setup';
import { applyPending, type SecurityState } from '../objects/security-state';
import { answerSecuredAarq, answerSecuredRlrq, type SecuredAssociation } from './security-aarq';
import { isProtected, protectResponse, unprotectRequest } from './security-apdu';
import { answerHlsReply, REPLY_TO_HLS } from './security-hls';
import type { Session } from './session';

const AARQ_TAG = 0x60;
const RLRQ_TAG = 0x62;

/** The APDUs the conformance bit general-protection grants (Green Book 9.4.6.1, 9.2.7.2.4). */
const GENERAL_PROTECTION_TAGS: ReadonlySet<number> = new Set([GENERAL_GLO_CIPHERING, GENERAL_DED_CIPHERING, GENERAL_CIPHERING, GENERAL_SIGNING]);

/** The Security setup state of every secured association, found once: a missing object is a definition error. */
function statesOf(meter: MeterDefinition): ReadonlyMap<string, SecurityState> {
  const out = new Map<string, SecurityState>();
  for (const a of meter.associations) {
    if (!a.security) continue;
    const state = securityStateOf(meter.objects, a.security.setupLogicalName);
    if (!state) throw new Error(`${meter.file}: association ${a.name} names Security setup ${a.security.setup}, which the meter does not define`);
    out.set(a.name, state);
  }
  return out;
}

/** A service the association did not grant (as services.ts answers one). */
function notGranted(): Uint8Array {
  return encodePduBytes({ type: 'exception-response', stateError: 'service-not-allowed', serviceError: { kind: 'service-not-supported' } });
}

function exception(kind: 'operation-not-possible'): Uint8Array {
  return encodePduBytes({ type: 'exception-response', stateError: 'service-not-allowed', serviceError: { kind } });
}

/** real-meter.md section 2: a ded-ciphered pass 3 refused, state-error service-unknown, service-error deciphering-error (D8 02 05). */
const DEDICATED_BEFORE_HLS = encodePduBytes({ type: 'exception-response', stateError: 'service-unknown', serviceError: { kind: 'deciphering-error' } });

/** Pass 3 arrives as ACTION on reply_to_HLS_authentication; anything else is refused until it succeeds. */
function hlsPass(plain: Uint8Array, a: SecuredAssociation, hooks: ActiveHooks): Uint8Array {
  let pdu;
  try {
    pdu = decodeApduBytes(plain);
  } catch (e) {
    if (!isDecodeError(e)) throw e;
    return exception('operation-not-possible');
  }
  const m = pdu.type === 'action-request' && pdu.variant === 'normal' ? pdu.method : undefined;
  if (
    !m ||
    m.classId !== REPLY_TO_HLS.classId ||
    m.methodId !== REPLY_TO_HLS.method ||
    !bytesEqual(m.instanceId, REPLY_TO_HLS.logicalName) ||
    pdu.type !== 'action-request' ||
    pdu.variant !== 'normal'
  ) {
    return exception('operation-not-possible');
  }
  const p = pdu.methodInvocationParameters;
  const reply = p?.type === 'octet-string' && a.hls ? answerHlsReply(p.value, a.hls, a.def, a.keys.state, hooks.security) : undefined;
  if (reply) a.hls = undefined;
  return encodePduBytes({
    type: 'action-response',
    variant: 'normal',
    invokeIdAndPriority: pdu.invokeIdAndPriority,
    // A failed pass 3 leaves the association unauthenticated (docs/decisions/security-refusals.md).
    singleResponse: reply
      ? { result: 'success', returnParameters: { kind: 'data', data: { type: 'octet-string', value: reply } } }
      : { result: 'other-reason' },
  });
}

/** Green Book 9.3.1 Invoke-Id-And-Priority: a SET or ACTION whose service class is unconfirmed. */
function isUnconfirmed(plain: Uint8Array): boolean {
  try {
    const pdu = decodeApduBytes(plain);
    return (pdu.type === 'set-request' || pdu.type === 'action-request') && pdu.invokeIdAndPriority.serviceClass === 'unconfirmed';
  } catch (e) {
    if (isDecodeError(e)) return false;
    throw e;
  }
}

export function createSecureSession(meter: MeterDefinition, hooks: ActiveHooks, inner: Session): Session {
  const states = statesOf(meter);
  const secured = (clientSap: number) => meter.associations.find((a) => a.clientSap === clientSap && a.security !== undefined);
  let current: SecuredAssociation | undefined;
  /** Whether the session holds any association (a second AARQ is the session's to refuse). */
  let open = false;

  function decode(apdu: Uint8Array): Pdu | undefined {
    try {
      return decodePduBytes(apdu);
    } catch (e) {
      if (isDecodeError(e)) return undefined;
      throw e;
    }
  }

  function aarq(apdu: Uint8Array, clientSap: number, now: number): Uint8Array | undefined {
    const def = secured(clientSap);
    const pdu = decode(apdu);
    if (open || !def || pdu?.type !== 'aarq') {
      const answer = inner.handleApdu(apdu, clientSap, now);
      const aare = answer && decode(answer);
      if (!open && aare?.type === 'aare' && aare.result === 'accepted') open = true;
      return answer;
    }
    const outcome = answerSecuredAarq(pdu, def, states.get(def.name)!, hooks, (plain) => inner.handleApdu(plain, clientSap, now));
    if (outcome?.association) {
      current = outcome.association;
      open = true;
    }
    return outcome?.aare;
  }

  function rlrq(apdu: Uint8Array, clientSap: number, now: number): Uint8Array | undefined {
    const pdu = decode(apdu);
    const a = current;
    if (!a || pdu?.type !== 'rlrq') {
      const answer = inner.handleApdu(apdu, clientSap, now);
      if (answer && decode(answer)?.type === 'rlre') open = false;
      return answer;
    }
    const { rlre, released } = answerSecuredRlrq(pdu, a, hooks, (plain) => inner.handleApdu(plain, clientSap, now));
    if (released && rlre) {
      current = undefined;
      open = false;
    }
    applyPending(a.keys.state, hooks.security.applyChanges(true));
    return rlre;
  }

  function data(a: SecuredAssociation, apdu: Uint8Array, clientSap: number, now: number): Uint8Array | undefined {
    // A general-protection APDU is a service of the conformance block: not granted, not served.
    const general = GENERAL_PROTECTION_TAGS.has(apdu[0] ?? -1);
    if (general && !hooks.serveService('general-protection', a.initiateResponse.negotiatedConformance.includes('general-protection'))) return notGranted();
    // A plain context carries no protected APDU: the session answers whatever it is.
    if (!a.ciphered && !isProtected(apdu)) return a.hls ? hlsPass(apdu, a, hooks) : inner.handleApdu(apdu, clientSap, now);
    const u = unprotectRequest(apdu, a.keys, hooks.security);
    if (u.kind === 'refused') return u.response;
    // Legal variant dedicated-key-after-hls: the dedicated key is in force only once HLS completed.
    if (a.hls && u.protection.dedicated && hooks.security.refuseDedicatedBeforeHls) return DEDICATED_BEFORE_HLS;
    const plainResponse = a.hls ? hlsPass(u.apdu, a, hooks) : inner.handleApdu(u.apdu, clientSap, now);
    if (!plainResponse) return undefined;
    // A broadcast has no one to answer: an unconfirmed request under the broadcast key is served silently.
    const silent = u.protection.securityControl?.keySet === 'broadcast' && isUnconfirmed(u.apdu) && !hooks.security.answerBroadcast(false);
    const out = silent ? undefined : protectResponse(plainResponse, u.protection, a.keys, hooks.security);
    // New keys or a stronger policy apply from the next APDU on (Blue Book 4.4.7).
    applyPending(a.keys.state, hooks.security.applyChanges(true));
    return out;
  }

  return {
    // Whatever else the session offers (pushes…) is the session's.
    ...inner,
    handleApdu(apdu, clientSap, now) {
      const tag = apdu[0];
      if (tag === AARQ_TAG) return aarq(apdu, clientSap, now);
      if (tag === RLRQ_TAG) return rlrq(apdu, clientSap, now);
      return current ? data(current, apdu, clientSap, now) : inner.handleApdu(apdu, clientSap, now);
    },
    reset() {
      current = undefined;
      open = false;
      inner.reset();
    },
  };
}
