/**
 * The class behaviours the simulator knows, by the name a meter definition uses in `class:`.
 * A list built from the files, so adding a class is adding a file and a line here.
 */
import { activityCalendarClass } from './activity-calendar';
import { associationLnClass } from './association-ln';
import { associationSnClass } from './association-sn';
import { clockClass } from './clock';
import { dataClass } from './data';
import { disconnectControlClass } from './disconnect-control';
import { extendedRegisterClass } from './extended-register';
import { iecHdlcSetupClass } from './iec-hdlc-setup';
import { imageTransferClass } from './image-transfer';
import { profileGenericClass } from './profile-generic';
import { pushSetupClass } from './push-setup';
import { registerClass } from './register';
import { registerMonitorClass } from './register-monitor';
import { limiterClass } from './limiter';
import { scriptTableClass } from './script-table';
import { sapAssignmentClass } from './sap-assignment';
import { invocationCounterClass } from './invocation-counter';
import { securitySetupClass } from './security-setup';
import { testObjectClass } from './test-object';
import { genericClasses } from './generic';
import type { ClassBehaviour } from './types';

const HAND_WRITTEN: readonly ClassBehaviour[] = [
  dataClass,
  registerClass,
  extendedRegisterClass,
  profileGenericClass,
  clockClass,
  associationLnClass,
  associationSnClass,
  sapAssignmentClass,
  iecHdlcSetupClass,
  disconnectControlClass,
  pushSetupClass,
  securitySetupClass,
  invocationCounterClass,
  testObjectClass,
  scriptTableClass,
  activityCalendarClass,
  imageTransferClass,
  registerMonitorClass,
  limiterClass,
];

/** Hand-written behaviours, then every other catalogue class served from the catalogue (generic.ts). */
export const CLASS_BEHAVIOURS: readonly ClassBehaviour[] = [...HAND_WRITTEN, ...genericClasses(new Set(HAND_WRITTEN.map((c) => c.classId)))];

export const CLASS_BY_NAME: ReadonlyMap<string, ClassBehaviour> = new Map(CLASS_BEHAVIOURS.map((c) => [c.name, c]));
