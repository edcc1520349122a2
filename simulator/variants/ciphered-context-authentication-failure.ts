import { applicationContextNameOf } from '../../dlms/acse/names';
import type { Variant } from './types';

/** A ciphered context proposed to an association without security, refused as an authentication failure. */
export const cipheredContextAuthenticationFailure: Variant = {
  name: 'ciphered-context-authentication-failure',
  description:
    'An AARQ proposing a context with ciphering to an association without security is refused with acse-service-user authentication-failure (not application-context-name-not-supported).',
  clause: 'Green Book 9.3.2; the AARQ has several faults, any acse-service-user rejection refuses it',
  reading: 'docs/decisions/aare-refusal-diagnostics.md',
  seen: 'real-meter.md section 2: A3 05 A1 03 02 01 0D',
  hooks: {
    refineAarq: (aarq, d) => {
      const context = applicationContextNameOf(aarq.applicationContextName);
      const ciphered = context === 'logical-name-with-ciphering' || context === 'short-name-with-ciphering';
      return ciphered && d.kind === 'reject' && d.source !== 'acse-service-provider' && d.diagnostic === 'application-context-name-not-supported'
        ? { ...d, diagnostic: 'authentication-failure' }
        : d;
    },
  },
  // Only these cases propose a ciphered context to an association without security.
  affects: ['association/acse-fields', 'association/open', 'security/hls'],
};
