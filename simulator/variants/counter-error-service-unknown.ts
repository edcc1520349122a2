import { rewrite } from './apdu';
import type { Variant } from './types';

/** invocation-counter-error is what matters; the state-error beside it is not pinned. */
export const counterErrorServiceUnknown: Variant = {
  name: 'counter-error-service-unknown',
  description: 'A replayed or lower invocation counter is refused with exception-response state-error service-unknown, service-error invocation-counter-error.',
  clause: 'Green Book 9.2.7.2.4 and 9.5 ExceptionResponse (invocation-counter-error)',
  reading: 'docs/decisions/security-refusals.md',
  seen: 'real-meter.md section 2: D8 02 06 000001FC',
  hooks: {
    onApduOut: (_request, response) =>
      rewrite(response, (p) =>
        p.type === 'exception-response' && p.serviceError.kind === 'invocation-counter-error' ? { ...p, stateError: 'service-unknown' } : undefined,
      ),
  },
  affects: ['security/*'],
};
