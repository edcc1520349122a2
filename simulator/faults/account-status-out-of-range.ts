import { alterAttribute, withItem } from './attribute-hook';
import type { Fault } from './types';

export const accountStatusOutOfRange: Fault = {
  name: 'account-status-out-of-range',
  description: 'Account account_mode_and_status (class 111 attribute 2) reports account_status 4.',
  clause: 'Blue Book 4.6.2 (Account account_status: 1..3)',
  hooks: alterAttribute(111, 2, (v) => withItem(v, 1, { type: 'enum', value: 4 })),
};
