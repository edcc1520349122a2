import type { Variant } from './types';

/** The required refusal of an unprotected RLRQ, said with an exception-response instead of an RLRE. */
export const unprotectedRlrqException: Variant = {
  name: 'unprotected-rlrq-exception',
  description:
    'In an association with ciphering, an RLRQ whose user-information is missing or not protected is refused with exception-response service-not-allowed, service-not-supported (D8 01 02); the association stays.',
  clause: 'Green Book 9.3.3 (release of a ciphered association) and 9.5 ExceptionResponse',
  reading: 'docs/decisions/security-refusals.md',
  seen: 'real-meter.md section 2: 62 03 80 01 00 answered D8 01 02',
  hooks: { security: { unprotectedRlrqRefusal: 'exception' } },
  affects: ['security/*'],
};
