/** G3-PLC (ITU-T G.9903, Blue Book 4.13): MAC counters, MAC setup and the 6LoWPAN adaptation layer. */
import { INTEGER_ZERO, defineClass, type AttributeRow } from './common';

const COUNTER = 'double-long-unsigned';

/** Blue Book 4.13.2 G3-PLC MAC layer counters (class_id 90, version 1). */
export const G3_MAC_COUNTERS = defineClass(
  90,
  1,
  'G3-PLC MAC layer counters',
  '4.13.2',
  [
    ['mac_Tx_data_packet_count', COUNTER],
    ['mac_Rx_data_packet_count', COUNTER],
    ['mac_Tx_cmd_packet_count', COUNTER],
    ['mac_Rx_cmd_packet_count', COUNTER],
    ['mac_CSMA_fail_count', COUNTER],
    ['mac_CSMA_no_ACK_count', COUNTER],
    ['mac_bad_CRC_count', COUNTER],
    ['mac_Tx_data_broadcast_count', COUNTER],
    ['mac_Rx_data_broadcast_count', COUNTER],
  ],
  [['reset', INTEGER_ZERO]],
);

const G3_MAC_SETUP_V1: readonly AttributeRow[] = [
  ['mac_short_address', 'long-unsigned'],
  ['mac_RC_coord', 'long-unsigned'],
  ['mac_PAN_id', 'long-unsigned'],
  ['mac_key_table', 'array<structure{mac_key_id: unsigned, mac_key: octet-string}>'],
  ['mac_frame_counter', 'double-long-unsigned'],
  ['mac_tone_mask', 'bit-string'],
  ['mac_TMR_TTL', 'unsigned'],
  ['mac_max_frame_retries', 'unsigned'],
  ['mac_neighbour_table_entry_TTL', 'unsigned'],
  ['mac_neighbour_table', 'array<any>'],
  ['mac_high_priority_window_size', 'unsigned'],
  ['mac_CSMA_fairness_limit', 'unsigned'],
  ['mac_beacon_randomization_window_length', 'unsigned'],
  ['mac_A', 'unsigned'],
  ['mac_K', 'unsigned'],
  ['mac_min_CW_attempts', 'unsigned'],
  ['mac_cenelec_legacy_mode', 'unsigned'],
  ['mac_FCC_legacy_mode', 'unsigned'],
  ['mac_max_BE', 'unsigned'],
  ['mac_max_CSMA_backoffs', 'unsigned'],
  ['mac_min_BE', 'unsigned'],
];
const NEIGHBOUR_ENTRY = [['mac_get_neighbour_table_entry', 'long-unsigned']] as const;
/** Version 2 adds the POS table and, with it, a second getter (version 3 has two methods in c_hdlc_none.trace). */
const NEIGHBOUR_AND_POS_ENTRY = [...NEIGHBOUR_ENTRY, ['mac_get_POS_table_entry', 'long-unsigned']] as const;
const G3_MAC_SETUP_V2_ROWS: readonly AttributeRow[] = [
  ...G3_MAC_SETUP_V1,
  ['mac_broadcast_max_CW_enabled', 'boolean'],
  ['mac_transmit_atten', 'unsigned'],
  ['mac_POS_table', 'array<structure{short_address: long-unsigned, LQI: unsigned, POS_valid_time: unsigned}>'],
];

/** Blue Book 4.13.3 G3-PLC MAC setup (class_id 91, version 1). */
export const G3_MAC_SETUP_V1_DEF = defineClass(91, 1, 'G3-PLC MAC setup', '4.13.3', G3_MAC_SETUP_V1, NEIGHBOUR_ENTRY);

/** Blue Book 4.13.3 G3-PLC MAC setup (class_id 91, version 2): broadcast CW, transmit attenuation, POS table. */
export const G3_MAC_SETUP_V2 = {
  ...defineClass(91, 2, 'G3-PLC MAC setup', '4.13.3', G3_MAC_SETUP_V2_ROWS, NEIGHBOUR_AND_POS_ENTRY),
  provisional: true,
} as const;

/** Blue Book 4.13.3 G3-PLC MAC setup (class_id 91, version 3): adds the duplicate detection TTL; 26 attributes, 2 methods in c_hdlc_none.trace. */
export const G3_MAC_SETUP = defineClass(
  91,
  3,
  'G3-PLC MAC setup',
  '4.13.3',
  [...G3_MAC_SETUP_V2_ROWS, ['mac_duplicate_detection_TTL', 'unsigned']],
  NEIGHBOUR_AND_POS_ENTRY,
);

const ADP_V1: readonly AttributeRow[] = [
  ['adp_max_hops', 'unsigned'],
  ['adp_weak_LQI_value', 'unsigned'],
  ['adp_security_level', 'unsigned'],
  ['adp_prefix_table', 'array<any>'],
  ['adp_routing_configuration', 'array<any>'],
  ['adp_broadcast_log_table_entry_TTL', 'long-unsigned'],
  ['adp_routing_table', 'array<any>'],
  ['adp_context_information_table', 'array<any>'],
  ['adp_blacklist_table', 'array<any>'],
  ['adp_broadcast_log_table', 'array<any>'],
  ['adp_group_table', 'array<long-unsigned>'],
  ['adp_max_join_wait_time', 'long-unsigned'],
  ['adp_path_discovery_time', 'unsigned'],
  ['adp_active_key_index', 'unsigned'],
  ['adp_metric_type', 'unsigned'],
  ['adp_coord_short_address', 'long-unsigned'],
  ['adp_disable_default_routing', 'boolean'],
  ['adp_device_type', 'enum[0..2]'], // 0 device, 1 coordinator, 2 not defined
];
const ADP_V2: readonly AttributeRow[] = [...ADP_V1, ['adp_default_coord_route_enabled', 'boolean'], ['adp_destination_address_set', 'array<long-unsigned>']];

/**
 * Blue Book 4.13.4 G3-PLC 6LoWPAN adaptation layer setup (class_id 92, version 1). No methods:
 * version 3 has none in c_hdlc_none.trace, and versions 1 and 2 are taken to match.
 */
export const G3_6LOWPAN_SETUP_V1 = { ...defineClass(92, 1, 'G3-PLC 6LoWPAN adaptation layer setup', '4.13.4', ADP_V1), provisional: true } as const;

/** Blue Book 4.13.4 G3-PLC 6LoWPAN adaptation layer setup (class_id 92, version 2): default coordinator route, destination set. */
export const G3_6LOWPAN_SETUP_V2 = { ...defineClass(92, 2, 'G3-PLC 6LoWPAN adaptation layer setup', '4.13.4', ADP_V2), provisional: true } as const;

/** Blue Book 4.13.4 G3-PLC 6LoWPAN adaptation layer setup (class_id 92, version 3): low and high LQI values; 23 attributes in c_hdlc_none.trace. */
export const G3_6LOWPAN_SETUP = defineClass(92, 3, 'G3-PLC 6LoWPAN adaptation layer setup', '4.13.4', [
  ...ADP_V2,
  ['adp_low_LQI_value', 'unsigned'],
  ['adp_high_LQI_value', 'unsigned'],
]);

export const G3_FAMILY = [G3_MAC_COUNTERS, G3_MAC_SETUP_V1_DEF, G3_MAC_SETUP_V2, G3_MAC_SETUP, G3_6LOWPAN_SETUP_V1, G3_6LOWPAN_SETUP_V2, G3_6LOWPAN_SETUP];
