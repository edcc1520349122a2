import { bitAt } from '../../dlms/ber/bit-string';
import type { Fault } from './types';

/** ACSE-requirements bit 0: the authentication functional unit. */
const AUTHENTICATION_FU_BIT = 0;

/**
 * Takes an AARQ without the authentication functional unit as needing no authentication: the
 * password is not checked at all. (Accepting such an AARQ *with* the right password is allowed,
 * docs/decisions/aare-refusal-diagnostics.md; skipping the check is not.)
 */
export const llsWithoutAuthenticationFuAccepted: Fault = {
  name: 'lls-without-authentication-fu-accepted',
  description:
    'An AARQ for an LLS association without sender-acse-requirements (authentication functional unit) is accepted without checking its password, a wrong one included.',
  clause:
    'Green Book 9.3.2 (ACSE-requirements), 9.2.7.3 (authentication); real-meter.md section 4 (an association requiring authentication accepts an AARQ without it)',
  hooks: {
    checkAarq: (check, aarq, passes) => {
      const fu = aarq.senderAcseRequirements !== undefined && bitAt(aarq.senderAcseRequirements, AUTHENTICATION_FU_BIT);
      if (check === 'acse-requirements') return true;
      if (check === 'authentication-value' && !fu) return true;
      return passes;
    },
  },
};
