import { rewrite } from './apdu';
import type { Variant } from './types';

/** The standard pins the service-error (deciphering-error), not the state-error beside it. */
export const decipheringErrorServiceUnknown: Variant = {
  name: 'deciphering-error-service-unknown',
  description:
    'A request whose tag does not verify, whose key is wrong or whose protection is weaker than the policy is refused with exception-response state-error service-unknown (not service-not-allowed), service-error deciphering-error.',
  clause: 'Green Book 9.2.7.2.4 and 9.5 ExceptionResponse (deciphering-error; the state-error is not pinned)',
  reading: 'docs/decisions/security-refusals.md',
  seen: 'real-meter.md section 2: D8 02 05',
  hooks: {
    onApduOut: (_request, response) =>
      rewrite(response, (p) =>
        p.type === 'exception-response' && p.serviceError.kind === 'deciphering-error' ? { ...p, stateError: 'service-unknown' } : undefined,
      ),
  },
  affects: ['security/*'],
};
