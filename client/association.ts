/**
 * Opening and releasing an application association (Green Book 9.3.2, 9.3.3 and 9.4.2; ACSE per
 * ISO/IEC 8650-1): the AARQ the client proposes — every field settable, so that conformance
 * cases can vary one at a time — and what the AARE it gets back says. HLS needs the security
 * layer and is not handled here yet: such a request is a profile error for now.
 */
import { DecodeError } from '../dlms/bytes/decode-error';
import { bitAt, bitStringOf } from '../dlms/ber/bit-string';
import type { BerBitString } from '../dlms/ber/bit-string';
import { APPLICATION_CONTEXT_NAME, MECHANISM_NAME, applicationContextNameOf, mechanismNameOf } from '../dlms/acse/names';
import { decodePduBytes, encodeAcseBytes } from '../dlms/pdu/pdu';
import type { Aare } from '../dlms/acse/aare';
import type { Aarq } from '../dlms/acse/aarq';
import type { Rlrq } from '../dlms/acse/release';
import { userInformationFor } from '../dlms/acse/user-information';
import type { Conformance, ConformanceBit } from '../dlms/xdlms/conformance';
import type { Apdu } from '../dlms/xdlms/apdu';
import type { InitiateRequest } from '../dlms/xdlms/initiate';
import { nameText } from '../dlms/xdlms/named';
import { ClientError, type AarqOverrides, type AssociateOutcome, type AssociationParams, type ReleaseOptions, type ReleaseOutcome } from './api';
import type { Link } from './link';
import { decodeArrival } from './answer';
import { malformed, notRlre } from './outcomes';

/**
 * What the client offers when the profile does not say: the LN services this client implements,
 * general-protection included (general-glo/ded-ciphering, general-ciphering, general-signing:
 * client/hls.ts), so that a meter offering it grants it and the cases about it can run (issue 8
 * item 1; a meter that does not offer it leaves it out of the AARE, and those cases are then
 * inapplicable). General-block-transfer is implemented but not proposed by default: once granted,
 * every request would travel in GBT blocks; the cases about it propose it themselves.
 */
export const CLIENT_CONFORMANCE: Conformance = [
  'general-protection',
  'block-transfer-with-get-or-read',
  'block-transfer-with-set-or-write',
  'block-transfer-with-action',
  'multiple-references',
  'get',
  'set',
  'selective-access',
  'action',
];

/** What the client offers in a short-name association: the SN services (Green Book 9.4.6.1). */
export const CLIENT_SN_CONFORMANCE: Conformance = [
  'read',
  'write',
  'unconfirmed-write',
  'block-transfer-with-get-or-read',
  'block-transfer-with-set-or-write',
  'multiple-references',
  'parameterized-access',
];

/** Green Book 9.4.6.1: DLMS version 6 is the current one. */
export const DLMS_VERSION = 6;
/** The largest value of the Unsigned16 client-max-receive-pdu-size. */
export const DEFAULT_MAX_RECEIVE_PDU = 0xffff;

const MECHANISM: Partial<Record<AssociationParams['authentication'], keyof typeof MECHANISM_NAME>> = { low: 'low' };

/** A Green Book name ('logical-name', 'low') or a dotted OID, as an OID. */
function oidOf(table: Readonly<Record<string, string>>, nameOrOid: string, what: string): string {
  const named = table[nameOrOid];
  if (named !== undefined) return named;
  if (/^\d+(\.\d+)+$/.test(nameOrOid)) return nameOrOid;
  throw new ClientError(
    `${what} ${JSON.stringify(nameOrOid)} is neither a Green Book name (${Object.keys(table).join(', ')}) nor a dotted OID`,
    'harness',
    'CLIENT_BAD_OID',
  );
}

/** '100001' → a BIT STRING of 6 bits with bits 0 and 5 set. */
export function bitStringFromText(bits: string): BerBitString {
  if (!/^[01]+$/.test(bits)) throw new ClientError(`protocol-version ${JSON.stringify(bits)} is not a string of 0 and 1`, 'harness', 'CLIENT_BAD_BITS');
  return bitStringOf(
    bits.length,
    [...bits].flatMap((b, i) => (b === '1' ? [i] : [])),
  );
}

/** The InitiateRequest the AARQ (and, on request, the RLRQ) carries (Green Book 9.4.6). */
export function initiateRequestFor(p: AssociationParams): InitiateRequest {
  const o = p.aarq ?? {};
  return {
    type: 'initiate-request',
    ...(o.dedicatedKey ? { dedicatedKey: o.dedicatedKey.reveal() } : {}),
    ...(o.responseAllowed === undefined ? {} : { responseAllowed: o.responseAllowed }),
    ...(o.proposedQualityOfService === undefined ? {} : { proposedQualityOfService: o.proposedQualityOfService }),
    proposedDlmsVersionNumber: p.dlmsVersion ?? DLMS_VERSION,
    proposedConformance: (p.conformance as readonly ConformanceBit[] | undefined) ?? (p.referencing === 'sn' ? CLIENT_SN_CONFORMANCE : CLIENT_CONFORMANCE),
    clientMaxReceivePduSize: p.maxReceivePduSize ?? DEFAULT_MAX_RECEIVE_PDU,
  };
}

/** The optional title, qualifier and invocation-id fields, copied when set. */
function titles(o: AarqOverrides): Partial<Aarq> {
  const keys = [
    'calledApTitle',
    'calledAeQualifier',
    'calledApInvocationId',
    'calledAeInvocationId',
    'callingApTitle',
    'callingAeQualifier',
    'callingApInvocationId',
    'callingAeInvocationId',
  ] as const;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out as Partial<Aarq>;
}

export function buildAarq(p: AssociationParams): Aarq {
  if (p.authentication !== 'none' && p.authentication !== 'low') {
    throw new ClientError(`authentication ${p.authentication} is not supported by this client yet`, 'harness', 'CLIENT_UNSUPPORTED_AUTHENTICATION');
  }
  const o = p.aarq ?? {};
  if (p.authentication === 'low' && !p.password && !o.omitAuthenticationValue) {
    throw new ClientError(`association ${p.name}: low-level security needs a password`, 'profile', 'CLIENT_MISSING_PASSWORD');
  }
  const usual = MECHANISM[p.authentication];
  const mechanismName =
    o.mechanismName === 'absent'
      ? undefined
      : o.mechanismName !== undefined
        ? oidOf(MECHANISM_NAME, o.mechanismName, 'mechanism-name')
        : usual
          ? MECHANISM_NAME[usual]
          : undefined;
  // ACSE-requirements: the authentication functional unit (bit 0) goes with a mechanism (Green Book 9.3.2).
  const fu = o.acseRequirements === undefined ? usual !== undefined || mechanismName !== undefined : o.acseRequirements === 'authentication';
  const password = p.password && usual && !o.omitAuthenticationValue ? p.password : undefined;
  const contextName = o.applicationContextName ?? (p.referencing === 'ln' ? 'logical-name' : 'short-name');
  return {
    type: 'aarq',
    ...(o.protocolVersion === undefined ? {} : { protocolVersion: bitStringFromText(o.protocolVersion) }),
    applicationContextName: oidOf(APPLICATION_CONTEXT_NAME, contextName, 'application-context-name'),
    ...titles(o),
    ...(fu ? { senderAcseRequirements: bitStringOf(1, [0]) } : {}),
    ...(mechanismName === undefined ? {} : { mechanismName }),
    ...(password ? { callingAuthenticationValue: { kind: 'charstring' as const, value: password.reveal() } } : {}),
    userInformation: userInformationFor(initiateRequestFor(p)),
  };
}

/** The user-information of a refusal, in words: the initiate value, or `service: choice value`. */
function serviceErrorText(ui: Apdu | undefined): string | undefined {
  if (ui?.type !== 'confirmed-service-error') return undefined;
  const kind = nameText(ui.error.kind);
  if (nameText(ui.service) === 'initiateError' && kind === 'initiate') return nameText(ui.error.value);
  return `${nameText(ui.service)}: ${kind} ${nameText(ui.error.value)}`;
}

/** The AARE's authentication fields, when it has any (Green Book 9.3.2: an HLS AARE carries all three). */
function authenticationOf(aare: Aare): { authentication?: { functionalUnit: boolean; mechanismName?: string; respondingValue: boolean } } {
  const { responderAcseRequirements: fu, mechanismName: oid, respondingAuthenticationValue: value } = aare;
  if (fu === undefined && oid === undefined && value === undefined) return {};
  return {
    authentication: {
      functionalUnit: fu !== undefined && fu.length > 0 && bitAt(fu, 0),
      ...(oid === undefined ? {} : { mechanismName: mechanismNameOf(oid) ?? oid }),
      respondingValue: value !== undefined,
    },
  };
}

/** What an AARE says, given its xDLMS APDU (deciphered by the caller when it was ciphered). */
export function aareOutcome(aare: Aare, apdu: Apdu | undefined): AssociateOutcome {
  const result = nameText(aare.result);
  if (result === 'accepted') {
    if (apdu?.type !== 'initiate-response')
      return malformed(new DecodeError('ACSE_NO_INITIATE_RESPONSE', 0, 'an InitiateResponse in the AARE user-information', apdu ? apdu.type : 'none'));
    return {
      kind: 'accepted',
      negotiatedConformance: apdu.negotiatedConformance,
      serverMaxReceivePduSize: apdu.serverMaxReceivePduSize,
      dlmsVersion: apdu.negotiatedDlmsVersionNumber,
      applicationContextName: applicationContextNameOf(aare.applicationContextName) ?? aare.applicationContextName,
      vaaName: apdu.vaaName,
      ...(apdu.negotiatedQualityOfService === undefined ? {} : { negotiatedQualityOfService: apdu.negotiatedQualityOfService }),
      ...authenticationOf(aare),
    };
  }
  if (result !== 'rejected-permanent' && result !== 'rejected-transient') {
    return malformed(new DecodeError('ACSE_BAD_RESULT', 0, 'result accepted(0), rejected-permanent(1) or rejected-transient(2)', result));
  }
  const initiateError = serviceErrorText(apdu);
  return {
    kind: 'rejected',
    result,
    diagnosticSource: aare.resultSourceDiagnostic.source,
    diagnostic: nameText(aare.resultSourceDiagnostic.diagnostic),
    ...(initiateError === undefined ? {} : { initiateError }),
  };
}

export async function associate(link: Link, p: AssociationParams): Promise<AssociateOutcome> {
  const answer = decodeArrival(await link.exchange(encodeAcseBytes(buildAarq(p))), decodePduBytes);
  if (answer.kind !== 'pdu') return answer;
  const aare = answer.pdu;
  if (aare.type !== 'aare') return malformed(new DecodeError('ACSE_UNEXPECTED_APDU', 0, 'AARE in answer to AARQ', aare.type));
  const ui = aare.userInformation?.apdu;
  const why = aare.userInformation?.error;
  // An undecodable user-information says why it failed better than "no InitiateResponse".
  if (why && nameText(aare.result) === 'accepted' && ui?.type !== 'initiate-response') return { kind: 'malformed', ...why };
  return aareOutcome(aare, ui);
}

/** The RLRQ for `options` (Green Book 9.3.3); `initiate` is the association's InitiateRequest. */
export function buildRlrq(options: ReleaseOptions = {}, initiate?: InitiateRequest): Rlrq {
  return {
    type: 'rlrq',
    reason: options.reason ?? 'normal',
    ...(options.userInformation && initiate ? { userInformation: userInformationFor(initiate) } : {}),
  };
}

export async function release(link: Link, options: ReleaseOptions = {}, initiate?: InitiateRequest): Promise<ReleaseOutcome> {
  if (options.userInformation && !initiate) {
    throw new ClientError('release with user-information needs an association opened by this client', 'harness', 'CLIENT_NO_INITIATE');
  }
  const answer = decodeArrival(await link.exchange(encodeAcseBytes(buildRlrq(options, initiate))), decodePduBytes);
  if (answer.kind !== 'pdu') return answer;
  if (answer.pdu.type !== 'rlre') return notRlre(answer.pdu);
  const { reason, userInformation } = answer.pdu;
  const carried = userInformation?.apdu?.type ?? (userInformation ? 'undecodable' : undefined);
  return {
    kind: 'released',
    ...(reason === undefined ? {} : { reason: nameText(reason) }),
    ...(carried === undefined ? {} : { userInformation: carried }),
  };
}
