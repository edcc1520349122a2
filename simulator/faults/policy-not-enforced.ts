import type { Fault } from './types';

/** The security policy is stored but never applied. */
export const policyNotEnforced: Fault = {
  name: 'policy-not-enforced',
  description: 'A request protected less than the security policy asks (or not at all) is served.',
  clause: 'Green Book 9.2.7.2.2 (security policy); Blue Book 4.4.7 security_policy',
  hooks: { security: { acceptPolicy: () => true } },
};
