import { CAPTURE_OBJECT_DEFINITION, INTEGER_ZERO, LOGICAL_NAME, WINDOW } from './common';
import type { InterfaceClassDef } from './types';

/**
 * Blue Book 4.4.8 Push setup (class_id 40, version 0): what to push, where, and when. Version 0
 * as the meter in c_hdlc_none.trace reports it (7 attributes, 1 method); later versions add
 * port_reference, push_client_SAP, protection and confirmation attributes.
 */
export const PUSH_SETUP: InterfaceClassDef = {
  classId: 40,
  version: 0,
  name: 'Push setup',
  clause: '4.4.8',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'push_object_list', type: `array<${CAPTURE_OBJECT_DEFINITION}>`, static: true },
    { index: 3, name: 'send_destination_and_method', type: 'structure{transport_service: enum, destination: octet-string, message: enum}', static: true },
    { index: 4, name: 'communication_window', type: `array<${WINDOW}>`, static: true },
    { index: 5, name: 'randomisation_start_interval', type: 'long-unsigned', static: true }, // s
    { index: 6, name: 'number_of_retries', type: 'unsigned', static: true },
    { index: 7, name: 'repetition_delay', type: 'long-unsigned', static: true }, // s
  ],
  methods: [{ index: 1, name: 'push', parameter: INTEGER_ZERO }],
};
