/** Payment metering beyond Account (Blue Book 4.6): Credit, Charge and Token gateway. */
import { DATE_TIME, INTEGER_ZERO, VALUE_DEFINITION, defineClass } from './common';

/** Blue Book 4.6.3 Credit (class_id 112, version 0). */
export const CREDIT = defineClass(
  112,
  0,
  'Credit',
  '4.6.3',
  [
    ['current_credit_amount', 'double-long'],
    ['credit_type', 'enum[0..4]', 'static'], // token, reserved, emergency, time-based, consumption-based
    ['priority', 'unsigned', 'static'],
    ['warning_threshold', 'double-long', 'static'],
    ['limit', 'double-long', 'static'],
    ['credit_configuration', 'bit-string', 'static'],
    ['credit_status', 'enum[0..4]'], // enabled, selectable, selected/invoked, in use, exhausted
    ['preset_credit_amount', 'double-long', 'static'],
    ['credit_available_threshold', 'double-long', 'static'],
    ['period', DATE_TIME, 'static'],
  ],
  [
    ['update_amount', 'double-long'],
    ['set_amount_to_value', 'double-long'],
    ['invoke_credit', 'enum'],
  ],
);

const UNIT_CHARGE = `structure{charge_per_unit_scaling: structure{commodity_scale: integer, price_scale: integer}, commodity: ${VALUE_DEFINITION}, charge_table: array<structure{index: octet-string, charge_per_unit: long}>}`;

/** Blue Book 4.6.4 Charge (class_id 113, version 0). */
export const CHARGE = defineClass(
  113,
  0,
  'Charge',
  '4.6.4',
  [
    ['total_amount_paid', 'double-long'],
    ['charge_type', 'enum[0..2]', 'static'], // consumption-based collection, time-based collection, payment-event-based
    ['priority', 'unsigned', 'static'],
    ['unit_charge_active', UNIT_CHARGE],
    ['unit_charge_passive', UNIT_CHARGE, 'static'],
    ['unit_charge_activation_time', DATE_TIME, 'static'],
    ['period', 'double-long-unsigned', 'static'],
    ['charge_configuration', 'bit-string', 'static'],
    ['last_collection_time', DATE_TIME],
    ['last_collection_amount', 'double-long'],
    ['total_amount_remaining', 'double-long'],
    ['proportion', 'long-unsigned', 'static'],
  ],
  [
    ['update_unit_charge', UNIT_CHARGE],
    ['activate_passive_unit_charge', INTEGER_ZERO],
    ['collect', INTEGER_ZERO],
    ['update_total_amount_remaining', 'double-long'],
    ['set_total_amount_remaining', 'double-long'],
  ],
);

/** Blue Book 4.6.5 Token gateway (class_id 115, version 0). */
export const TOKEN_GATEWAY = defineClass(
  115,
  0,
  'Token gateway',
  '4.6.5',
  [
    ['token', 'octet-string'],
    ['token_time', DATE_TIME],
    ['token_description', 'array<octet-string>'],
    ['token_delivery_method', 'enum[0..2]'], // remote, local, manual
    ['token_status', 'structure{token_status_code: enum, data_value: bit-string}'],
  ],
  [['enter', 'octet-string']],
);

export const PAYMENT_FAMILY = [CREDIT, CHARGE, TOKEN_GATEWAY];
