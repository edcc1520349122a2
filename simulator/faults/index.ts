/**
 * The fault catalogue: every named fault, one file each. A list, not a switch: adding a fault
 * is adding a file and a line here.
 */
import { associationRefused } from './association-refused';
import { getInvokeIdNotEchoed } from './get-invoke-id-not-echoed';
import { getServedWithoutAssociation } from './get-served-without-association';
import { hdlcAcceptsBadFcs } from './hdlc-accepts-bad-fcs';
import { llsAcceptsAnyPassword } from './lls-accepts-any-password';
import { llsWrongDiagnostic } from './lls-wrong-diagnostic';
import { logicalDeviceNameWrong } from './logical-device-name-wrong';
import { objectListDuplicateEntry } from './object-list-duplicate-entry';
import { objectListMissingSelf } from './object-list-missing-self';
import { registerScalerUnitWrongType } from './register-scaler-unit-wrong-type';
import { releaseIgnored } from './release-ignored';
import type { Fault } from './types';

export type { Fault, FaultHooks, ActiveHooks, AarqDecision } from './types';
export { activeHooks, NO_FAULTS } from './types';

export const FAULTS: readonly Fault[] = [
  associationRefused,
  releaseIgnored,
  getServedWithoutAssociation,
  llsAcceptsAnyPassword,
  llsWrongDiagnostic,
  objectListDuplicateEntry,
  objectListMissingSelf,
  logicalDeviceNameWrong,
  hdlcAcceptsBadFcs,
  registerScalerUnitWrongType,
  getInvokeIdNotEchoed,
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
