import { pduOf } from './apdu';
import type { Variant } from './types';

/** No association, no answer: requests in IDLE get silence instead of an exception-response. */
export const idleSilence: Variant = {
  name: 'idle-silence',
  description: 'A request that needs an association, sent when none is open, gets no answer at all instead of an exception-response.',
  clause: 'Green Book 9.3.1 and 9.5 (the server may discard an xDLMS request outside an association); DLMS UA 1001-6 APPL_IDLE_N1',
  reading: 'docs/decisions/idle-silence-or-exception.md',
  hooks: {
    onApduOut: (_request, response, associated) => (!associated && pduOf(response)?.type === 'exception-response' ? undefined : response),
  },
  // Requests without an association are sent by association/ cases and by HDLC probes.
  affects: ['association/*', 'hdlc/*'],
};
