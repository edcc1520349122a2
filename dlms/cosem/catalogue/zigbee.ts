/** ZigBee (Blue Book 4.14): the Smart Energy startup attribute sets, network control and tunnel. */
import { INTEGER_ZERO, defineClass } from './common';

/** Blue Book 4.14.2 ZigBee SAS startup (class_id 101, version 0). */
export const ZIGBEE_SAS_STARTUP = defineClass(101, 0, 'ZigBee SAS startup', '4.14.2', [
  ['short_address', 'long-unsigned'],
  ['extended_pan_id', 'octet-string'],
  ['pan_id', 'long-unsigned'],
  ['channel_mask', 'double-long-unsigned'],
  ['protocol_version', 'unsigned'],
  ['stack_profile', 'enum'],
  ['start_up_control', 'enum[0..3]'],
  ['trust_center_address', 'octet-string'],
  ['link_key', 'octet-string'],
  ['network_key', 'octet-string'],
  ['use_insecure_join', 'boolean'],
]);

/** Blue Book 4.14.3 ZigBee SAS join parameters (class_id 102, version 0). */
export const ZIGBEE_SAS_JOIN_PARAMETERS = defineClass(102, 0, 'ZigBee SAS join parameters', '4.14.3', [
  ['scan_attempts', 'unsigned'],
  ['time_between_scans', 'long-unsigned'],
  ['rejoin_interval', 'long-unsigned'],
  ['rejoin_retry_interval', 'long-unsigned'],
]);

/** Blue Book 4.14.4 ZigBee SAS APS fragmentation parameters (class_id 103, version 0). */
export const ZIGBEE_SAS_APS_FRAGMENTATION = defineClass(103, 0, 'ZigBee SAS APS fragmentation parameters', '4.14.4', [
  ['aps_interframe_delay', 'long-unsigned'],
  ['aps_max_window_size', 'unsigned'],
]);

/** Blue Book 4.14.5 ZigBee network control (class_id 104, version 0). */
export const ZIGBEE_NETWORK_CONTROL = defineClass(
  104,
  0,
  'ZigBee network control',
  '4.14.5',
  [
    ['enable_disable_joining', 'boolean'],
    ['join_timeout', 'long-unsigned'],
    ['active_devices', 'array<any>'],
  ],
  [
    ['register_device', 'octet-string'],
    ['unregister_device', 'octet-string'],
    ['unregister_all_devices', INTEGER_ZERO],
    ['backup_PAN', INTEGER_ZERO],
    ['restore_PAN', INTEGER_ZERO],
    ['identify_device', 'octet-string'],
    ['remove_mirror', 'octet-string'],
    ['update_network_key', INTEGER_ZERO],
    ['update_link_key', 'octet-string'],
    ['create_PAN', INTEGER_ZERO],
    ['remove_PAN', INTEGER_ZERO],
  ],
);

/** Blue Book 4.14.6 ZigBee tunnel setup (class_id 105, version 0). */
export const ZIGBEE_TUNNEL_SETUP = defineClass(105, 0, 'ZigBee tunnel setup', '4.14.6', [
  ['max_incoming_transfer_size', 'long-unsigned'],
  ['max_outgoing_transfer_size', 'long-unsigned'],
  ['protocol_address', 'octet-string'],
  ['close_tunnel_timeout', 'long-unsigned'],
]);

export const ZIGBEE_FAMILY = [ZIGBEE_SAS_STARTUP, ZIGBEE_SAS_JOIN_PARAMETERS, ZIGBEE_SAS_APS_FRAGMENTATION, ZIGBEE_NETWORK_CONTROL, ZIGBEE_TUNNEL_SETUP];
