import { DATE_TIME, INTEGER_ZERO, LOGICAL_NAME } from './common';
import type { InterfaceClassDef } from './types';

/** Blue Book 4.6.2 Account (class_id 111, version 0): prepayment credit and charges (payment metering). */
export const ACCOUNT: InterfaceClassDef = {
  classId: 111,
  version: 0,
  name: 'Account',
  clause: '4.6.2',
  attributes: [
    LOGICAL_NAME,
    { index: 2, name: 'account_mode_and_status', type: 'structure{account_mode: enum, account_status: enum}' },
    { index: 3, name: 'current_credit_in_use', type: 'unsigned' },
    { index: 4, name: 'current_credit_status', type: 'bit-string' },
    { index: 5, name: 'available_credit', type: 'double-long' },
    { index: 6, name: 'amount_to_clear', type: 'double-long' },
    { index: 7, name: 'clearance_threshold', type: 'double-long' },
    { index: 8, name: 'aggregated_debt', type: 'double-long' },
    { index: 9, name: 'credit_reference_list', type: 'array<octet-string>' },
    { index: 10, name: 'charge_reference_list', type: 'array<octet-string>' },
    {
      index: 11,
      name: 'credit_charge_configuration',
      type: 'array<structure{credit_reference: octet-string, charge_reference: octet-string, collection_configuration: bit-string}>',
    },
    { index: 12, name: 'token_gateway_configuration', type: 'array<structure{credit_reference: octet-string, token_proportion: unsigned}>' },
    { index: 13, name: 'account_activation_time', type: DATE_TIME },
    { index: 14, name: 'account_closure_time', type: DATE_TIME },
    { index: 15, name: 'currency', type: 'structure{currency_name: utf8-string, currency_scale: integer, currency_unit: enum}' },
    { index: 16, name: 'low_credit_threshold', type: 'double-long' },
    { index: 17, name: 'next_credit_available_threshold', type: 'double-long' },
    { index: 18, name: 'max_provision', type: 'long-unsigned' },
    { index: 19, name: 'max_provision_period', type: 'double-long-unsigned' },
  ],
  methods: [
    { index: 1, name: 'activate_account', parameter: INTEGER_ZERO },
    { index: 2, name: 'close_account', parameter: INTEGER_ZERO },
    { index: 3, name: 'reset_account', parameter: INTEGER_ZERO },
  ],
};
