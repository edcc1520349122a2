import { DATE_TIME, LOGICAL_NAME, SCRIPT_REFERENCE, VALUE_DEFINITION } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.5.9 Limiter (class_id 71, version 0): thresholds on a monitored value, with emergency profiles. */
export const LIMITER: InterfaceClassDef = {
  classId: 71,
  version: 0,
  name: 'Limiter',
  clause: '4.5.9',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'monitored_value', type: VALUE_DEFINITION, static: true },
    { index: 3, name: 'threshold_active', type: 'simple' },
    { index: 4, name: 'threshold_normal', type: 'simple', static: true },
    { index: 5, name: 'threshold_emergency', type: 'simple', static: true },
    { index: 6, name: 'min_over_threshold_duration', type: 'double-long-unsigned', static: true }, // s
    { index: 7, name: 'min_under_threshold_duration', type: 'double-long-unsigned', static: true }, // s
    {
      index: 8,
      name: 'emergency_profile',
      type: `structure{emergency_profile_id: long-unsigned, emergency_activation_time: ${DATE_TIME}, emergency_duration: double-long-unsigned}`,
      static: true,
    },
    { index: 9, name: 'emergency_profile_group_id_list', type: 'array<long-unsigned>', static: true },
    { index: 10, name: 'emergency_profile_active', type: 'boolean' },
    { index: 11, name: 'actions', type: `structure{action_over_threshold: ${SCRIPT_REFERENCE}, action_under_threshold: ${SCRIPT_REFERENCE}}`, static: true },
  ],
  methods: [],
};
