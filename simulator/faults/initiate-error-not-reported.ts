import type { Fault } from './types';

/** Refuses an xDLMS context without saying why. */
export const initiateErrorNotReported: Fault = {
  name: 'initiate-error-not-reported',
  description: 'An AARE refusing the xDLMS context carries no confirmed-service-error initiateError in its user-information.',
  clause: 'Green Book 9.3.2 (AARE user-information carries the xDLMS InitiateError)',
  hooks: {
    onAarq: (d) =>
      d.kind === 'reject' && d.source !== 'acse-service-provider' && d.initiateError !== undefined
        ? { kind: 'reject', result: d.result, diagnostic: d.diagnostic }
        : d,
  },
};
