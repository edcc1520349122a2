/**
 * The class behaviours the simulator knows, by the name a meter definition uses in `class:`.
 * A list built from the files, so adding a class is adding a file and a line here.
 */
import { associationLnClass } from './association-ln';
import { clockClass } from './clock';
import { dataClass } from './data';
import { iecHdlcSetupClass } from './iec-hdlc-setup';
import { registerClass } from './register';
import { sapAssignmentClass } from './sap-assignment';
import type { ClassBehaviour } from './types';

export const CLASS_BEHAVIOURS: readonly ClassBehaviour[] = [
  dataClass,
  registerClass,
  clockClass,
  associationLnClass,
  sapAssignmentClass,
  iecHdlcSetupClass,
];

export const CLASS_BY_NAME: ReadonlyMap<string, ClassBehaviour> = new Map(CLASS_BEHAVIOURS.map((c) => [c.name, c]));
