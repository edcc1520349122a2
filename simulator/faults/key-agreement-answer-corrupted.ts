import type { Fault } from './types';

/** Blue Book 4.4.7: Security setup method 3, key_agreement. */
const KEY_AGREEMENT = { classId: 64, method: 3 } as const;

/** The server's ephemeral key arrives altered, so its signature cannot verify. */
export const keyAgreementAnswerCorrupted: Fault = {
  name: 'key-agreement-answer-corrupted',
  description: "key_agreement returns the server's ephemeral public key with one byte changed, so its signature does not verify.",
  clause: 'Green Book 9.2.3.4.6.4 (key agreement: the ephemeral key is signed)',
  hooks: {
    transformResponse: (request, response) => {
      if (
        request.type !== 'action-request' ||
        request.variant !== 'normal' ||
        request.method.classId !== KEY_AGREEMENT.classId ||
        request.method.methodId !== KEY_AGREEMENT.method
      )
        return response;
      if (response.type !== 'action-response' || response.variant !== 'normal') return response;
      const ret = response.singleResponse.returnParameters;
      if (ret?.kind !== 'data' || ret.data.type !== 'array') return response;
      const items = ret.data.items.map((item) => {
        if (item.type !== 'structure' || item.items[1]?.type !== 'octet-string') return item;
        const value = item.items[1].value.slice();
        value[0] = (value[0] ?? 0) ^ 0xff;
        return { ...item, items: [item.items[0]!, { type: 'octet-string' as const, value }] };
      });
      return { ...response, singleResponse: { ...response.singleResponse, returnParameters: { kind: 'data', data: { type: 'array', items } } } };
    },
  },
};
