/** The class-specific rules, by class_id; a class without an entry has only its catalogue types checked. */
import { ASSOCIATION_LN_SEMANTICS } from './association-ln';
import { CLOCK_SEMANTICS } from './clock';
import { DATA_SEMANTICS, DISCONNECT_CONTROL_SEMANTICS } from './other';
import { PROFILE_GENERIC_SEMANTICS } from './profile-generic';
import { EXTENDED_REGISTER_SEMANTICS, REGISTER_SEMANTICS } from './register';
import { IEC_HDLC_SETUP_SEMANTICS, SAP_ASSIGNMENT_SEMANTICS } from './setup';
import type { ClassSemantics } from './types';

export type { ClassSemantics, Problem, SemanticInput } from './types';

export const SEMANTICS: Readonly<Record<number, ClassSemantics>> = {
  1: DATA_SEMANTICS,
  3: REGISTER_SEMANTICS,
  4: EXTENDED_REGISTER_SEMANTICS,
  7: PROFILE_GENERIC_SEMANTICS,
  8: CLOCK_SEMANTICS,
  15: ASSOCIATION_LN_SEMANTICS,
  17: SAP_ASSIGNMENT_SEMANTICS,
  23: IEC_HDLC_SETUP_SEMANTICS,
  70: DISCONNECT_CONTROL_SEMANTICS,
};
