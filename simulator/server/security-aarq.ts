/**
 * Association establishment and release for HLS and ciphered associations (Green Book 9.3.2,
 * 9.3.3, 9.2.7.4), around the plain ones of association.ts: the security layer checks what only
 * it can (the ciphered context, the client system title, the challenge, the glo-initiate-request),
 * hands association.ts an AARQ as a plain LN one would be, and dresses its AARE: the context
 * proposed, the server system title, the mechanism, StoC, a glo-initiate-response.
 *
 * | rule                      | broken when                                          | AARE                                                        |
 * |---------------------------|------------------------------------------------------|-------------------------------------------------------------|
 * | application-context       | ciphered for a plain association, or the reverse     | rejected-permanent, application-context-name-not-supported |
 * | calling-AP-title          | absent or not 8 bytes where ciphering or mechanism 5..7 need it | rejected-permanent, calling-AP-title-not-recognized |
 * | calling-authentication-value | no CtoS of 8..64 bytes                            | rejected-permanent, authentication-failure                  |
 * | user-information          | a glo-initiate-request that does not decipher (keys, tag, counter, policy) | rejected-permanent, no-reason-given + initiateError application-reference deciphering-error |
 */
import type { Aare } from '../../dlms/acse/aare';
import type { Aarq } from '../../dlms/acse/aarq';
import { APPLICATION_CONTEXT_NAME, type ACSE_SERVICE_USER } from '../../dlms/acse/names';
import { decodePduBytes, encodePduBytes } from '../../dlms/pdu/pdu';
import type { Rlrq } from '../../dlms/acse/release';
import { userInformationFor, userInformationOf } from '../../dlms/acse/user-information';
import { bitStringOf } from '../../dlms/ber';
import { isDecodeError } from '../../dlms/bytes';
import { keyFromBytes, type Key } from '../../dlms/security/key';
import { decodeApduBytes, encodeApduBytes } from '../../dlms/xdlms/apdu';
import type { InitiateRequest, InitiateResponse } from '../../dlms/xdlms/initiate';
import type { ActiveHooks } from '../faults/types';
import type { AssociationDefinition } from '../meter/definition';
import type { HlsAuthentication } from '../meter/security';
import { MECHANISM_OF } from '../objects/association-ln';
import type { SecurityState } from '../objects/security-state';
import { newServerChallenge, type HlsState } from './security-hls';
import { protectResponse, unprotectRequest, type ChannelKeys, type Protection } from './security-apdu';

/** Green Book 9.2.7.4: challenges are 8..64 bytes. */
const CHALLENGE = [8, 64] as const;
const SYSTEM_TITLE_LENGTH = 8;
/** Mechanisms whose proof involves the system titles (Green Book 9.2.7.4, mechanisms 5, 6, 7). */
const NEEDS_TITLES: readonly HlsAuthentication[] = ['hls-gmac', 'hls-sha256', 'hls-ecdsa'];

type Diagnostic = (typeof ACSE_SERVICE_USER.names)[number];

/** A ciphered or HLS association while it lasts. */
export interface SecuredAssociation {
  readonly def: AssociationDefinition;
  readonly keys: ChannelKeys;
  readonly ciphered: boolean;
  /** Until pass 3 succeeds (Green Book 9.2.7.4): only reply_to_HLS_authentication is served. */
  hls: HlsState | undefined;
  readonly initiateResponse: InitiateResponse;
  /** How the glo-initiate-request was protected: the RLRE's user-information is protected alike. */
  readonly initiateProtection: Protection;
}

export interface SecuredAarqOutcome {
  readonly aare: Uint8Array;
  readonly association?: SecuredAssociation;
}

function rejection(aarq: Aarq, diagnostic: Diagnostic, decipheringError = false): Uint8Array {
  const aare: Aare = {
    type: 'aare',
    applicationContextName: aarq.applicationContextName,
    result: 'rejected-permanent',
    resultSourceDiagnostic: { source: 'acse-service-user', diagnostic },
    // Green Book 9.3.2: an InitiateRequest that cannot be deciphered is reported as
    // ConfirmedServiceError initiateError, application-reference deciphering-error.
    ...(decipheringError && {
      userInformation: userInformationFor({
        type: 'confirmed-service-error',
        service: 'initiateError',
        error: { kind: 'application-reference', value: 'deciphering-error' },
      }),
    }),
  };
  return encodePduBytes(aare);
}

/** What association.ts gets: the same AARQ in the plain LN context, with the plain InitiateRequest (no dedicated key). */
function plainAarq(aarq: Aarq, initiate: InitiateRequest | undefined): Uint8Array {
  let userInformation = aarq.userInformation;
  if (initiate) {
    const { dedicatedKey: _dedicated, ...rest } = initiate;
    userInformation = userInformationFor(rest);
  }
  return encodePduBytes({ ...aarq, applicationContextName: APPLICATION_CONTEXT_NAME['logical-name'], ...(userInformation ? { userInformation } : {}) });
}

export function answerSecuredAarq(
  aarq: Aarq,
  def: AssociationDefinition,
  state: SecurityState,
  hooks: ActiveHooks,
  inner: (plain: Uint8Array) => Uint8Array | undefined,
): SecuredAarqOutcome | undefined {
  const security = def.security!;
  const hls = def.authentication as HlsAuthentication;
  const expected = APPLICATION_CONTEXT_NAME[security.ciphered ? 'logical-name-with-ciphering' : 'logical-name'];
  if (aarq.applicationContextName !== expected) return { aare: rejection(aarq, 'application-context-name-not-supported') };
  const title = aarq.callingApTitle;
  if ((security.ciphered || NEEDS_TITLES.includes(hls)) && title?.length !== SYSTEM_TITLE_LENGTH)
    return { aare: rejection(aarq, 'calling-AP-title-not-recognized') };
  const clientSystemTitle = title ?? new Uint8Array(0);
  // The mechanism itself is association.ts's to judge; the challenge only matters when it is right.
  const ctos = aarq.callingAuthenticationValue;
  if (aarq.mechanismName === MECHANISM_OF[hls]) {
    if (ctos?.kind !== 'charstring' || ctos.value.length < CHALLENGE[0] || ctos.value.length > CHALLENGE[1])
      return { aare: rejection(aarq, 'authentication-failure') };
  }

  const baseKeys: ChannelKeys = { state, clientSystemTitle, dedicatedKey: undefined };
  let initiate: InitiateRequest | undefined;
  let protection: Protection = { envelope: 'plain', dedicated: false, signed: false };
  const ui = aarq.userInformation;
  if (security.ciphered && ui) {
    const u = unprotectRequest(ui.raw, baseKeys, hooks.security);
    if (u.kind === 'refused') return { aare: rejection(aarq, 'no-reason-given', true) };
    try {
      const apdu = decodeApduBytes(u.apdu);
      if (apdu.type === 'initiate-request') initiate = apdu;
    } catch (e) {
      if (!isDecodeError(e)) throw e;
    }
    protection = u.protection;
  } else if (ui?.apdu?.type === 'initiate-request') initiate = ui.apdu;

  const answer = inner(plainAarq(aarq, initiate));
  if (!answer) return undefined;
  const aare = decodePduBytes(answer);
  if (aare.type !== 'aare') return { aare: answer };
  const response = aare.userInformation?.apdu;
  if (aare.result !== 'accepted' || response?.type !== 'initiate-response')
    return { aare: encodePduBytes({ ...aare, applicationContextName: aarq.applicationContextName }) };

  state.clientSystemTitle = clientSystemTitle;
  // Fault counter-restarts-per-association: each association starts the counter where the first did.
  if (hooks.security.restartServerCounter) state.serverCounter = firstServerCounter(state);
  const dedicatedKey: Key | undefined = initiate?.dedicatedKey ? keyFromBytes(initiate.dedicatedKey, 'dedicated key of the AARQ') : undefined;
  const keys: ChannelKeys = { state, clientSystemTitle, dedicatedKey };
  const stoc = newServerChallenge();
  const association: SecuredAssociation = {
    def,
    keys,
    ciphered: security.ciphered,
    hls: { mechanism: hls, ctos: ctos?.kind === 'charstring' ? ctos.value : new Uint8Array(0), stoc, clientSystemTitle },
    initiateResponse: response,
    initiateProtection: { ...protection, dedicated: false },
  };
  const plainResponse = encodeApduBytes(response);
  const userInformation = security.ciphered
    ? userInformationOf(protectResponse(plainResponse, association.initiateProtection, keys, hooks.security))
    : aare.userInformation;
  return {
    association,
    aare: encodePduBytes({
      ...aare,
      applicationContextName: aarq.applicationContextName,
      respondingApTitle: state.serverSystemTitle,
      responderAcseRequirements: bitStringOf(1, [0]),
      mechanismName: MECHANISM_OF[hls],
      respondingAuthenticationValue: { kind: 'charstring', value: stoc },
      ...(userInformation ? { userInformation } : {}),
    }),
  };
}

/** The server counter when the first association under a Security setup began (fault counter-restarts-per-association). */
const firstCounters = new WeakMap<SecurityState, number>();

function firstServerCounter(state: SecurityState): number {
  const first = firstCounters.get(state) ?? state.serverCounter;
  firstCounters.set(state, first);
  return first;
}

/**
 * RLRQ in a ciphered association (Green Book 9.3.3): without user-information it releases; with
 * one, the InitiateRequest must be protected as the policy asks, else the association stays
 * (RLRE reason not-finished); the RLRE then carries the InitiateResponse protected alike.
 */
/** Green Book 9.5 ExceptionResponse service-not-allowed, service-not-supported (D8 01 02). */
const REFUSED_BY_EXCEPTION = encodePduBytes({ type: 'exception-response', stateError: 'service-not-allowed', serviceError: { kind: 'service-not-supported' } });

export function answerSecuredRlrq(
  rlrq: Rlrq,
  a: SecuredAssociation,
  hooks: ActiveHooks,
  inner: (plain: Uint8Array) => Uint8Array | undefined,
): { readonly rlre: Uint8Array | undefined; readonly released: boolean } {
  const ui = rlrq.userInformation;
  const plain = encodePduBytes({ type: 'rlrq', ...(rlrq.reason === undefined ? {} : { reason: rlrq.reason }) });
  // A legal variant (simulator/variants/unprotected-rlrq-exception.ts) refuses with an exception-response, a missing user-information included.
  const byException = a.ciphered && hooks.security.unprotectedRlrqRefusal === 'exception';
  if (byException && !ui && !hooks.security.acceptRlrq(false)) return { rlre: REFUSED_BY_EXCEPTION, released: false };
  if (!ui || !a.ciphered) return { rlre: inner(plain), released: true };
  const u = unprotectRequest(ui.raw, a.keys, { ...hooks.security, acceptPolicy: () => true });
  const enough = u.kind === 'plain' && u.protection.envelope !== 'plain';
  if (!hooks.security.acceptRlrq(enough))
    return { rlre: byException ? REFUSED_BY_EXCEPTION : encodePduBytes({ type: 'rlre', reason: 'not-finished' }), released: false };
  const rlre = inner(plain);
  if (!rlre) return { rlre, released: true };
  const decoded = decodePduBytes(rlre);
  if (decoded.type !== 'rlre' || u.kind !== 'plain') return { rlre, released: true };
  const protectedResponse =
    u.protection.envelope === 'plain'
      ? encodeApduBytes(a.initiateResponse)
      : protectResponse(encodeApduBytes(a.initiateResponse), u.protection, a.keys, hooks.security);
  return { rlre: encodePduBytes({ ...decoded, userInformation: userInformationOf(protectedResponse) }), released: true };
}
