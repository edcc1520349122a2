import type { Fault } from './types';

/** Green Book 9.3.8: action-response [199], choice normal (1). */
const ACTION_RESPONSE = 0xc7;
const NORMAL = 0x01;
/** Action-Result read-write-denied (3), then return-parameters absent (0x00). */
const READ_WRITE_DENIED = 0x03;
const ABSENT = 0x00;
const REFUSAL_LENGTH = 5;

/**
 * What the independent meter sent (docs/interop/gurux-cpp.md, truncated action-response): a refused
 * ACTION answered without the return-parameters presence byte, so the APDU ends inside the
 * single-response. A case that invokes a method without access must fail on it, not call the
 * service "not served". Applied to the plain response, so ciphered associations get it too.
 */
export const methodRefusalTruncated: Fault = {
  name: 'method-refusal-truncated',
  description:
    'An action-response-normal refusing a method (read-write-denied) is sent without its last byte (the return-parameters presence flag): C7 01 xx 03 instead of C7 01 xx 03 00.',
  clause: 'Green Book 9.3.8 ACTION (Action-Response-Normal, return-parameters OPTIONAL) and 9.5 (A-XDR)',
  hooks: {
    transformResponseBytes: (_request, response) =>
      response.length === REFUSAL_LENGTH &&
      response[0] === ACTION_RESPONSE &&
      response[1] === NORMAL &&
      response[3] === READ_WRITE_DENIED &&
      response[4] === ABSENT
        ? response.subarray(0, REFUSAL_LENGTH - 1)
        : response,
  },
};
