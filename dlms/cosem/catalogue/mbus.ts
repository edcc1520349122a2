/**
 * The M-Bus family (Blue Book 4.8, EN 13757): the meter as an M-Bus slave, as an M-Bus master
 * reading a client device, and the wireless channel and diagnostics.
 */
import { DATE_TIME, INTEGER_ZERO, OBIS, WINDOW, defineClass } from './common';

/** Blue Book 4.8.2 M-Bus slave port setup (class_id 25, version 0). */
export const MBUS_SLAVE_PORT_SETUP = defineClass(25, 0, 'M-Bus slave port setup', '4.8.2', [
  ['default_baud', 'enum[0..7]', 'static'], // 0 = 300 … 7 = 38400 baud
  ['avail_baud', 'enum[0..7]', 'static'],
  ['addr_state', 'enum[0..1]'], // 0 not assigned, 1 assigned
  ['bus_address', 'unsigned'],
]);

const MBUS_CLIENT_ATTRIBUTES = [
  ['mbus_port_reference', OBIS, 'static'],
  ['capture_definition', 'array<structure{data_information_block: octet-string, value_information_block: octet-string}>', 'static'],
  ['capture_period', 'double-long-unsigned', 'static'],
  ['primary_address', 'unsigned'],
  ['identification_number', 'double-long-unsigned'],
  ['manufacturer_id', 'long-unsigned'],
  ['version', 'unsigned'],
  ['device_type', 'unsigned'],
  ['access_number', 'unsigned'],
  ['status', 'unsigned'],
  ['alarm', 'unsigned'],
] as const;
const MBUS_CLIENT_METHODS = [
  ['slave_install', 'unsigned'],
  ['slave_deinstall', INTEGER_ZERO],
  ['capture', INTEGER_ZERO],
  ['reset_alarm', INTEGER_ZERO],
  ['synchronize_clock', INTEGER_ZERO],
  ['data_send', 'array<structure{data_information_block: octet-string, value_information_block: octet-string, data: any}>'],
] as const;

/** Blue Book 4.8.3 M-Bus client (class_id 72, version 0). */
export const MBUS_CLIENT_V0 = defineClass(72, 0, 'M-Bus client', '4.8.3', MBUS_CLIENT_ATTRIBUTES, MBUS_CLIENT_METHODS);

/** Blue Book 4.8.3 M-Bus client (class_id 72, version 1): adds the configuration and the encryption key handling. */
export const MBUS_CLIENT = defineClass(
  72,
  1,
  'M-Bus client',
  '4.8.3',
  [...MBUS_CLIENT_ATTRIBUTES, ['configuration', 'long-unsigned'], ['encryption_key_status', 'enum[0..4]']],
  [...MBUS_CLIENT_METHODS, ['set_encryption_key', 'octet-string'], ['transfer_key', 'octet-string']],
);

/** Blue Book 4.8.4 Wireless Mode Q channel (class_id 73, version 1). */
export const WIRELESS_MODE_Q_CHANNEL = defineClass(73, 1, 'Wireless Mode Q channel', '4.8.4', [
  ['addr_state', 'enum[0..1]'],
  ['device_address', 'octet-string'],
  ['address_mask', 'octet-string'],
]);

/** Blue Book 4.8.5 M-Bus master port setup (class_id 74, version 0). */
export const MBUS_MASTER_PORT_SETUP = defineClass(74, 0, 'M-Bus master port setup', '4.8.5', [['comm_speed', 'enum[0..7]', 'static']]);

/** Blue Book 4.8.6 DLMS/COSEM server M-Bus port setup (class_id 76, version 0). */
export const DLMS_SERVER_MBUS_PORT_SETUP = {
  ...defineClass(76, 0, 'DLMS/COSEM server M-Bus port setup', '4.8.6', [
    ['M-Bus_profile_selection', OBIS, 'static'],
    ['M-Bus_port_communication_status', 'enum'],
    ['data_header_type', 'enum', 'static'],
    ['primary_address', 'unsigned'],
    ['identification_number', 'double-long-unsigned'],
    ['manufacturer_id', 'long-unsigned'],
    ['M-Bus_version', 'unsigned'],
    ['device_type', 'unsigned'],
    ['max_PDU_size', 'long-unsigned'],
    ['listening_window', `array<${WINDOW}>`],
  ]),
  provisional: true,
} as const;

/**
 * Time stamps of the newer classes: the Blue Book's date-time, which the independent meter of
 * c_hdlc_none.trace sends as the date-time Data type (tag 25) rather than as an octet-string.
 */
const TIME_STAMP = `choice<${DATE_TIME} | date-time>`;

/** Blue Book 4.8.7 M-Bus diagnostic (class_id 77, version 0). */
export const MBUS_DIAGNOSTIC = defineClass(
  77,
  0,
  'M-Bus diagnostic',
  '4.8.7',
  [
    ['received_signal_strength', 'unsigned'],
    ['channel_id', 'unsigned'],
    ['link_status', 'enum'],
    ['broadcast_frames_counter', `array<structure{client_id: unsigned, counter: double-long-unsigned, time_stamp: ${TIME_STAMP}}>`],
    ['transmissions_counter', 'double-long-unsigned'],
    ['FCS_OK_frames_counter', 'double-long-unsigned'],
    ['FCS_NOK_frames_counter', 'double-long-unsigned'],
    ['capture_time', `structure{attribute_id: unsigned, time: ${TIME_STAMP}}`],
  ],
  [['reset', INTEGER_ZERO]],
);

export const MBUS_FAMILY = [
  MBUS_SLAVE_PORT_SETUP,
  MBUS_CLIENT_V0,
  MBUS_CLIENT,
  WIRELESS_MODE_Q_CHANNEL,
  MBUS_MASTER_PORT_SETUP,
  DLMS_SERVER_MBUS_PORT_SETUP,
  MBUS_DIAGNOSTIC,
];
