import type { Fault } from './types';

/** Answers GET, SET and ACTION with an invoke-id other than the request's. */
export const getInvokeIdNotEchoed: Fault = {
  name: 'get-invoke-id-not-echoed',
  description: "A GET, SET or ACTION response carries the request's invoke-id plus one (modulo 16) instead of the same invoke-id.",
  clause: 'Green Book 9.4.6.3 (Invoke-Id-And-Priority: the response echoes the request)',
  hooks: {
    responseInvokeId: (id) => (id + 1) % 16,
  },
};
