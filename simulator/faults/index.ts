/**
 * The fault catalogue: every named fault, one file each. A list, not a switch: adding a fault
 * is adding a file and a line here.
 */
import { associationRefused } from './association-refused';
import { getInvokeIdNotEchoed } from './get-invoke-id-not-echoed';
import { getServedWithoutAssociation } from './get-served-without-association';
import { hdlcAcceptsBadFcs } from './hdlc-accepts-bad-fcs';
import { HDLC_FAULTS } from './hdlc-faults';
import { SECURITY_FAULTS } from './security-faults';
import { llsAcceptsAnyPassword } from './lls-accepts-any-password';
import { llsWrongDiagnostic } from './lls-wrong-diagnostic';
import { logicalDeviceNameWrong } from './logical-device-name-wrong';
import { objectListDuplicateEntry } from './object-list-duplicate-entry';
import { objectListMissingSelf } from './object-list-missing-self';
import { registerScalerUnitWrongType } from './register-scaler-unit-wrong-type';
import { releaseIgnored } from './release-ignored';
import { getUndefinedObjectWrongResult } from './get-undefined-object-wrong-result';
import { setReadOnlyAccepted } from './set-read-only-accepted';
import { setNotStored } from './set-not-stored';
import { serviceOutsideConformanceServed } from './service-outside-conformance-served';
import { clientMaxPduIgnored } from './client-max-pdu-ignored';
import { blocksWithoutNegotiation } from './blocks-without-negotiation';
import { longGetRefused } from './long-get-refused';
import { getBlockNumberSkips } from './get-block-number-skips';
import { getLastBlockNotFlagged } from './get-last-block-not-flagged';
import { getWithListReordered } from './get-with-list-reordered';
import { actionUndefinedMethodSuccess } from './action-undefined-method-success';
import { unreadableAttributeServed } from './unreadable-attribute-served';
import { wrongTypeWriteAccepted } from './wrong-type-write-accepted';
import { writeAccessNotApplied } from './write-access-not-applied';
import { methodWithoutAccessExecuted } from './method-without-access-executed';
import { objectListAttributeMissing } from './object-list-attribute-missing';
import { writtenValueReadBackAltered } from './written-value-read-back-altered';
import { pushNotSent } from './push-not-sent';
import { accessListOfDataReversed } from './access-list-of-data-reversed';
import { actionPblockNumberSkips } from './action-pblock-number-skips';
import { eventNotificationNotSent } from './event-notification-not-sent';
import { gbtBlockNumberSkipped } from './gbt-block-number-skipped';
import { setBlockAckWrong } from './set-block-ack-wrong';
// COSEM interface classes and selective access (suites/classes, suites/selective-access).
import { registerUnitUnknown } from './register-unit-unknown';
import { clockInvalidDateTime } from './clock-invalid-date-time';
import { hdlcSetupWindowOutOfRange } from './hdlc-setup-window-out-of-range';
import { profileRowLengthMismatch } from './profile-row-length-mismatch';
import { profileEntriesInUseExceeds } from './profile-entries-in-use-exceeds';
import { rangeSelectorIgnored } from './range-selector-ignored';
import { entrySelectorOffByOne } from './entry-selector-off-by-one';
import { selectedValuesIgnored } from './selected-values-ignored';
import { invalidSelectorAccepted } from './invalid-selector-accepted';
import { accessRightsWrong } from './access-rights-wrong';
import { extendedRegisterCaptureTimeInvalid } from './extended-register-capture-time-invalid';
import { associationStatusWrong } from './association-status-wrong';
import { sapAssignmentDuplicateSap } from './sap-assignment-duplicate-sap';
import { disconnectOutputStateInconsistent } from './disconnect-output-state-inconsistent';
// Association (ACSE, xDLMS initiate) and short-name referencing (suites/association).
import { aarqProtocolVersionUnchecked } from './aarq-protocol-version-unchecked';
import { aarqProtocolVersionStrict } from './aarq-protocol-version-strict';
import { aarqContextUnchecked } from './aarq-context-unchecked';
import { aarqContextWrongDiagnostic } from './aarq-context-wrong-diagnostic';
import { aarqTitlesRefused } from './aarq-titles-refused';
import { llsWithoutAuthenticationFuAccepted } from './lls-without-authentication-fu-accepted';
import { mechanismNameUnchecked } from './mechanism-name-unchecked';
import { dedicatedKeyAcceptedUnciphered } from './dedicated-key-accepted-unciphered';
import { qualityOfServiceRefused } from './quality-of-service-refused';
import { dlmsVersionUnchecked } from './dlms-version-unchecked';
import { initiateErrorNotReported } from './initiate-error-not-reported';
import { conformanceNotIntersected } from './conformance-not-intersected';
import { clientPduSizeUnchecked } from './client-pdu-size-unchecked';
import { clientPduSizeSigned } from './client-pdu-size-signed';
import { snReadWrongError } from './sn-read-wrong-error';
import { snWriteReadOnlyAccepted } from './sn-write-read-only-accepted';
import { snReadListFirstOnly } from './sn-read-list-first-only';
import { sapAssignmentMissingDevice } from './sap-assignment-missing-device';
import type { Fault } from './types';

export type { Fault, FaultHooks, ActiveHooks, AarqDecision } from './types';
export { activeHooks, NO_FAULTS } from './types';

export const FAULTS: readonly Fault[] = [
  // association and short-name referencing
  aarqProtocolVersionUnchecked,
  aarqProtocolVersionStrict,
  aarqContextUnchecked,
  aarqContextWrongDiagnostic,
  aarqTitlesRefused,
  llsWithoutAuthenticationFuAccepted,
  mechanismNameUnchecked,
  dedicatedKeyAcceptedUnciphered,
  qualityOfServiceRefused,
  dlmsVersionUnchecked,
  initiateErrorNotReported,
  conformanceNotIntersected,
  clientPduSizeUnchecked,
  clientPduSizeSigned,
  snReadWrongError,
  snWriteReadOnlyAccepted,
  snReadListFirstOnly,
  sapAssignmentMissingDevice,
  // classes and selective access
  registerUnitUnknown,
  clockInvalidDateTime,
  hdlcSetupWindowOutOfRange,
  profileRowLengthMismatch,
  profileEntriesInUseExceeds,
  rangeSelectorIgnored,
  entrySelectorOffByOne,
  selectedValuesIgnored,
  invalidSelectorAccepted,
  accessRightsWrong,
  extendedRegisterCaptureTimeInvalid,
  associationStatusWrong,
  sapAssignmentDuplicateSap,
  disconnectOutputStateInconsistent,
  associationRefused,
  releaseIgnored,
  getServedWithoutAssociation,
  llsAcceptsAnyPassword,
  llsWrongDiagnostic,
  objectListDuplicateEntry,
  objectListMissingSelf,
  logicalDeviceNameWrong,
  hdlcAcceptsBadFcs,
  ...HDLC_FAULTS,
  ...SECURITY_FAULTS,
  registerScalerUnitWrongType,
  getInvokeIdNotEchoed,
  getUndefinedObjectWrongResult,
  setReadOnlyAccepted,
  setNotStored,
  serviceOutsideConformanceServed,
  clientMaxPduIgnored,
  blocksWithoutNegotiation,
  longGetRefused,
  getBlockNumberSkips,
  getLastBlockNotFlagged,
  getWithListReordered,
  actionUndefinedMethodSuccess,
  unreadableAttributeServed,
  wrongTypeWriteAccepted,
  writeAccessNotApplied,
  methodWithoutAccessExecuted,
  objectListAttributeMissing,
  writtenValueReadBackAltered,
  pushNotSent,
  accessListOfDataReversed,
  actionPblockNumberSkips,
  eventNotificationNotSent,
  gbtBlockNumberSkipped,
  setBlockAckWrong,
];

const BY_NAME: ReadonlyMap<string, Fault> = new Map(FAULTS.map((f) => [f.name, f]));

export class UnknownFaultError extends Error {
  override readonly name = 'UnknownFaultError';
  constructor(readonly fault: string) {
    super(`unknown simulator fault ${JSON.stringify(fault)}; known faults: ${FAULTS.map((f) => f.name).join(', ')}`);
  }
}

/** The faults named, in order; an unknown name is an error that lists the known ones. */
export function faultsNamed(names: readonly string[]): readonly Fault[] {
  return names.map((n) => {
    const f = BY_NAME.get(n);
    if (!f) throw new UnknownFaultError(n);
    return f;
  });
}
