/** The Internet family (Blue Book 4.9) beyond TCP-UDP, IPv4 and GPRS (their own files). */
import { DATE_TIME, INTEGER_ZERO, OBIS, defineClass } from './common';

/** Blue Book 4.9.4 MAC address setup (class_id 43, version 0). */
export const MAC_ADDRESS_SETUP = defineClass(43, 0, 'MAC address setup', '4.9.4', [['MAC_address', 'octet-string', 'static']]);

const PPP_OPTION = (kind: string): string => `array<structure{${kind}_option_type: unsigned, ${kind}_option_length: unsigned, ${kind}_option_data: any}>`;

/** Blue Book 4.9.5 PPP setup (class_id 44, version 0). */
export const PPP_SETUP = defineClass(44, 0, 'PPP setup', '4.9.5', [
  ['PHY_reference', OBIS, 'static'],
  ['LCP_options', PPP_OPTION('LCP'), 'static'],
  ['IPCP_options', PPP_OPTION('IPCP'), 'static'],
  ['PPP_authentication', 'any', 'static'], // a CHOICE: none, PAP (user name, password) or CHAP (user name, algorithm)
]);

/** Blue Book 4.9.7 SMTP setup (class_id 46, version 0). */
export const SMTP_SETUP = defineClass(46, 0, 'SMTP setup', '4.9.7', [
  ['channel_reference', OBIS, 'static'],
  ['server_port', 'long-unsigned', 'static'],
  ['user_name', 'octet-string', 'static'],
  ['login_password', 'octet-string', 'static'],
  ['server_address', 'octet-string', 'static'],
  ['sender_address', 'octet-string', 'static'],
]);

const GSM_DIAGNOSTIC_HEAD = [
  ['operator', 'visible-string'],
  ['status', 'enum[0..255]'], // 0 not registered … 5 registered roaming, 6..255 reserved
  ['cs_attachment', 'enum[0..255]'], // 0 inactive, 1 incoming call, 2 active
  ['ps_status', 'enum[0..255]'], // 0 inactive, 1 GPRS, 2 EDGE, 3 UMTS, 4 HSDPA, 5 LTE, 6 CDMA, 7 LTE-M, 8 NB-IoT
] as const;

/** Blue Book 4.9.8 GSM diagnostic (class_id 47, version 0). */
export const GSM_DIAGNOSTIC_V0 = defineClass(47, 0, 'GSM diagnostic', '4.9.8', [
  ...GSM_DIAGNOSTIC_HEAD,
  ['cell_info', 'structure{cell_ID: long-unsigned, location_ID: long-unsigned, signal_quality: unsigned, ber: unsigned}'],
  ['adjacent_cells', 'array<structure{cell_ID: long-unsigned, signal_quality: unsigned}>'],
  ['capture_time', DATE_TIME],
]);

/** Blue Book 4.9.8 GSM diagnostic (class_id 47, version 1): 32-bit cell ids, MCC, MNC and channel. */
export const GSM_DIAGNOSTIC = defineClass(47, 1, 'GSM diagnostic', '4.9.8', [
  ...GSM_DIAGNOSTIC_HEAD,
  [
    'cell_info',
    'structure{cell_ID: double-long-unsigned, location_ID: long-unsigned, signal_quality: unsigned, ber: unsigned, mcc: long-unsigned, mnc: long-unsigned, channel_number: double-long-unsigned}',
  ],
  ['adjacent_cells', 'array<structure{cell_ID: double-long-unsigned, signal_quality: unsigned}>'],
  ['capture_time', DATE_TIME],
]);

const IPV6_ADDRESSES = 'array<octet-string(16)>';
const ADDRESS_CHANGE = 'structure{IPv6_address_type: enum[0..2], IPv6_address: octet-string(16)}'; // 0 unicast, 1 multicast, 2 gateway

/** Blue Book 4.9.3 IPv6 setup (class_id 48, version 0). */
export const IPV6_SETUP = defineClass(
  48,
  0,
  'IPv6 setup',
  '4.9.3',
  [
    ['DL_reference', OBIS, 'static'],
    ['address_config_mode', 'enum[0..3]'], // 0 auto, 1 DHCPv6, 2 manual, 3 neighbour discovery
    ['unicast_IPv6_addresses', IPV6_ADDRESSES],
    ['multicast_IPv6_addresses', IPV6_ADDRESSES],
    ['gateway_IPv6_addresses', IPV6_ADDRESSES],
    ['primary_DNS_address', 'octet-string'],
    ['secondary_DNS_address', 'octet-string'],
    ['traffic_class', 'unsigned'],
    ['neighbor_discovery_setup', 'array<structure{max_retry: unsigned, retry_wait_time: long-unsigned, send_period: double-long-unsigned}>'],
  ],
  [
    ['add_IPv6_address', ADDRESS_CHANGE],
    ['remove_IPv6_address', ADDRESS_CHANGE],
  ],
);

const NTP_KEY = 'structure{key_id: double-long-unsigned, key: octet-string}';

/** Blue Book 4.9.9 NTP setup (class_id 100, version 0). */
export const NTP_SETUP = defineClass(
  100,
  0,
  'NTP setup',
  '4.9.9',
  [
    ['activated', 'boolean'],
    ['server_address', 'octet-string'],
    ['server_port', 'long-unsigned'],
    ['authentication_method', 'enum[0..2]'], // 0 none, 1 shared secrets, 2 auto key IFF
    ['authentication_keys', `array<${NTP_KEY}>`],
    ['client_key', 'octet-string'],
  ],
  [
    ['synchronize', INTEGER_ZERO],
    ['add_authentication_key', NTP_KEY],
    ['delete_authentication_key', 'double-long-unsigned'],
  ],
);

/**
 * Blue Book 4.9.10 LTE monitoring (class_id 151, version 1), as the independent meter of
 * c_hdlc_none.trace reports it (3 attributes): the 3GPP timers and the radio quality.
 */
export const LTE_MONITORING = defineClass(151, 1, 'LTE monitoring', '4.9.10', [
  [
    'network_parameters',
    'structure{T3402: long-unsigned, T3412: long-unsigned, T3412ext2: double-long-unsigned, T3324: long-unsigned, TeDRX: double-long-unsigned, TPTW: long-unsigned, qRxlevMin: integer, qRxlevMinCE: integer, qRxLevMinCE1: integer}',
  ],
  ['quality_of_service', 'structure{signal_quality: integer, signal_level: integer, signal_to_noise_ratio: integer, coverage_enhancement: enum}'],
]);

export const INTERNET_FAMILY = [MAC_ADDRESS_SETUP, PPP_SETUP, SMTP_SETUP, GSM_DIAGNOSTIC_V0, GSM_DIAGNOSTIC, IPV6_SETUP, NTP_SETUP, LTE_MONITORING];
