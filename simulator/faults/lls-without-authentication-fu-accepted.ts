import type { Fault } from './types';

/** Runs LLS even when the AARQ did not select the authentication functional unit. */
export const llsWithoutAuthenticationFuAccepted: Fault = {
  name: 'lls-without-authentication-fu-accepted',
  description: 'An AARQ for an LLS association without sender-acse-requirements (authentication functional unit) is accepted instead of refused with authentication-required.',
  clause: 'Green Book 9.3.2 (ACSE-requirements), 9.2.7.3 (authentication)',
  hooks: { checkAarq: (check, _aarq, passes) => (check === 'acse-requirements' ? true : passes) },
};
