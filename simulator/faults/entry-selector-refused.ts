import type { Fault } from './types';

/** Green Book 9.3.x selective access: selector 2 is by entry. */
const BY_ENTRY = 2;

export const entrySelectorRefused: Fault = {
  name: 'entry-selector-refused',
  description:
    'Every GET of a Profile generic buffer selected by entry (selector 2) is refused with temporary-failure (C4 01 C1 01 02), whatever entries it asks.',
  clause: 'Blue Book 4.3.6 (Profile generic, selective access by entry); real-meter.md section 1',
  hooks: {
    transformResponse: (request, response) =>
      request.type === 'get-request' &&
      request.variant === 'normal' &&
      request.accessSelection?.accessSelector === BY_ENTRY &&
      response.type === 'get-response' &&
      response.variant === 'normal'
        ? { ...response, result: { kind: 'data-access-result', result: 'temporary-failure' } }
        : response,
  },
};
