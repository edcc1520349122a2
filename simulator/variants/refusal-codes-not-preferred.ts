import { rewrite } from './apdu';
import type { Variant } from './types';

/**
 * Refusals whose code the standard does not pin, each in an allowed but not preferred form
 * (docs/decisions/expectation-review.md, second pass): the cases pass with a remark.
 */
export const refusalCodesNotPreferred: Variant = {
  name: 'refusal-codes-not-preferred',
  description:
    'Refuses with codes the standard allows but does not prefer: an undefined method with action-result other-reason (not object-undefined); a service outside the negotiated conformance, and a request in an unauthenticated HLS association, with exception-response state-error service-unknown; an access selector the buffer does not offer with type-unmatched (not other-reason).',
  clause: 'Green Book 9.5 (Action-Result, Data-Access-Result, ExceptionResponse state-error): the refusal is pinned, its code is not',
  reading: 'docs/decisions/expectation-review.md',
  hooks: {
    onGet: (address, r) => (address.classId === 7 && r.kind === 'error' && r.result === 'other-reason' ? { kind: 'error', result: 'type-unmatched' } : r),
    onApduOut: (_request, response) =>
      rewrite(response, (p) => {
        if (
          p.type === 'exception-response' &&
          p.stateError === 'service-not-allowed' &&
          (p.serviceError.kind === 'service-not-supported' || p.serviceError.kind === 'operation-not-possible')
        )
          return { ...p, stateError: 'service-unknown' };
        if (p.type === 'action-response' && p.variant === 'normal' && p.singleResponse.result === 'object-undefined')
          return { ...p, singleResponse: { ...p.singleResponse, result: 'other-reason' } };
        return undefined;
      }),
  },
  affects: ['services/*', 'selective-access/*', 'security/hls'],
};
