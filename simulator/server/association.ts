/**
 * Application association establishment, the server's half (Green Book 9.3.2; ACSE as profiled
 * by DLMS, ISO/IEC 8650-1): an AARQ in, the AARE out, and the association it opens, if any.
 * Rules are checked in the order the ACSE, the authentication and the xDLMS layer meet them,
 * and the first broken one decides the AARE:
 *
 * | rule                     | broken when                                        | AARE                                                        |
 * |--------------------------|----------------------------------------------------|-------------------------------------------------------------|
 * | protocol-version         | present without version1 (bit 0)                   | rejected-permanent, acse-service-provider no-common-acse-version |
 * | application-context      | not the association's (LN/SN), or ciphered         | rejected-permanent, application-context-name-not-supported |
 * | client SAP               | no association for it                              | rejected-permanent, no-reason-given                         |
 * | titles                   | never: unused without ciphering, so ignored        | —                                                           |
 * | acse-requirements        | authentication FU not selected where LLS is needed | rejected-permanent, authentication-required                 |
 * | mechanism-name           | absent (FU selected) / not the association's        | authentication-mechanism-name-required / -not-recognised   |
 * | authentication value     | LLS password absent or wrong                       | rejected-permanent, authentication-failure                  |
 * | user-information         | no InitiateRequest                                 | rejected-permanent, no-reason-given                         |
 * | dedicated-key            | present in a context without ciphering             | no-reason-given + initiateError initiate other              |
 * | quality-of-service       | never: not used by DLMS/COSEM, so ignored           | —                                                           |
 * | dlms-version             | below 6                                            | no-reason-given + initiateError initiate dlms-version-too-low |
 * | conformance              | proposal ∩ offer is empty                          | no-reason-given + initiateError initiate incompatible-conformance |
 * | client-pdu-size          | 1..11 (0 = no limit)                               | no-reason-given + initiateError initiate pdu-size-too-short |
 *
 * Faults see every rule (checkAarq), the negotiation, and the decision last, and may change them.
 */
import type { Aare } from '../../dlms/acse/aare';
import type { Aarq } from '../../dlms/acse/aarq';
import { APPLICATION_CONTEXT_NAME, MECHANISM_NAME, applicationContextNameOf, type ACSE_SERVICE_USER } from '../../dlms/acse/names';
import { userInformationFor } from '../../dlms/acse/user-information';
import { bitAt } from '../../dlms/ber/bit-string';
import { bytesEqual } from '../../dlms/bytes';
import type { InitiateRequest, InitiateResponse } from '../../dlms/xdlms/initiate';
import type { AarqCheck, AarqDecision, ActiveHooks, InitiateErrorName } from '../faults/types';
import type { AssociationDefinition, MeterDefinition } from '../meter/definition';
import type { AssociationView } from '../objects/types';
import { negotiateConformance } from './conformance';
import { MECHANISM_OF } from '../objects/association-ln';
import { CURRENT_ASSOCIATION_SN_BASE_NAME } from '../objects/short-names';

/** Green Book 9.4.6.1: the DLMS version this server speaks; an older proposal is refused. */
const DLMS_VERSION = 6;
/** Green Book 9.4.6.2: a client max receive PDU size below this cannot carry a response (0 = no limit). */
const MIN_CLIENT_PDU_SIZE = 12;
/** Green Book 9.4.6.2: the VAA name of a logical-name association. */
const LN_VAA_NAME = 0x0007;
/** ISO/IEC 8650-1 protocol-version: bit 0 is version1, the only ACSE version DLMS uses. */
const VERSION1_BIT = 0;
/** ACSE-requirements: bit 0 is the authentication functional unit. */
const AUTHENTICATION_FU_BIT = 0;

export interface AarqOutcome {
  readonly aare: Aare;
  /** The association the AARE opened; undefined when it refused. */
  readonly association: AssociationView | undefined;
}

type UserDiagnostic = (typeof ACSE_SERVICE_USER.names)[number];

const reject = (diagnostic: UserDiagnostic, initiateError?: InitiateErrorName): AarqDecision => ({
  kind: 'reject',
  result: 'rejected-permanent',
  diagnostic,
  ...(initiateError === undefined ? {} : { initiateError }),
});

type Check = (rule: AarqCheck, passes: boolean) => boolean;

/** The application context an association serves (Green Book 9.4.2.2; no ciphering here). */
export function contextOf(def: AssociationDefinition | undefined): 'logical-name' | 'short-name' {
  return def?.referencing === 'sn' ? 'short-name' : 'logical-name';
}

/** Green Book 9.2.7.3 and 9.3.2: the authentication functional unit, the mechanism and its value. */
function authenticate(aarq: Aarq, def: AssociationDefinition, check: Check, hooks: ActiveHooks): AarqDecision {
  const fu = aarq.senderAcseRequirements !== undefined && bitAt(aarq.senderAcseRequirements, AUTHENTICATION_FU_BIT);
  const mechanism = aarq.mechanismName;
  if (def.authentication === 'none') {
    // Lowest level security: a mechanism, if named at all, must be the lowest one.
    const ok = mechanism === undefined || mechanism === MECHANISM_NAME.lowest;
    return check('mechanism-name', ok) ? { kind: 'accept' } : reject('authentication-mechanism-name-not-recognised');
  }
  if (!check('acse-requirements', fu)) return reject('authentication-required');
  if (!check('mechanism-name', mechanism !== undefined)) return reject('authentication-mechanism-name-required');
  if (!check('mechanism-name', mechanism === undefined || mechanism === MECHANISM_OF[def.authentication]))
    return reject('authentication-mechanism-name-not-recognised');
  // HLS (mechanisms 3..7): the security layer (security.ts) checked the challenge; passes 3 and 4 follow the AARE.
  if (def.authentication !== 'low') return { kind: 'accept' };
  const value = aarq.callingAuthenticationValue;
  const matches = value !== undefined && value.kind === 'charstring' && def.password !== undefined && bytesEqual(value.value, def.password.bytes);
  return check('authentication-value', hooks.checkPassword(matches)) ? { kind: 'accept' } : reject('authentication-failure');
}

/** The ACSE diagnostic a server that refuses optional titles would give: the first title present. */
function titleDiagnostic(aarq: Aarq): UserDiagnostic | undefined {
  const order: readonly [keyof Aarq, UserDiagnostic][] = [
    ['calledApTitle', 'called-AP-title-not-recognized'],
    ['calledAeQualifier', 'called-AE-qualifier-not-recognized'],
    ['calledApInvocationId', 'called-AP-invocation-identifier-not-recognized'],
    ['calledAeInvocationId', 'called-AE-invocation-identifier-not-recognized'],
    ['callingApTitle', 'calling-AP-title-not-recognized'],
    ['callingAeQualifier', 'calling-AE-qualifier-not-recognized'],
    ['callingApInvocationId', 'calling-AP-invocation-identifier-not-recognized'],
    ['callingAeInvocationId', 'calling-AE-invocation-identifier-not-recognized'],
  ];
  return order.find(([k]) => aarq[k] !== undefined)?.[1];
}

/** Green Book 9.4.6: the xDLMS context, or why it cannot be established. */
function initiate(request: InitiateRequest, def: AssociationDefinition, check: Check, hooks: ActiveHooks): InitiateErrorName | AssociationView {
  // The dedicated key is only carried in ciphered contexts (Green Book 9.4.6, InitiateRequest).
  if (!check('dedicated-key', request.dedicatedKey === undefined)) return 'other';
  // Quality of service is not used by DLMS/COSEM: a proposal is ignored, never refused.
  if (!check('quality-of-service', true)) return 'other';
  if (!check('dlms-version', request.proposedDlmsVersionNumber >= DLMS_VERSION)) return 'dlms-version-too-low';
  const intersection = negotiateConformance(request.proposedConformance, def.conformance);
  const conformance = hooks.negotiateConformance(request.proposedConformance, def.conformance, intersection);
  if (!check('conformance', conformance.length > 0)) return 'incompatible-conformance';
  const clientMax = request.clientMaxReceivePduSize;
  if (!check('client-pdu-size', clientMax === 0 || clientMax >= MIN_CLIENT_PDU_SIZE)) return 'pdu-size-too-short';
  return { definition: def, conformance, clientMaxReceivePduSize: clientMax, dlmsVersion: DLMS_VERSION };
}

function decide(aarq: Aarq, def: AssociationDefinition | undefined, check: Check, hooks: ActiveHooks): { decision: AarqDecision; view?: AssociationView } {
  const version = aarq.protocolVersion;
  if (!check('protocol-version', version === undefined || bitAt(version, VERSION1_BIT))) {
    return { decision: { kind: 'reject', result: 'rejected-permanent', source: 'acse-service-provider', diagnostic: 'no-common-acse-version' } };
  }
  const proposed = applicationContextNameOf(aarq.applicationContextName);
  const served = def ? proposed === contextOf(def) : proposed === 'logical-name' || proposed === 'short-name';
  if (!check('application-context', served)) return { decision: reject('application-context-name-not-supported') };
  if (!def) return { decision: reject('no-reason-given') };
  const title = titleDiagnostic(aarq);
  if (title && !check('titles', true)) return { decision: reject(title) };
  const auth = authenticate(aarq, def, check, hooks);
  if (auth.kind !== 'accept') return { decision: auth };
  const request = aarq.userInformation?.apdu;
  if (request?.type !== 'initiate-request') return { decision: reject('no-reason-given') };
  const view = initiate(request, def, check, hooks);
  if (typeof view === 'string') return { decision: reject('no-reason-given', view) };
  return { decision: { kind: 'accept' }, view };
}

/** The InitiateResponse of an established association (also what an RLRE carries back). */
export function initiateResponseOf(view: AssociationView): InitiateResponse {
  return {
    type: 'initiate-response',
    negotiatedDlmsVersionNumber: view.dlmsVersion,
    negotiatedConformance: view.conformance,
    serverMaxReceivePduSize: view.definition.maxPduSize,
    // Green Book 9.4.6.2: LN answers 0x0007, SN the base name of the current Association SN.
    vaaName: view.definition.referencing === 'sn' ? CURRENT_ASSOCIATION_SN_BASE_NAME : LN_VAA_NAME,
  };
}

export function answerAarq(aarq: Aarq, clientSap: number, meter: MeterDefinition, hooks: ActiveHooks): AarqOutcome {
  const def = meter.associations.find((a) => a.clientSap === clientSap);
  const check: Check = (rule, passes) => hooks.checkAarq(rule, aarq, passes);
  const decided = decide(aarq, def, check, hooks);
  const decision = hooks.refineAarq(aarq, hooks.onAarq(decided.decision));
  // A fault may refuse anything, but can only accept what could be negotiated.
  const view = decision.kind === 'accept' ? decided.view : undefined;

  const base = { type: 'aare', applicationContextName: APPLICATION_CONTEXT_NAME[contextOf(def)] } as const;
  if (view) {
    return {
      association: view,
      aare: {
        ...base,
        result: 'accepted',
        resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'null' },
        userInformation: userInformationFor(initiateResponseOf(view)),
      },
    };
  }
  const refusal = decision.kind === 'reject' ? decision : reject('no-reason-given');
  if (refusal.kind !== 'reject') throw new Error('unreachable: a refusal is a reject');
  // Fault refused-aarq-opens-association: the refusal goes out, the association opens anyway.
  const opened: AssociationView | undefined =
    hooks.openOnRefusal && def ? { definition: def, conformance: def.conformance, clientMaxReceivePduSize: 0, dlmsVersion: DLMS_VERSION } : undefined;
  if (refusal.source === 'acse-service-provider') {
    return {
      association: opened,
      aare: { ...base, result: refusal.result, resultSourceDiagnostic: { source: 'acse-service-provider', diagnostic: refusal.diagnostic } },
    };
  }
  return {
    association: opened,
    aare: {
      ...base,
      result: refusal.result,
      resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: refusal.diagnostic },
      // Green Book 9.3.2: an xDLMS context that cannot be established is reported as initiateError.
      ...(refusal.initiateError !== undefined && {
        userInformation: userInformationFor({
          type: 'confirmed-service-error',
          service: 'initiateError',
          error: { kind: 'initiate', value: refusal.initiateError },
        }),
      }),
    },
  };
}
