import { INTEGER_ZERO, LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

/**
 * Blue Book 4.5.8 Disconnect control (class_id 70, version 1; version 0 has the same shape):
 * the supply switch. control_state 0 disconnected, 1 connected, 2 ready_for_reconnection.
 */
export const DISCONNECT_CONTROL: InterfaceClassDef = {
  classId: 70,
  version: 1,
  name: 'Disconnect control',
  clause: '4.5.8',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'output_state', type: 'boolean' },
    { index: 3, name: 'control_state', type: 'enum[0..2]' },
    { index: 4, name: 'control_mode', type: 'enum[0..6]', static: true }, // 0..6
  ],
  methods: [
    { index: 1, name: 'remote_disconnect', parameter: INTEGER_ZERO },
    { index: 2, name: 'remote_reconnect', parameter: INTEGER_ZERO },
  ],
};

/** Blue Book 4.5.8 Disconnect control version 0: the same attributes and methods as version 1. */
export const DISCONNECT_CONTROL_V0: InterfaceClassDef = { ...DISCONNECT_CONTROL, version: 0 };
