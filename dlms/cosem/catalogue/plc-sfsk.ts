/**
 * S-FSK PLC (IEC 61334-5-1, Blue Book 4.10) and the ISO/IEC 8802-2 LLC setups (Blue Book 4.11).
 */
import { INTEGER_ZERO, defineClass } from './common';

const COUNTER = 'double-long-unsigned';

/** Blue Book 4.10.2 S-FSK Phy&MAC setup (class_id 50, version 1). */
export const SFSK_PHY_MAC_SETUP = defineClass(50, 1, 'S-FSK Phy&MAC setup', '4.10.2', [
  ['initiator_electrical_phase', 'enum[0..3]', 'static'],
  ['delta_electrical_phase', 'enum[0..6]'],
  ['max_receiving_gain', 'unsigned', 'static'],
  ['max_transmitting_gain', 'unsigned', 'static'],
  ['search_initiator_threshold', 'unsigned', 'static'],
  ['frequencies', 'structure{mark_frequency: double-long-unsigned, space_frequency: double-long-unsigned}', 'static'],
  ['mac_address', 'long-unsigned'],
  ['mac_group_addresses', 'array<long-unsigned>'],
  ['repeater', 'enum[0..2]'],
  ['repeater_status', 'boolean'],
  ['min_delta_credit', 'unsigned'],
  ['initiator_mac_address', 'long-unsigned'],
  ['synchronization_locked', 'boolean'],
  ['transmission_speed', 'enum[0..2]', 'static'],
]);

/** Blue Book 4.10.3 S-FSK Active initiator (class_id 51, version 0). */
export const SFSK_ACTIVE_INITIATOR = defineClass(
  51,
  0,
  'S-FSK Active initiator',
  '4.10.3',
  [['active_initiator', 'structure{system_title: octet-string, mac_address: long-unsigned, l_sap_selector: unsigned}']],
  [['reset_NEW_not_synchronized', INTEGER_ZERO]],
);

/** Blue Book 4.10.4 S-FSK MAC synchronization timeouts (class_id 52, version 0). */
export const SFSK_MAC_SYNCHRONIZATION_TIMEOUTS = defineClass(52, 0, 'S-FSK MAC synchronization timeouts', '4.10.4', [
  ['search_initiator_timeout', 'long-unsigned', 'static'],
  ['synchronization_confirmation_timeout', 'long-unsigned', 'static'],
  ['time_out_not_addressed', 'long-unsigned', 'static'],
  ['time_out_frame_not_OK', 'long-unsigned', 'static'],
]);

/** Blue Book 4.10.5 S-FSK MAC counters (class_id 53, version 0). */
export const SFSK_MAC_COUNTERS = defineClass(
  53,
  0,
  'S-FSK MAC counters',
  '4.10.5',
  [
    ['synchronization_register', `array<structure{mac_address: long-unsigned, synchronization_count: ${COUNTER}}>`],
    [
      'desynchronization_listing',
      `structure{desynchronization_timeout_not_addressed: ${COUNTER}, desynchronization_timeout_frame_not_OK: ${COUNTER}, desynchronization_write_request: ${COUNTER}, desynchronization_wrong_initiator: ${COUNTER}, desynchronization_timeout_not_synchronized: ${COUNTER}}`,
    ],
    ['broadcast_frames_counter', `array<structure{mac_address: long-unsigned, broadcast_frames_count: ${COUNTER}}>`],
    ['repetitions_counter', COUNTER],
    ['transmissions_counter', COUNTER],
    ['CRC_OK_frames_counter', COUNTER],
    ['CRC_NOK_frames_counter', COUNTER],
  ],
  [['reset', INTEGER_ZERO]],
);

/** Blue Book 4.10.6 IEC 61334-4-32 LLC setup (class_id 55, version 1). */
export const IEC_61334_4_32_LLC_SETUP = defineClass(55, 1, 'IEC 61334-4-32 LLC setup', '4.10.6', [
  ['max_frame_length', 'unsigned', 'static'],
  ['reply_status_list', 'array<structure{mac_address: long-unsigned, l_sap_selector: unsigned, reply_status: octet-string}>'],
]);

/** Blue Book 4.10.7 S-FSK Reporting system list (class_id 56, version 0). */
export const SFSK_REPORTING_SYSTEM_LIST = defineClass(56, 0, 'S-FSK Reporting system list', '4.10.7', [['reporting_system_list', 'array<octet-string>']]);

/** Blue Book 4.11.2 ISO/IEC 8802-2 LLC Type 1 setup (class_id 57, version 0). */
export const LLC_TYPE1_SETUP = defineClass(57, 0, 'ISO/IEC 8802-2 LLC Type 1 setup', '4.11.2', [['max_octets_ui_pdu', 'long-unsigned', 'static']]);

/** Blue Book 4.11.3 ISO/IEC 8802-2 LLC Type 2 setup (class_id 58, version 0). */
export const LLC_TYPE2_SETUP = defineClass(58, 0, 'ISO/IEC 8802-2 LLC Type 2 setup', '4.11.3', [
  ['transmit_window_size_k', 'unsigned', 'static'],
  ['transmit_window_size_RW', 'unsigned', 'static'],
  ['max_octets_I_pdu_N1', 'long-unsigned', 'static'],
  ['max_number_transmissions_N2', 'unsigned', 'static'],
  ['acknowledgement_timer', 'long-unsigned', 'static'],
  ['bit_timer', 'long-unsigned', 'static'],
  ['reject_timer', 'long-unsigned', 'static'],
  ['busy_state_timer', 'long-unsigned', 'static'],
]);

/** Blue Book 4.11.4 ISO/IEC 8802-2 LLC Type 3 setup (class_id 59, version 0). */
export const LLC_TYPE3_SETUP = defineClass(59, 0, 'ISO/IEC 8802-2 LLC Type 3 setup', '4.11.4', [
  ['max_octets_ACn_pdu', 'long-unsigned', 'static'],
  ['max_transmissions', 'unsigned', 'static'],
  ['acknowledgement_time', 'long-unsigned', 'static'],
  ['receive_lifetime', 'long-unsigned', 'static'],
  ['transmit_lifetime', 'long-unsigned', 'static'],
]);

export const SFSK_FAMILY = [
  SFSK_PHY_MAC_SETUP,
  SFSK_ACTIVE_INITIATOR,
  SFSK_MAC_SYNCHRONIZATION_TIMEOUTS,
  SFSK_MAC_COUNTERS,
  IEC_61334_4_32_LLC_SETUP,
  SFSK_REPORTING_SYSTEM_LIST,
  LLC_TYPE1_SETUP,
  LLC_TYPE2_SETUP,
  LLC_TYPE3_SETUP,
];
