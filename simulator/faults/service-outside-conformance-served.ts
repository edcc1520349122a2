import type { Fault } from './types';

/** Serves every service the server implements, negotiated or not. */
export const serviceOutsideConformanceServed: Fault = {
  name: 'service-outside-conformance-served',
  description:
    'Requests for services outside the negotiated conformance block (e.g. ACTION in an association without action) are served instead of refused with an exception-response.',
  clause: 'Green Book 9.4.6.1 (conformance block) and 9.5 ExceptionResponse (service-not-allowed, service-not-supported)',
  hooks: {
    serveService: () => true,
  },
};
