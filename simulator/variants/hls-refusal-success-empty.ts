import { pduOf, rewrite } from './apdu';
import type { Variant } from './types';

/** Association LN (class 15), method 1 reply_to_HLS_authentication (Blue Book 4.4.3). */
const ASSOCIATION_LN = 15;
const REPLY_TO_HLS = 1;

function isHlsReply(request: Uint8Array): boolean {
  const r = pduOf(request);
  return r?.type === 'action-request' && r.variant === 'normal' && r.method.classId === ASSOCIATION_LN && r.method.methodId === REPLY_TO_HLS;
}

/** A wrong f(StoC) refused by withholding f(CtoS) under an action-result success (the Gurux example server). */
export const hlsRefusalSuccessEmpty: Variant = {
  name: 'hls-refusal-success-empty',
  description:
    'A wrong f(StoC) in HLS pass 3 is answered with action-result success and no return parameters (no f(CtoS)) instead of other-reason, in associations without ciphering; the association stays unauthenticated.',
  clause: 'Green Book 9.2.7.4 (the client is authenticated only when the server returns f(CtoS))',
  reading: 'docs/decisions/hls-pass-3-refusal.md',
  seen: 'gurux-cpp: reply_to_HLS_authentication with a wrong f(StoC) -> C7 01 C2 00 00',
  hooks: {
    onApduOut: (request, response) =>
      isHlsReply(request)
        ? rewrite(response, (p) =>
            p.type === 'action-response' &&
            p.variant === 'normal' &&
            p.singleResponse.result === 'other-reason' &&
            p.singleResponse.returnParameters === undefined
              ? { ...p, singleResponse: { result: 'success' } }
              : undefined,
          )
        : response,
  },
  affects: ['security/hls'],
};
