import type { Fault } from './types';

/** Security setup methods that answer success and change nothing. */
export const securityChangesNotApplied: Fault = {
  name: 'security-changes-not-applied',
  description: 'security_activate, global_key_transfer and key_agreement answer success but the old policy and keys stay in force.',
  clause: 'Blue Book 4.4.7 (Security setup methods)',
  hooks: { security: { applyChanges: () => false } },
};
