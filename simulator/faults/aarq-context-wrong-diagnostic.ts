import type { Fault } from './types';

/** Refuses an unsupported application context, but says no more than no-reason-given. */
export const aarqContextWrongDiagnostic: Fault = {
  name: 'aarq-context-wrong-diagnostic',
  description: 'An unsupported application context is refused with diagnostic no-reason-given instead of application-context-name-not-supported.',
  clause: 'Green Book 9.3.2 (AARE result-source-diagnostic)',
  hooks: {
    onAarq: (d) =>
      d.kind === 'reject' && d.diagnostic === 'application-context-name-not-supported'
        ? { kind: 'reject', result: d.result, diagnostic: 'no-reason-given' }
        : d,
  },
};
