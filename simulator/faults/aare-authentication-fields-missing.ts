import { rewrite } from '../variants/apdu';
import type { Fault } from './types';

/** real-meter.md section 5: an authenticated AARE without responder-acse-requirements and mechanism-name. */
export const aareAuthenticationFieldsMissing: Fault = {
  name: 'aare-authentication-fields-missing',
  description:
    'An AARE accepting an HLS association carries the responding-authentication-value (StoC) but neither responder-acse-requirements nor mechanism-name.',
  clause: 'Green Book 9.3.2 (AARE: responder-acse-requirements and mechanism-name present when authentication is used) and 9.2.7.4 (HLS pass 2)',
  hooks: {
    onApduOut: (_request, response) =>
      rewrite(response, (pdu) => {
        if (pdu.type !== 'aare' || pdu.result !== 'accepted' || pdu.respondingAuthenticationValue === undefined) return undefined;
        const { responderAcseRequirements: _fu, mechanismName: _mechanism, ...rest } = pdu;
        return rest;
      }),
  },
};
