import { CAPTURE_OBJECT_DEFINITION, DATE_TIME, INTEGER_ZERO, LOGICAL_NAME, WINDOW } from './common';
import type { AttributeDef, InterfaceClassDef } from './types';

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

const PROTECTION_PARAMETERS =
  'array<structure{protection_type: enum, protection_options: structure{transaction_id: octet-string, originator_system_title: octet-string, recipient_system_title: octet-string, other_information: octet-string, key_info: any}}>';

/** Attributes 1..6 of version 0, then what version 1 changed and added (Blue Book 4.4.8). */
const V1_ATTRIBUTES: readonly AttributeDef[] = [
  ...PUSH_SETUP.attributes.filter((a) => a.index <= 6),
  {
    index: 7,
    name: 'repetition_delay',
    type: 'structure{repetition_delay_min: long-unsigned, repetition_delay_exponent: long-unsigned, repetition_delay_max: long-unsigned}',
    static: true,
  },
  { index: 8, name: 'port_reference', type: 'octet-string(obis)', static: true },
  { index: 9, name: 'push_client_SAP', type: 'integer', static: true },
  { index: 10, name: 'push_protection_parameters', type: PROTECTION_PARAMETERS, static: true },
];

/** Blue Book 4.4.8 Push setup (class_id 40, version 1): exponential repetition delay, port, client SAP, protection. */
export const PUSH_SETUP_V1: InterfaceClassDef = { ...PUSH_SETUP, version: 1, attributes: V1_ATTRIBUTES };

/** Blue Book 4.4.8 Push setup (class_id 40, version 2): adds confirmed pushes. */
export const PUSH_SETUP_V2: InterfaceClassDef = {
  ...PUSH_SETUP,
  version: 2,
  attributes: [
    ...V1_ATTRIBUTES,
    { index: 11, name: 'push_operation_method', type: 'enum[0..2]', static: true }, // 0 unconfirmed, 1 confirmed with retry on failure, 2 confirmed with retry on missing confirmation
    {
      index: 12,
      name: 'confirmation_parameters',
      type: `structure{confirmation_start_date: ${DATE_TIME}, confirmation_interval: double-long-unsigned}`,
      static: true,
    },
    { index: 13, name: 'last_confirmation_date_time', type: DATE_TIME },
  ],
};
