import { defineClass } from './common';

/** Blue Book 4.7.3 IEC twisted pair (1) setup (class_id 24, version 1): IEC 62056-3-1 bus. */
export const IEC_TWISTED_PAIR_SETUP = defineClass(24, 1, 'IEC twisted pair (1) setup', '4.7.3', [
  ['mode', 'enum[0..1]', 'static'], // 0 inactive, 1 active
  ['comm_speed', 'enum[0..9]', 'static'],
  ['primary_address_list', 'array<unsigned>', 'static'],
  ['tabi_list', 'array<integer>', 'static'],
  ['fatal_error', 'enum'],
]);
