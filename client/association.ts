/**
 * Opening and releasing an application association (Green Book 9.3.2 and 9.4.2; ACSE per ISO/IEC
 * 8650-1): the AARQ the client proposes and what the AARE it gets back says. HLS needs the
 * security layer and is not handled here yet: such a request is a profile error for now.
 */
import { DecodeError } from '../dlms/bytes/decode-error';
import { bitStringOf } from '../dlms/ber/bit-string';
import { APPLICATION_CONTEXT_NAME, MECHANISM_NAME } from '../dlms/acse/names';
import { decodePduBytes, encodeAcseBytes } from '../dlms/acse/pdu';
import type { Aarq } from '../dlms/acse/aarq';
import { userInformationFor } from '../dlms/acse/user-information';
import type { Conformance, ConformanceBit } from '../dlms/xdlms/conformance';
import { nameText } from '../dlms/xdlms/named';
import { ClientError, type AssociateOutcome, type AssociationParams, type ReleaseOutcome } from './api';
import type { Link } from './link';
import { decodeArrival } from './answer';
import { malformed } from './outcomes';

/** What the client offers when the profile does not say (the LN services this client implements). */
export const CLIENT_CONFORMANCE: Conformance = [
  'block-transfer-with-get-or-read',
  'block-transfer-with-set-or-write',
  'block-transfer-with-action',
  'multiple-references',
  'get',
  'set',
  'selective-access',
  'action',
];

/** Green Book 9.4.6.1: DLMS version 6 is the current one. */
export const DLMS_VERSION = 6;
/** The largest value of the Unsigned16 client-max-receive-pdu-size. */
export const DEFAULT_MAX_RECEIVE_PDU = 0xffff;

const MECHANISM: Partial<Record<AssociationParams['authentication'], keyof typeof MECHANISM_NAME>> = { low: 'low' };

export function buildAarq(p: AssociationParams): Aarq {
  if (p.authentication !== 'none' && p.authentication !== 'low') {
    throw new ClientError(`authentication ${p.authentication} is not supported by this client yet`, 'harness', 'CLIENT_UNSUPPORTED_AUTHENTICATION');
  }
  if (p.authentication === 'low' && !p.password) {
    throw new ClientError(`association ${p.name}: low-level security needs a password`, 'profile', 'CLIENT_MISSING_PASSWORD');
  }
  const mechanism = MECHANISM[p.authentication];
  return {
    type: 'aarq',
    applicationContextName: APPLICATION_CONTEXT_NAME[p.referencing === 'ln' ? 'logical-name' : 'short-name'],
    ...(mechanism
      ? {
          // ACSE-requirements: the authentication functional unit (bit 0) is selected (Green Book 9.3.2).
          senderAcseRequirements: bitStringOf(1, [0]),
          mechanismName: MECHANISM_NAME[mechanism],
          callingAuthenticationValue: { kind: 'charstring' as const, value: p.password!.reveal() },
        }
      : {}),
    userInformation: userInformationFor({
      type: 'initiate-request',
      proposedDlmsVersionNumber: p.dlmsVersion ?? DLMS_VERSION,
      proposedConformance: (p.conformance as readonly ConformanceBit[] | undefined) ?? CLIENT_CONFORMANCE,
      clientMaxReceivePduSize: p.maxReceivePduSize ?? DEFAULT_MAX_RECEIVE_PDU,
    }),
  };
}

export async function associate(link: Link, p: AssociationParams): Promise<AssociateOutcome> {
  const answer = decodeArrival(await link.exchange(encodeAcseBytes(buildAarq(p))), decodePduBytes);
  if (answer.kind !== 'pdu') return answer;
  const aare = answer.pdu;
  if (aare.type !== 'aare') return malformed(new DecodeError('ACSE_UNEXPECTED_APDU', 0, 'AARE in answer to AARQ', aare.type));
  const result = nameText(aare.result);
  const ui = aare.userInformation?.apdu;
  if (result === 'accepted') {
    if (!ui || ui.type !== 'initiate-response') {
      const why = aare.userInformation?.error;
      return why ? { kind: 'malformed', ...why } : malformed(new DecodeError('ACSE_NO_INITIATE_RESPONSE', 0, 'an InitiateResponse in the AARE user-information', ui ? ui.type : 'none'));
    }
    return {
      kind: 'accepted',
      negotiatedConformance: ui.negotiatedConformance,
      serverMaxReceivePduSize: ui.serverMaxReceivePduSize,
      dlmsVersion: ui.negotiatedDlmsVersionNumber,
    };
  }
  if (result !== 'rejected-permanent' && result !== 'rejected-transient') {
    return malformed(new DecodeError('ACSE_BAD_RESULT', 0, 'result accepted(0), rejected-permanent(1) or rejected-transient(2)', result));
  }
  const initiateError = ui?.type === 'confirmed-service-error' ? `${nameText(ui.error.kind)}: ${nameText(ui.error.value)}` : undefined;
  return {
    kind: 'rejected',
    result,
    diagnosticSource: aare.resultSourceDiagnostic.source,
    diagnostic: nameText(aare.resultSourceDiagnostic.diagnostic),
    ...(initiateError === undefined ? {} : { initiateError }),
  };
}

export async function release(link: Link): Promise<ReleaseOutcome> {
  // Green Book 9.3.3: reason normal(0).
  const answer = decodeArrival(await link.exchange(encodeAcseBytes({ type: 'rlrq', reason: 'normal' })), decodePduBytes);
  if (answer.kind !== 'pdu') return answer;
  if (answer.pdu.type !== 'rlre') return malformed(new DecodeError('ACSE_UNEXPECTED_APDU', 0, 'RLRE in answer to RLRQ', answer.pdu.type));
  const reason = answer.pdu.reason;
  return reason === undefined ? { kind: 'released' } : { kind: 'released', reason: nameText(reason) };
}
