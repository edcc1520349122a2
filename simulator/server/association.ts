/**
 * Application association establishment, the server's half (Green Book 9.3.2; ACSE as profiled
 * by DLMS): an AARQ in, the AARE out, and the association it opens, if any. Checked in order:
 * the application context (only logical-name referencing without ciphering is served), the
 * client SAP, the authentication (Green Book 9.2.7.3: none, or LLS with the association's
 * password), then the xDLMS InitiateRequest (Green Book 9.4.6: DLMS version, conformance,
 * client max receive PDU size). Faults see the decision last and may change it.
 */
import type { Aare } from '../../dlms/acse/aare';
import type { Aarq } from '../../dlms/acse/aarq';
import { APPLICATION_CONTEXT_NAME, MECHANISM_NAME } from '../../dlms/acse/names';
import { userInformationFor } from '../../dlms/acse/user-information';
import { bytesEqual } from '../../dlms/bytes';
import type { InitiateRequest } from '../../dlms/xdlms/initiate';
import type { AarqDecision, ActiveHooks } from '../faults/types';
import type { AssociationDefinition, MeterDefinition } from '../meter/definition';
import type { AssociationView } from '../objects/types';
import { negotiateConformance } from './conformance';

/** Green Book 9.4.6.1: the DLMS version this server speaks; an older proposal is refused. */
const DLMS_VERSION = 6;
/** Green Book 9.4.6.2: a client max receive PDU size below this cannot carry a response (0 = no limit). */
const MIN_CLIENT_PDU_SIZE = 12;
/** Green Book 9.4.6.2: the VAA name of a logical-name association. */
const LN_VAA_NAME = 0x0007;

type InitiateProblem = 'dlms-version-too-low' | 'incompatible-conformance' | 'pdu-size-too-short' | 'other';

export interface AarqOutcome {
  readonly aare: Aare;
  /** The association the AARE opened; undefined when it refused. */
  readonly association: AssociationView | undefined;
}

type Rejection = Extract<AarqDecision, { kind: 'reject' }>;

const reject = (diagnostic: Rejection['diagnostic']): Rejection => ({ kind: 'reject', result: 'rejected-permanent', diagnostic });

/** Green Book 9.2.7.3: the mechanism the AARQ names must be the association's. */
function authenticate(aarq: Aarq, def: AssociationDefinition, hooks: ActiveHooks): AarqDecision {
  const mechanism = aarq.mechanismName;
  if (def.authentication === 'none') {
    return mechanism === undefined || mechanism === MECHANISM_NAME.lowest ? { kind: 'accept' } : reject('authentication-mechanism-name-not-recognised');
  }
  if (mechanism === undefined) return reject('authentication-required');
  if (mechanism !== MECHANISM_NAME.low) return reject('authentication-mechanism-name-not-recognised');
  const value = aarq.callingAuthenticationValue;
  const matches = value !== undefined && value.kind === 'charstring' && def.password !== undefined && bytesEqual(value.value, def.password.bytes);
  return hooks.checkPassword(matches) ? { kind: 'accept' } : reject('authentication-failure');
}

function checkInitiate(request: InitiateRequest, def: AssociationDefinition): InitiateProblem | AssociationView {
  if (request.proposedDlmsVersionNumber < DLMS_VERSION) return 'dlms-version-too-low';
  const conformance = negotiateConformance(request.proposedConformance, def.conformance);
  if (conformance.length === 0) return 'incompatible-conformance';
  const clientMax = request.clientMaxReceivePduSize;
  if (clientMax !== 0 && clientMax < MIN_CLIENT_PDU_SIZE) return 'pdu-size-too-short';
  return { definition: def, conformance, clientMaxReceivePduSize: clientMax, dlmsVersion: DLMS_VERSION };
}

export function answerAarq(aarq: Aarq, clientSap: number, meter: MeterDefinition, hooks: ActiveHooks): AarqOutcome {
  const def = meter.associations.find((a) => a.clientSap === clientSap);
  const request = aarq.userInformation?.apdu?.type === 'initiate-request' ? aarq.userInformation.apdu : undefined;
  const initiate = request && def ? checkInitiate(request, def) : 'other';

  let decision: AarqDecision;
  let initiateError: InitiateProblem | undefined;
  if (aarq.applicationContextName !== APPLICATION_CONTEXT_NAME['logical-name']) decision = reject('application-context-name-not-supported');
  else if (!def) decision = reject('no-reason-given');
  else {
    decision = authenticate(aarq, def, hooks);
    if (decision.kind === 'accept' && typeof initiate === 'string') {
      decision = reject('no-reason-given');
      initiateError = initiate;
    }
  }
  decision = hooks.onAarq(decision);
  // A fault may refuse anything, but can only accept what could be negotiated.
  const view = decision.kind === 'accept' && typeof initiate !== 'string' ? initiate : undefined;

  const base = { type: 'aare', applicationContextName: APPLICATION_CONTEXT_NAME['logical-name'] } as const;
  if (view) {
    return {
      association: view,
      aare: {
        ...base,
        result: 'accepted',
        resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: 'null' },
        userInformation: userInformationFor({
          type: 'initiate-response',
          negotiatedDlmsVersionNumber: view.dlmsVersion,
          negotiatedConformance: view.conformance,
          serverMaxReceivePduSize: view.definition.maxPduSize,
          vaaName: LN_VAA_NAME,
        }),
      },
    };
  }
  const refusal = decision.kind === 'reject' ? decision : reject('no-reason-given');
  return {
    association: undefined,
    aare: {
      ...base,
      result: refusal.result,
      resultSourceDiagnostic: { source: 'acse-service-user', diagnostic: refusal.diagnostic },
      // Green Book 9.3.2: an xDLMS context that cannot be established is reported as initiateError.
      ...(initiateError !== undefined && {
        userInformation: userInformationFor({ type: 'confirmed-service-error', service: 'initiateError', error: { kind: 'initiate', value: initiateError } }),
      }),
    },
  };
}
