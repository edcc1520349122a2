/**
 * Wi-SUN (Blue Book 4.15) and LoRaWAN (Blue Book 4.16): the newest communication profiles. No
 * public source at hand confirmed their attribute lists, so they are provisional: a meter whose
 * object list differs gets a remark, not a failure (docs/decisions/class-catalogue.md).
 */
import { INTEGER_ZERO, defineClass } from './common';
import type { InterfaceClassDef } from './types';

const provisional = (c: InterfaceClassDef): InterfaceClassDef => ({ ...c, provisional: true });
const COUNTER = 'double-long-unsigned';

/** Blue Book 4.15.2 Wi-SUN setup (class_id 95, version 0). */
export const WISUN_SETUP = provisional(
  defineClass(95, 0, 'Wi-SUN setup', '4.15.2', [
    ['PAN_ID', 'long-unsigned'],
    ['network_name', 'octet-string'],
    ['routing_method', 'enum'],
    ['regulatory_domain', 'enum'],
    ['operating_class', 'unsigned'],
    ['channel_plan', 'any'],
    ['broadcast_interval', 'double-long-unsigned'],
  ]),
);

/** Blue Book 4.15.3 Wi-SUN diagnostic (class_id 96, version 0). */
export const WISUN_DIAGNOSTIC = provisional(
  defineClass(
    96,
    0,
    'Wi-SUN diagnostic',
    '4.15.3',
    [
      ['join_state', 'enum'],
      ['PAN_size', 'long-unsigned'],
      ['routing_cost', 'long-unsigned'],
      ['neighbours', 'array<any>'],
    ],
    [['reset', INTEGER_ZERO]],
  ),
);

/** Blue Book 4.15.4 RPL diagnostic (class_id 97, version 0). */
export const RPL_DIAGNOSTIC = provisional(
  defineClass(
    97,
    0,
    'RPL diagnostic',
    '4.15.4',
    [
      ['DODAG_ID', 'octet-string'],
      ['DODAG_version', 'unsigned'],
      ['rank', 'long-unsigned'],
      ['parents', 'array<any>'],
    ],
    [['reset', INTEGER_ZERO]],
  ),
);

/** Blue Book 4.15.5 MPL diagnostic (class_id 98, version 0). */
export const MPL_DIAGNOSTIC = provisional(
  defineClass(
    98,
    0,
    'MPL diagnostic',
    '4.15.5',
    [
      ['domains', 'array<any>'],
      ['seeds', 'array<any>'],
      ['messages', COUNTER],
    ],
    [['reset', INTEGER_ZERO]],
  ),
);

/** Blue Book 4.16.2 LoRaWAN setup (class_id 128, version 0). */
export const LORAWAN_SETUP = provisional(
  defineClass(128, 0, 'LoRaWAN setup', '4.16.2', [
    ['DevEUI', 'octet-string(8)', 'static'],
    ['JoinEUI', 'octet-string(8)'],
    ['LoRaWAN_version', 'any'],
    ['ADR_enabled', 'boolean'],
    ['data_rate', 'unsigned'],
    ['tx_power', 'unsigned'],
    ['confirmed_uplinks', 'boolean'],
  ]),
);

/** Blue Book 4.16.3 LoRaWAN diagnostic (class_id 129, version 0). */
export const LORAWAN_DIAGNOSTIC = provisional(
  defineClass(
    129,
    0,
    'LoRaWAN diagnostic',
    '4.16.3',
    [
      ['join_status', 'enum'],
      ['last_RSSI', 'integer'],
      ['last_SNR', 'integer'],
      ['uplink_counter', COUNTER],
      ['downlink_counter', COUNTER],
    ],
    [['reset', INTEGER_ZERO]],
  ),
);

export const WIRELESS_FAMILY = [WISUN_SETUP, WISUN_DIAGNOSTIC, RPL_DIAGNOSTIC, MPL_DIAGNOSTIC, LORAWAN_SETUP, LORAWAN_DIAGNOSTIC];
