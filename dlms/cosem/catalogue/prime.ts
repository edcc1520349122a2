/** PRIME narrowband OFDM PLC (ITU-T G.9904, Blue Book 4.12). */
import { INTEGER_ZERO, defineClass } from './common';

const COUNTER = 'double-long-unsigned';
const RESET = [['reset', INTEGER_ZERO]] as const;

/** Blue Book 4.12.2 61334-4-32 LLC SSCS setup (class_id 80, version 0). */
export const LLC_SSCS_SETUP = defineClass(
  80,
  0,
  '61334-4-32 LLC SSCS setup',
  '4.12.2',
  [
    ['service_node_address', 'long-unsigned'],
    ['base_node_address', 'long-unsigned'],
  ],
  RESET,
);

/** Blue Book 4.12.3 PRIME NB OFDM PLC Physical layer counters (class_id 81, version 0). */
export const PRIME_PHY_COUNTERS = defineClass(
  81,
  0,
  'PRIME NB OFDM PLC Physical layer counters',
  '4.12.3',
  [
    ['phy_stats_CRC_incorrect_count', 'long-unsigned'],
    ['phy_stats_CRC_fail_count', 'long-unsigned'],
    ['phy_stats_tx_drop_count', 'long-unsigned'],
    ['phy_stats_rx_drop_count', 'long-unsigned'],
  ],
  RESET,
);

/** Blue Book 4.12.4 PRIME NB OFDM PLC MAC setup (class_id 82, version 0). */
export const PRIME_MAC_SETUP = defineClass(82, 0, 'PRIME NB OFDM PLC MAC setup', '4.12.4', [
  ['mac_min_switch_search_time', 'unsigned'],
  ['mac_max_promotion_pdu', 'unsigned'],
  ['mac_promotion_pdu_tx_period', 'unsigned'],
  ['mac_beacons_per_frame', 'unsigned'],
  ['mac_SCP_max_tx_attempts', 'unsigned'],
  ['mac_ctl_re_tx_timer', 'unsigned'],
  ['mac_max_ctl_re_tx', 'unsigned'],
]);

/** Blue Book 4.12.5 PRIME NB OFDM PLC MAC functional parameters (class_id 83, version 0). */
export const PRIME_MAC_FUNCTIONAL_PARAMETERS = defineClass(83, 0, 'PRIME NB OFDM PLC MAC functional parameters', '4.12.5', [
  ['lnid', 'long'],
  ['lsid', 'unsigned'],
  ['sid', 'unsigned'],
  ['sna', 'octet-string'],
  ['mac_state', 'enum[0..3]'], // 0 disconnected, 1 terminal, 2 switch, 3 base
  ['mac_SCP_length', 'long'],
  ['node_hierarchy_level', 'unsigned'],
  ['beacon_slot_count', 'unsigned'],
  ['beacon_rx_slot', 'unsigned'],
  ['beacon_tx_slot', 'unsigned'],
  ['beacon_rx_frequency', 'unsigned'],
  ['beacon_tx_frequency', 'unsigned'],
  ['mac_capabilities', 'long-unsigned'],
]);

/** Blue Book 4.12.6 PRIME NB OFDM PLC MAC counters (class_id 84, version 0). */
export const PRIME_MAC_COUNTERS = defineClass(
  84,
  0,
  'PRIME NB OFDM PLC MAC counters',
  '4.12.6',
  [
    ['mac_Tx_data_pkt_count', COUNTER],
    ['mac_Rx_data_pkt_count', COUNTER],
    ['mac_Tx_ctrl_pkt_count', COUNTER],
    ['mac_Rx_ctrl_pkt_count', COUNTER],
    ['mac_CSMA_fail_count', COUNTER],
    ['mac_CSMA_ch_busy_count', COUNTER],
  ],
  RESET,
);

/** Blue Book 4.12.7 PRIME NB OFDM PLC MAC network administration data (class_id 85, version 0). */
export const PRIME_MAC_NETWORK_ADMINISTRATION_DATA = defineClass(
  85,
  0,
  'PRIME NB OFDM PLC MAC network administration data',
  '4.12.7',
  [
    ['mac_list_multicast_entries', 'array<structure{id: integer, members: long}>'],
    ['mac_list_switch_table', 'array<long>'],
    ['mac_list_direct_table', 'array<any>'],
    ['mac_list_available_switches', 'array<any>'],
    ['mac_list_phy_comm', 'array<any>'],
  ],
  RESET,
);

/** Blue Book 4.12.8 PRIME NB OFDM PLC Application identification (class_id 86, version 0). */
export const PRIME_APPLICATION_IDENTIFICATION = defineClass(86, 0, 'PRIME NB OFDM PLC Application identification', '4.12.8', [
  ['firmware_version', 'octet-string', 'static'],
  ['vendor_id', 'long-unsigned', 'static'],
  ['product_id', 'long-unsigned', 'static'],
]);

export const PRIME_FAMILY = [
  LLC_SSCS_SETUP,
  PRIME_PHY_COUNTERS,
  PRIME_MAC_SETUP,
  PRIME_MAC_FUNCTIONAL_PARAMETERS,
  PRIME_MAC_COUNTERS,
  PRIME_MAC_NETWORK_ADMINISTRATION_DATA,
  PRIME_APPLICATION_IDENTIFICATION,
];
