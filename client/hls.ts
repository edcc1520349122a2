/**
 * Associations with high level security or ciphering (Green Book 9.2.7.4 and 9.3.2): the AARQ
 * carries the client system title (calling-AP-title), the challenge CtoS and, in a ciphered
 * context, the InitiateRequest as glo-initiate-request; the AARE brings the server system title
 * and StoC, its InitiateResponse deciphered here. Then pass 3: ACTION reply_to_HLS_authentication
 * (Association LN method 1) with f(StoC), protected like any request; pass 4: the server's
 * f(CtoS) in the return parameters, verified. The AARQ is association.ts's, with these fields set.
 */
import { randomBytes } from 'node:crypto';
import type { Aare } from '../dlms/acse/aare';
import { MECHANISM_NAME } from '../dlms/acse/names';
import { decodePduBytes, encodeAcseBytes } from '../dlms/pdu/pdu';
import { userInformationOf, type UserInformation } from '../dlms/acse/user-information';
import { DecodeError, isDecodeError } from '../dlms/bytes/decode-error';
import { parseObis } from '../dlms/cosem/obis';
import { computeHlsResponse, verifyHlsResponse, type HlsExchange, type HlsMechanism } from '../dlms/security/hls';
import { decodeApduBytes, encodeApduBytes, type Apdu } from '../dlms/xdlms/apdu';
import type { InvokeIdAndPriority } from '../dlms/xdlms/invoke-id';
import { nameText } from '../dlms/xdlms/named';
import { ClientError, type AssociateOutcome, type AssociationParams, type ReleaseOptions, type ReleaseOutcome } from './api';
import { aareOutcome, buildAarq, buildRlrq, initiateRequestFor } from './association';
import { decodeArrival } from './answer';
import { CipheringLink } from './ciphering';
import type { Link } from './link';
import { malformed, notRlre } from './outcomes';
import { SecureChannel, type ChannelDeps } from './security-context';

/** The mechanism names of HLS (Green Book 9.4.2.2.2). */
export const HLS_MECHANISM: Readonly<Record<string, keyof typeof MECHANISM_NAME>> = {
  'hls-manufacturer': 'high',
  'hls-md5': 'md5',
  'hls-sha1': 'sha1',
  'hls-gmac': 'gmac',
  'hls-sha256': 'sha256',
  'hls-ecdsa': 'ecdsa',
};
/** Our challenge: 16 bytes, within Green Book 9.2.7.4's 8..64. */
const CTOS_LENGTH = 16;
const SYSTEM_TITLE_LENGTH = 8;
/** Association LN (class 15), current association, method 1 reply_to_HLS_authentication (Blue Book 4.4.3). */
const REPLY_TO_HLS = { classId: 15, obis: '0-0:40.0.0.255', method: 1 } as const;

export function isHls(p: AssociationParams): boolean {
  return HLS_MECHANISM[p.authentication] !== undefined;
}

/** Whether the association needs this module (HLS, or any security parameters). */
export function needsSecurity(p: AssociationParams): boolean {
  return isHls(p) || p.security !== undefined;
}

export interface SecuredAssociation {
  readonly outcome: AssociateOutcome;
  /** The session of an accepted association, when it has security parameters. */
  readonly channel?: SecureChannel;
}

function mechanismOf(p: AssociationParams, channel: SecureChannel | undefined, forResponse: boolean): HlsMechanism {
  const hls = p.hls ?? {};
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new ClientError(`association ${p.name}: ${p.authentication} needs ${what}`, 'profile', 'CLIENT_HLS_MISSING_SECRET');
    return v;
  };
  switch (p.authentication) {
    case 'hls-manufacturer':
      return { kind: 'hls-manufacturer', impl: need(hls.manufacturer, 'a manufacturer-specific HLS implementation (mechanism 2)') };
    case 'hls-md5':
    case 'hls-sha1':
    case 'hls-sha256':
      return { kind: p.authentication, secret: need(hls.secret ?? p.password, 'the HLS secret (password)') };
    case 'hls-gmac': {
      const c = need(channel, 'security keys (EK, AK) and a system title');
      return {
        kind: 'hls-gmac',
        suite: c.suite,
        ek: need(c.blockCipherKey, 'a block cipher key (EK)'),
        ak: need(c.authenticationKey, 'an authentication key (AK)'),
        invocationCounter: forResponse ? c.takeCounter() : 0,
      };
    }
    case 'hls-ecdsa': {
      const c = need(channel, 'security parameters (suite 1 or 2, keys)');
      return {
        kind: 'hls-ecdsa',
        suite: c.suite,
        ...(c.params.signingKey ? { privateKey: c.params.signingKey } : {}),
        ...(c.params.serverSigningPublicKey ? { peerPublicKey: c.params.serverSigningPublicKey } : {}),
      };
    }
    default:
      throw new ClientError(`authentication ${p.authentication} is not HLS`, 'harness', 'CLIENT_NOT_HLS');
  }
}

function buildSecuredAarq(p: AssociationParams, channel: SecureChannel | undefined, ctos: Uint8Array | undefined) {
  const o = p.aarq ?? {};
  const hls = HLS_MECHANISM[p.authentication];
  const ciphered = channel?.ciphered ?? false;
  const dedicatedKey = o.dedicatedKey ?? channel?.dedicatedKey;
  const initiate = initiateRequestFor({ ...p, aarq: { ...o, ...(dedicatedKey && ciphered ? { dedicatedKey } : {}) } });
  const plainParams: AssociationParams = {
    ...p,
    authentication: p.authentication === 'low' ? 'low' : 'none',
    aarq: {
      ...o,
      applicationContextName: o.applicationContextName ?? (ciphered ? 'logical-name-with-ciphering' : 'logical-name'),
      ...(o.mechanismName === undefined && hls ? { mechanismName: hls } : {}),
      ...(o.acseRequirements === undefined && hls ? { acseRequirements: 'authentication' as const } : {}),
      ...(o.callingApTitle === undefined && channel ? { callingApTitle: channel.clientSystemTitle } : {}),
    },
  };
  const base = buildAarq(plainParams);
  // The InitiateRequest goes under the global key: the dedicated key it carries is not agreed yet (Green Book 9.2.3.3).
  const userInformation: UserInformation = ciphered
    ? userInformationOf(channel!.protect(encodeApduBytes(initiate), { dedicated: false }))
    : { raw: encodeApduBytes(initiate), apdu: initiate };
  return {
    ...base,
    ...(ctos && !o.omitAuthenticationValue ? { callingAuthenticationValue: { kind: 'charstring' as const, value: ctos } } : {}),
    userInformation,
  };
}

/** The AARE's xDLMS APDU, deciphered when the context is ciphered. */
function aareUserApdu(aare: Aare, channel: SecureChannel | undefined): Apdu | DecodeError | undefined {
  const ui = aare.userInformation;
  if (!ui) return undefined;
  if (ui.apdu?.type !== 'ciphered')
    return (
      ui.apdu ??
      new DecodeError(ui.error?.code ?? 'ACSE_BAD_USER_INFORMATION', ui.error?.offset ?? 0, ui.error?.expected ?? 'an xDLMS APDU', ui.error?.actual ?? '?')
    );
  if (!channel) return new DecodeError('SECURITY_KEY_MISSING', 0, 'keys for a ciphered AARE', 'no security parameters');
  try {
    return decodeApduBytes(channel.unprotect(ui.raw, 'none'));
  } catch (e) {
    if (isDecodeError(e)) return e;
    throw e;
  }
}

/** A pass 3 refusal as action-result success with no return parameters: allowed, not preferred. */
const PASS_3_SUCCESS_WITHOUT_FCTOS = {
  text: 'f(StoC) refused with action-result success and no f(CtoS); an action-result other than success (other-reason) is preferred',
  clause: 'docs/decisions/hls-pass-3-refusal.md',
} as const;

/** Passes 3 and 4 over `link` (protected when the context is ciphered). */
async function hlsPasses(
  link: Link,
  p: AssociationParams,
  channel: SecureChannel | undefined,
  x: HlsExchange,
  invoke: InvokeIdAndPriority,
): Promise<AssociateOutcome | undefined> {
  let f = computeHlsResponse(mechanismOf(p, channel, true), x);
  if (p.hls?.corruptPass3) {
    f = f.slice();
    f[f.length - 1] = f[f.length - 1]! ^ 0x01;
  }
  const request: Apdu = {
    type: 'action-request',
    variant: 'normal',
    invokeIdAndPriority: invoke,
    method: { classId: REPLY_TO_HLS.classId, instanceId: parseObis(REPLY_TO_HLS.obis), methodId: REPLY_TO_HLS.method },
    methodInvocationParameters: { type: 'octet-string', value: f },
  };
  const answer = decodeArrival(await link.exchange(encodeApduBytes(request)), decodeApduBytes);
  if (answer.kind !== 'pdu') return answer;
  const r = answer.pdu;
  if (r.type === 'exception-response') return { kind: 'hls-failed', pass: 3, detail: `exception-response ${nameText(r.stateError)} ${r.serviceError.kind}` };
  if (r.type !== 'action-response' || r.variant !== 'normal')
    return malformed(new DecodeError('XDLMS_UNEXPECTED_APDU', 0, 'action-response normal to reply_to_HLS_authentication', r.type));
  const result = nameText(r.singleResponse.result);
  if (result !== 'success') return { kind: 'hls-failed', pass: 3, detail: `the server refused f(StoC): action-result ${result}` };
  const ret = r.singleResponse.returnParameters;
  // No return parameters at all: the server gave no f(CtoS), so it did not authenticate the client
  // (pass 3 refused), only in a form not preferred (docs/decisions/hls-pass-3-refusal.md).
  if (ret === undefined)
    return { kind: 'hls-failed', pass: 3, detail: 'the server refused f(StoC): action-result success without f(CtoS)', remark: PASS_3_SUCCESS_WITHOUT_FCTOS };
  if (ret.kind !== 'data' || ret.data.type !== 'octet-string') return { kind: 'hls-failed', pass: 4, detail: 'no f(CtoS) in the return parameters' };
  try {
    // The counter inside f(CtoS) is not judged for freshness: CtoS is new, so f(CtoS) cannot be a replay.
    verifyHlsResponse(mechanismOf(p, channel, false), x, ret.data.value);
  } catch (e) {
    if (!isDecodeError(e)) throw e;
    return { kind: 'hls-failed', pass: 4, detail: `the server's f(CtoS) does not verify: ${e.code}` };
  }
  return undefined;
}

export interface AssociateDeps extends Omit<ChannelDeps, 'link'> {
  readonly invoke: () => InvokeIdAndPriority;
  /** Told of the session as soon as it exists, so that the association's own frames are deciphered in the trace. */
  readonly onChannel?: (channel: SecureChannel) => void;
}

export async function associateSecured(link: Link, p: AssociationParams, deps: AssociateDeps): Promise<SecuredAssociation> {
  const channel = p.security ? new SecureChannel(p.security, { ...deps, link: () => link }) : undefined;
  if (channel) deps.onChannel?.(channel);
  const ctos = isHls(p) ? new Uint8Array(randomBytes(CTOS_LENGTH)) : undefined;
  const aarq = buildSecuredAarq(p, channel, ctos);
  const answer = decodeArrival(await link.exchange(encodeAcseBytes(aarq)), decodePduBytes);
  if (answer.kind !== 'pdu') return { outcome: answer };
  const aare = answer.pdu;
  if (aare.type !== 'aare') return { outcome: malformed(new DecodeError('ACSE_UNEXPECTED_APDU', 0, 'AARE in answer to AARQ', aare.type)) };
  const title = aare.respondingApTitle;
  if (channel && title !== undefined) {
    const expected = p.security?.serverSystemTitle;
    if (title.length !== SYSTEM_TITLE_LENGTH)
      return {
        outcome: malformed(
          new DecodeError('SECURITY_BAD_SYSTEM_TITLE', 0, 'a responding-AP-title of 8 bytes (the server system title)', `${title.length} bytes`),
        ),
      };
    if (expected && !expected.every((b, i) => title[i] === b))
      return { outcome: malformed(new DecodeError('SECURITY_SYSTEM_TITLE_MISMATCH', 0, 'the server system title of the profile', 'another one')) };
    channel.serverSystemTitle = title;
  }
  const apdu = aareUserApdu(aare, channel);
  if (apdu instanceof DecodeError) return { outcome: malformed(apdu) };
  const outcome = aareOutcome(aare, apdu);
  if (outcome.kind !== 'accepted') return { outcome };
  if (channel?.ciphered && channel.serverSystemTitle.length === 0)
    return { outcome: malformed(new DecodeError('SECURITY_NO_SERVER_TITLE', 0, 'a responding-AP-title (server system title) in a ciphered AARE', 'none')) };
  if (ctos) {
    const stoc = aare.respondingAuthenticationValue;
    if (stoc?.kind !== 'charstring') return { outcome: { kind: 'hls-failed', pass: 3, detail: 'the AARE carries no StoC (responding-authentication-value)' } };
    const x: HlsExchange = {
      ownSystemTitle: channel?.clientSystemTitle ?? new Uint8Array(0),
      peerSystemTitle: channel?.serverSystemTitle ?? new Uint8Array(0),
      ownChallenge: ctos,
      peerChallenge: stoc.value,
    };
    // Pass 3 goes under the global key: the dedicated key is in force only once HLS completed
    // (pass 4); a meter refuses a ded- pass 3 (real-meter.md section 2, `D8 02 05`).
    const passLink = channel?.ciphered ? new CipheringLink(link, channel, undefined, { dedicated: false }) : link;
    const failed = await hlsPasses(passLink, p, channel, x, deps.invoke());
    if (failed) return { outcome: failed };
  }
  return channel ? { outcome, channel } : { outcome };
}

/**
 * RLRQ of a ciphered association (Green Book 9.3.3): its user-information, when asked for, is
 * the InitiateRequest protected like the AARQ's (or plain, for the negative case); the RLRE's is
 * deciphered.
 */
export async function releaseSecured(link: Link, options: ReleaseOptions, channel: SecureChannel, p: AssociationParams | undefined): Promise<ReleaseOutcome> {
  const base = buildRlrq({ ...(options.reason ? { reason: options.reason } : {}) });
  let userInformation: UserInformation | undefined;
  if (options.userInformation && p) {
    const plain = encodeApduBytes(initiateRequestFor(p));
    userInformation = options.unprotectedUserInformation ? { raw: plain } : userInformationOf(channel.protect(plain, { dedicated: false }));
  }
  const answer = decodeArrival(await link.exchange(encodeAcseBytes(userInformation ? { ...base, userInformation } : base)), decodePduBytes);
  if (answer.kind !== 'pdu') return answer;
  const rlre = answer.pdu;
  if (rlre.type !== 'rlre') return notRlre(rlre);
  let carried: string | undefined;
  if (rlre.userInformation) {
    const ui = rlre.userInformation;
    try {
      carried = ui.apdu?.type === 'ciphered' ? decodeApduBytes(channel.unprotect(ui.raw, 'none')).type : (ui.apdu?.type ?? 'undecodable');
    } catch (e) {
      if (!isDecodeError(e)) throw e;
      return malformed(e);
    }
  }
  return {
    kind: 'released',
    ...(rlre.reason === undefined ? {} : { reason: nameText(rlre.reason) }),
    ...(carried === undefined ? {} : { userInformation: carried }),
  };
}
