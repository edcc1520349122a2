import { pduOf } from '../variants/apdu';
import type { Fault } from './types';

/** exception-response, state-error service-not-allowed, service-error deciphering-error, as the real meter sent it. */
const EXCEPTION = Uint8Array.of(0xd8, 0x01, 0x05);

export const initiateFailureAsException: Fault = {
  name: 'initiate-failure-as-exception',
  description:
    'An AARQ whose glo-initiate-request does not decipher (wrong key, tag) is answered with an exception-response (D8 01 05) instead of an AARE rejected-permanent carrying a confirmed-service-error.',
  clause: 'Green Book 9.3.2 (every AARQ gets an AARE; a failed xDLMS initiate is reported in it as initiateError); real-meter.md section 1',
  hooks: {
    onApduOut: (request, response) => {
      if (request[0] !== 0x60) return response;
      const aare = pduOf(response);
      const ui = aare?.type === 'aare' ? aare.userInformation?.apdu : undefined;
      return aare?.type === 'aare' &&
        aare.result !== 'accepted' &&
        ui?.type === 'confirmed-service-error' &&
        ui.service === 'initiateError' &&
        ui.error.kind === 'application-reference'
        ? EXCEPTION
        : response;
    },
  },
};
