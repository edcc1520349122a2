import type { Fault } from './types';

/** The meter insists on an authentication tag even where its policy asks for encryption only. */
export const authenticationAlwaysRequired: Fault = {
  name: 'authentication-always-required',
  description: 'A request encrypted only (security control 0x20) is refused even where the security policy asks for encryption only.',
  clause: 'Green Book 9.2.7.2.2 (security policy), 9.2.7.2.3 (security control)',
  hooks: { security: { requireAuthentication: () => true } },
};
